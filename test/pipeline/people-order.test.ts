// People are numbered in customer_key order: the typed sort for many keys against a comparison sort.
import { describe, expect, it } from 'vitest';
import { ascendingOrder } from '../../src/pipeline/silver/resolve-identities';
import { createRng } from '../../src/pipeline/random';

const byComparison = (keys: readonly string[]) =>
  Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));

describe('ascendingOrder', () => {
  const rng = createRng(11);
  const hex = (digits: number) => Array.from({ length: digits }, () => '0123456789abcdef'[rng.int(16)]).join('');
  // Many keys (the typed path), with shared high halves and exact duplicates among them.
  const highs = Array.from({ length: 3000 }, () => hex(8));
  const keys = Array.from({ length: 70000 }, () => `c360_${rng.pick(highs)}${hex(8)}`);
  keys.push(keys[5], keys[70], keys[5]);

  it('orders customer keys as the comparison sort does, duplicates by position', () => {
    expect(Array.from(ascendingOrder(keys))).toEqual(byComparison(keys));
  });

  it('falls back to the comparison sort for keys that are not prefix + 16 hex digits', () => {
    const mixed = [...keys.slice(0, 69999), 'c360_ABCDEF0123456789'];
    expect(Array.from(ascendingOrder(mixed))).toEqual(byComparison(mixed));
    const short = [...keys.slice(0, 69999), 'x'];
    expect(Array.from(ascendingOrder(short))).toEqual(byComparison(short));
  });

  it('orders few keys too', () => {
    expect(Array.from(ascendingOrder(['c360_b', 'c360_a', 'c360_b']))).toEqual([1, 0, 2]);
    expect(Array.from(ascendingOrder([]))).toEqual([]);
  });
});
