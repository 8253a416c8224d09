// Dense string ids: the typed hash table against a Map, and ranks in code-unit order.
import { describe, expect, it } from 'vitest';
import { MapIds, sortedRanks, TypedIds } from '../../src/pipeline/silver/string-ids';
import { createRng } from '../../src/pipeline/random';

const rng = createRng(7);
const alphabet = ['a', 'b', 'Z', '0', '@', '.', ' ', 'é', '\u{1F600}', '\uD800'];
const randomText = () => Array.from({ length: rng.int(6) }, () => rng.pick(alphabet)).join('');

describe('TypedIds', () => {
  it('gives the same ids as a Map, also when it outgrows the expected count', () => {
    const values = Array.from({ length: 5000 }, randomText);
    const typed = new TypedIds(10), map = new MapIds();
    expect(values.map((v) => typed.add(v))).toEqual(values.map((v) => map.add(v)));
    expect(typed.values).toEqual(map.values);
    expect(values.map((v) => typed.find(v))).toEqual(values.map((v) => map.find(v)));
    expect(typed.find('never added')).toBe(-1);
  });

  it('tells apart equal-length strings and equal strings held by different objects', () => {
    const ids = new TypedIds(4);
    const a = ids.add('W0000001'), b = ids.add('W0000002');
    expect(a).not.toBe(b);
    expect(ids.add(['W000', '0001'].join(''))).toBe(a);
  });
});

describe('sortedRanks', () => {
  it('ranks in UTF-16 code unit order, equal values alike, null as -1', () => {
    const { rank, sorted } = sortedRanks(['b', null, 'B', 'a', 'b', '\u{1F600}', '\uFFFF']);
    expect(sorted).toEqual(['B', 'a', 'b', '\u{1F600}', '\uFFFF']);
    expect(Array.from(rank)).toEqual([2, -1, 0, 1, 2, 3, 4]);
  });
});
