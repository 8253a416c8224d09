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

function groupSizes(keys: readonly (string | number)[]): Map<string | number, number> {
  const m = new Map<string | number, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** resolved[i] and truth[i] are the resolved person and the true person of record i. */
export function identityAccuracy(resolved: ArrayLike<number>, truth: readonly string[]): IdentityAccuracy {
  const n = truth.length;
  const r: number[] = [], t: string[] = [], both: string[] = [];
  for (let i = 0; i < n; i++) {
    r.push(resolved[i]);
    t.push(truth[i]);
    both.push(resolved[i] + '\u0000' + truth[i]);
  }
  let resolvedPairs = 0, truePairs = 0, correctPairs = 0;
  for (const s of groupSizes(r).values()) resolvedPairs += pairs(s);
  for (const s of groupSizes(t).values()) truePairs += pairs(s);
  for (const s of groupSizes(both).values()) correctPairs += pairs(s);
  return {
    resolvedPairs, truePairs, correctPairs,
    precision: resolvedPairs === 0 ? 1 : correctPairs / resolvedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
  };
}
