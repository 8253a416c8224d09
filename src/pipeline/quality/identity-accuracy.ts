// Pairwise precision and recall of the resolved people against the generator's truth.
// precision = same-person pairs inside resolved people / pairs inside resolved people (1 if none);
// recall = the same numerator / same-person pairs (1 if none).

export interface IdentityAccuracy {
  readonly resolvedPairs: number;
  readonly truePairs: number;
  readonly correctPairs: number;
  readonly precision: number;
  readonly recall: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairs of records in the same group; records in group -1 are each alone (no pairs). */
function pairsInGroups(groupOf: ArrayLike<number>, groups: number): number {
  const size = new Float64Array(groups);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i];
    if (g >= 0) size[g]++;
  }
  let total = 0;
  for (let g = 0; g < groups; g++) total += pairs(size[g]);
  return total;
}

/**
 * Pairs of records in both the same resolved and the same true person. Records are bucketed by
 * true person (a counting sort), then each bucket counts its members per resolved person, with a
 * stamp so the per-person counters need no clearing between buckets: O(records), no sort.
 */
function pairsInBoth(resolved: ArrayLike<number>, resolvedGroups: number, truthGroup: Int32Array, truthGroups: number): number {
  const start = new Int32Array(truthGroups + 1);
  for (let i = 0; i < truthGroup.length; i++) if (truthGroup[i] >= 0) start[truthGroup[i] + 1]++;
  for (let g = 0; g < truthGroups; g++) start[g + 1] += start[g];
  const members = new Int32Array(start[truthGroups]);
  const next = start.slice(0, truthGroups);
  for (let i = 0; i < truthGroup.length; i++) if (truthGroup[i] >= 0) members[next[truthGroup[i]]++] = i;
  const stamp = new Int32Array(resolvedGroups).fill(-1);
  const count = new Int32Array(resolvedGroups);
  let total = 0;
  for (let g = 0; g < truthGroups; g++) {
    for (let k = start[g]; k < start[g + 1]; k++) {
      const r = resolved[members[k]];
      if (stamp[r] !== g) {
        stamp[r] = g;
        count[r] = 0;
      }
      total += count[r]++; // the m-th member of a (resolved, true) group adds m - 1 pairs
    }
  }
  return total;
}

/**
 * resolved[i] is record i's resolved person (0-based); truthGroup[i] its true person as a dense
 * index below truthGroups, or -1 when the truth does not list it (a person of its own).
 */
export function identityAccuracyOfGroups(resolved: ArrayLike<number>, truthGroup: Int32Array, truthGroups: number): IdentityAccuracy {
  let maxResolved = -1;
  for (let i = 0; i < resolved.length; i++) if (resolved[i] > maxResolved) maxResolved = resolved[i];
  const resolvedPairs = pairsInGroups(resolved, maxResolved + 1);
  const truePairs = pairsInGroups(truthGroup, truthGroups);
  const correctPairs = pairsInBoth(resolved, maxResolved + 1, truthGroup, truthGroups);
  return {
    resolvedPairs, truePairs, correctPairs,
    precision: resolvedPairs === 0 ? 1 : correctPairs / resolvedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
  };
}

/** resolved[i] and truth[i] are the resolved person (0-based) and the true person of record i. */
export function identityAccuracy(resolved: ArrayLike<number>, truth: ArrayLike<string | number>): IdentityAccuracy {
  const truthIds = new Map<string | number, number>();
  const truthGroup = new Int32Array(truth.length);
  for (let i = 0; i < truth.length; i++) {
    let t = truthIds.get(truth[i]);
    if (t === undefined) truthIds.set(truth[i], (t = truthIds.size));
    truthGroup[i] = t;
  }
  return identityAccuracyOfGroups(resolved, truthGroup, truthIds.size);
}
