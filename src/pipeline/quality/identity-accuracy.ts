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

function pairsInGroups(groupOf: ArrayLike<number>, groups: number): number {
  const size = new Float64Array(groups);
  for (let i = 0; i < groupOf.length; i++) size[groupOf[i]]++;
  let total = 0;
  for (let g = 0; g < groups; g++) total += pairs(size[g]);
  return total;
}

/** resolved[i] and truth[i] are the resolved person (0-based) and the true person of record i. */
export function identityAccuracy(resolved: ArrayLike<number>, truth: ArrayLike<string | number>): IdentityAccuracy {
  const n = truth.length;
  const truthIds = new Map<string | number, number>();
  const truthOf = new Int32Array(n);
  let maxResolved = -1;
  for (let i = 0; i < n; i++) {
    let t = truthIds.get(truth[i]);
    if (t === undefined) truthIds.set(truth[i], (t = truthIds.size));
    truthOf[i] = t;
    if (resolved[i] > maxResolved) maxResolved = resolved[i];
  }
  const resolvedPairs = pairsInGroups(resolved, maxResolved + 1);
  const truePairs = pairsInGroups(truthOf, truthIds.size);
  // Records in both the same resolved and the same true person: runs of equal (resolved, truth).
  const both = new Float64Array(n);
  for (let i = 0; i < n; i++) both[i] = resolved[i] * truthIds.size + truthOf[i];
  both.sort();
  let correctPairs = 0, run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && both[i] === both[i - 1]) run++;
    else {
      correctPairs += pairs(run);
      run = 1;
    }
  }
  if (n === 0) correctPairs = 0;
  return {
    resolvedPairs, truePairs, correctPairs,
    precision: resolvedPairs === 0 ? 1 : correctPairs / resolvedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
  };
}
