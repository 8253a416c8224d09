// The incremental identity graph against a recomputation from scratch: after every record version,
// its people must be exactly the connected components of the records linked by values held by
// 2..threshold records (each linked kind), whatever the order of links and unlinks was.
import { describe, expect, it } from 'vitest';
import { IdentityGraph } from '../../src/pipeline/stream/identity-graph';
import { createRng } from '../../src/pipeline/random';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../src/pipeline/params';

/** Components from scratch: a partition as sorted member lists, sorted. */
function expectedPeople(values: number[][], exists: boolean[], threshold: number, linked: boolean[]): number[][] {
  const n = exists.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let j = 0; j < 3; j++) {
    if (!linked[j]) continue;
    const holders = new Map<number, number[]>();
    for (let r = 0; r < n; r++) if (exists[r] && values[j][r] >= 0) holders.set(values[j][r], [...(holders.get(values[j][r]) ?? []), r]);
    for (const h of holders.values()) if (h.length >= 2 && h.length <= threshold) for (const r of h) parent[find(r)] = find(h[0]);
  }
  return partition(Array.from({ length: n }, (_, r) => (exists[r] ? find(r) : -1)));
}

function partition(label: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  for (let r = 0; r < label.length; r++) if (label[r] >= 0) groups.set(label[r], [...(groups.get(label[r]) ?? []), r]);
  return [...groups.values()].sort((a, b) => a[0] - b[0]);
}

describe('IdentityGraph', () => {
  const cases: { link: IdentifierKind[]; threshold: number; seed: number }[] = [
    { link: ['email', 'phone', 'loyalty'], threshold: 3, seed: 1 },
    { link: ['email', 'phone'], threshold: 2, seed: 2 },
    { link: ['phone'], threshold: 1, seed: 3 },
    { link: ['email', 'loyalty'], threshold: 5, seed: 4 },
  ];
  it.each(cases)('people are the linked components after every version (link $link, threshold $threshold)', ({ link, threshold, seed }) => {
    const rng = createRng(seed);
    const records = 60, valuesPerKind = 12;
    const linked = IDENTIFIER_KINDS.map((k) => link.includes(k));
    const events = { merged: 0, split: 0, created: 0 };
    const graph = new IdentityGraph(records, [valuesPerKind, valuesPerKind, valuesPerKind], threshold, link, {
      created: () => events.created++, merged: () => events.merged++, split: () => events.split++, emailHoldersChanged: () => undefined,
    });
    const exists = new Array<boolean>(records).fill(false);
    const values = [0, 1, 2].map(() => new Array<number>(records).fill(-1));
    const pick = () => (rng.int(4) === 0 ? -1 : rng.int(valuesPerKind));
    for (let step = 0; step < 1_500; step++) {
      const rec = rng.int(records);
      const v = [pick(), pick(), pick()];
      if (exists[rec]) graph.setValues(rec, v[0], v[1], v[2]);
      else graph.addRecord(rec, v[0], v[1], v[2]);
      exists[rec] = true;
      v.forEach((x, j) => (values[j][rec] = x));
      expect(partition(graph.comp), `step ${step}`).toEqual(expectedPeople(values, exists, threshold, linked));
    }
    // Every component id's size and member list agree with comp.
    for (let c = 0; c < graph.components; c++) {
      const members = graph.membersOf(c);
      expect(members.length).toBe(graph.size(c));
      for (const m of members) expect(graph.comp[m]).toBe(c);
    }
    for (let j = 0; j < 3; j++) for (let x = 0; x < valuesPerKind; x++) expect(graph.holdersOf(j, x).sort((a, b) => a - b)).toEqual(values[j].flatMap((y, r) => (y === x ? [r] : [])));
    expect(events.created).toBe(records);
    // Threshold 1 links nothing; the others merge and split along the way.
    expect(events.merged > 0).toBe(threshold >= 2);
    expect(events.split > 0).toBe(threshold >= 2);
  });
});
