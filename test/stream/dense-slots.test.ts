// DenseSlots numbers a topic's ids once: small non-negative integers are their own slots, any other
// ids (large, negative, fractional) are numbered in first-seen order by its typed hash table.
import { describe, expect, it } from 'vitest';
import { DenseSlots } from '../../src/pipeline/stream/dense-slots';
import { createRng } from '../../src/pipeline/random';

describe('DenseSlots', () => {
  it('small integer ids are their own slots; a missing id is -1', () => {
    const d = new DenseSlots(Float64Array.of(3, NaN, 0, 3, 7));
    expect(Array.from(d.rowSlot)).toEqual([3, -1, 0, 3, 7]);
    expect(d.count).toBe(8);
    expect([d.find(7), d.find(8), d.find(-1), d.find(2.5)]).toEqual([7, -1, -1, -1]);
  });

  it.each([
    ['large integers', (r: number) => 1e8 - r * 7919],
    ['negative and fractional ids', (r: number) => (r % 2 === 0 ? -r : r + 0.5)],
    ['ids past 2^31', (r: number) => 2 ** 40 + r * 65_536],
  ])('%s are numbered in first-seen order, through growth', (_name, idOf) => {
    const rng = createRng(11);
    const distinct = 5_000;
    const ids = new Float64Array(40_000);
    for (let i = 0; i < ids.length; i++) ids[i] = i % 97 === 0 ? NaN : idOf(rng.int(distinct));
    const d = new DenseSlots(ids);
    const firstSeen = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) {
      if (Number.isNaN(ids[i])) {
        expect(d.rowSlot[i]).toBe(-1);
        continue;
      }
      if (!firstSeen.has(ids[i])) firstSeen.set(ids[i], firstSeen.size);
      expect(d.rowSlot[i]).toBe(firstSeen.get(ids[i]));
    }
    expect(d.count).toBe(firstSeen.size);
    for (const [id, slot] of firstSeen) expect(d.find(id)).toBe(slot);
    expect(d.find(idOf(distinct + 3))).toBe(-1);
  });
});
