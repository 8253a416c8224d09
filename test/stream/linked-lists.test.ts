// The engine's per-record lists against plain arrays, through random adds and moves.
import { describe, expect, it } from 'vitest';
import { ItemLists, MovableLists } from '../../src/pipeline/stream/linked-lists';
import { createRng } from '../../src/pipeline/random';

const listOf = (l: { first(o: number): number; after(i: number): number }, owner: number) => {
  const out: number[] = [];
  for (let i = l.first(owner); i >= 0; i = l.after(i)) out.push(i);
  return out;
};

describe('linked lists', () => {
  it('ItemLists: each owner lists its items, latest first; item 0 and owner 0 work', () => {
    const l = new ItemLists(3, 6);
    expect(l.isEmpty(0)).toBe(true);
    for (const [owner, item] of [[0, 0], [2, 1], [0, 2], [0, 5], [2, 3]]) l.add(owner, item);
    expect(listOf(l, 0)).toEqual([5, 2, 0]);
    expect(listOf(l, 1)).toEqual([]);
    expect(listOf(l, 2)).toEqual([3, 1]);
    expect(l.isEmpty(0)).toBe(false);
  });

  it('MovableLists: items move between owners (head, middle, tail, only item) like arrays', () => {
    const rng = createRng(3);
    const owners = 5, items = 40;
    const l = new MovableLists(owners, items);
    const expected: number[][] = Array.from({ length: owners }, () => []);
    const ownerOf = new Int32Array(items).fill(-1);
    for (let step = 0; step < 2_000; step++) {
      const item = rng.int(items), to = rng.int(owners);
      if (ownerOf[item] >= 0) {
        l.remove(ownerOf[item], item);
        const list = expected[ownerOf[item]];
        list.splice(list.indexOf(item), 1);
      }
      l.add(to, item);
      expected[to].unshift(item);
      ownerOf[item] = to;
      if (step % 97 === 0) for (let o = 0; o < owners; o++) expect(listOf(l, o)).toEqual(expected[o]);
    }
    for (let o = 0; o < owners; o++) expect(listOf(l, o)).toEqual(expected[o]);
  });
});
