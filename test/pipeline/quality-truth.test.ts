import { describe, expect, it } from 'vitest';
import { truthGroupsOfRecords, truthRowOfRecords } from '../../src/pipeline/quality/truth-rows';
import { identityAccuracy, identityAccuracyOfGroups } from '../../src/pipeline/quality/identity-accuracy';
import type { CustomerRecords } from '../../src/pipeline/silver/customer-records';
import { truthPersonMap } from '../../src/pipeline/schema/raw';
import { code, id, makeTable, text, type Table } from '../../src/pipeline/table';
import { inlineTable } from '../helpers/inline-sources';

/** Only the keys: all truthRowOfRecords reads of the records. */
const recordsOf = (keys: readonly (readonly [string, string])[]) =>
  ({ system: keys.map((k) => k[0]), id: keys.map((k) => k[1]) }) as unknown as CustomerRecords;

const personMapOf = (rows: readonly (readonly [string, string, string])[]): Table =>
  inlineTable(truthPersonMap, rows.map(([s, i, p]) => ({ source_system: s, source_customer_id: i, person_id: p })));

/** The definition: the last person_map row with the record's key, -1 if none. */
function referenceRows(keys: readonly (readonly [string, string])[], rows: readonly (readonly [string, string, string])[]): number[] {
  return keys.map(([s, i]) => {
    let found = -1;
    rows.forEach(([rs, ri], r) => {
      if (rs === s && ri === i) found = r;
    });
    return found;
  });
}

/** A small deterministic generator (the tests must not depend on Math.random). */
function lcg(seed: number) {
  let x = seed >>> 0;
  return (n: number) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
}

const SYSTEMS = ['web', 'store', 'crm'];
const sortKeys = <T extends readonly [string, string, ...string[]]>(a: T, b: T) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

describe('truthRowOfRecords: the merge join gives the map join rows', () => {
  it('the generator shape: person_map by system code then id, records by system text then id, one to one', () => {
    const rows: [string, string, string][] = [];
    for (const s of SYSTEMS) for (let k = 1; k <= 5; k++) rows.push([s, `${s[0].toUpperCase()}000000${k}`, `PER000000${k}`]);
    const keys = rows.map(([s, i]) => [s, i] as const).sort(sortKeys);
    expect(Array.from(truthRowOfRecords(recordsOf(keys), personMapOf(rows)))).toEqual(referenceRows(keys, rows));
  });

  it('a repeated key: the last row wins, even when the merge could pair the rows one to one', () => {
    // records repeat the key in two runs of one system; person_map holds it twice
    const rows = [['web', 'W2', 'PER1'], ['web', 'W1', 'PER2'], ['web', 'W2', 'PER3']] as const;
    const keys = [['web', 'W2'], ['crm', 'C1'], ['web', 'W1'], ['web', 'W2']] as const;
    expect(Array.from(truthRowOfRecords(recordsOf(keys), personMapOf(rows)))).toEqual(referenceRows(keys, rows));
  });

  it('random person_maps and record lists, sorted or not, with repeats, gaps and extra rows', () => {
    const rand = lcg(7);
    for (let trial = 0; trial < 3000; trial++) {
      const idOf = () => `X${rand(6)}`;
      const rows: [string, string, string][] = Array.from({ length: rand(9) }, () => [SYSTEMS[rand(3)], idOf(), `PER${rand(4)}`]);
      let keys: [string, string][] = Array.from({ length: rand(9) }, () => [SYSTEMS[rand(3)], idOf()]);
      const shape = rand(4);
      if (shape === 0) rows.sort(sortKeys);
      if (shape <= 1) keys = [...new Map(keys.map((k) => [k.join('|'), k])).values()].sort(sortKeys);
      if (shape === 2) keys = rows.map(([s, i]) => [s, i]);
      const expected = referenceRows(keys, rows);
      expect(Array.from(truthRowOfRecords(recordsOf(keys), personMapOf(rows))), `trial ${trial}`).toEqual(expected);
    }
  });
});

describe('truthGroupsOfRecords: records of one true person share a group', () => {
  const check = (personMap: Table, keys: readonly (readonly [string, string])[], truth: (string | null)[]) => {
    const { group, count } = truthGroupsOfRecords(recordsOf(keys), personMap);
    for (let a = 0; a < keys.length; a++) {
      expect(group[a] < count).toBe(true);
      expect(group[a] < 0).toBe(truth[a] === null);
      for (let b = 0; b < keys.length; b++) {
        if (truth[a] !== null && truth[b] !== null) expect(group[a] === group[b]).toBe(truth[a] === truth[b]);
      }
    }
  };
  const keys = [['web', 'W1'], ['web', 'W2'], ['crm', 'C1'], ['store', 'S9']] as const;

  it('person ids as numbers (an id column), empty ids one group as before', () => {
    const pm = makeTable(truthPersonMap, 3, [
      code(Int32Array.from([0, 0, 2]), truthPersonMap.columns[0].values!), text(['W1', 'W2', 'C1']), id(Float64Array.from([7, NaN, 7]), 'PER', 7),
    ]);
    const systems = truthPersonMap.columns[0].values!;
    expect([systems[0], systems[2]]).toEqual(['web', 'crm']);
    check(pm, keys, ['7', 'nan', '7', null]);
  });

  it('large or fractional numbers go through a map', () => {
    const pm = makeTable(truthPersonMap, 3, [
      code(Int32Array.from([0, 0, 2]), truthPersonMap.columns[0].values!), text(['W1', 'W2', 'C1']), id(Float64Array.from([1e12, 2.5, 1e12]), 'PER', 7),
    ]);
    check(pm, keys, ['a', 'b', 'a', null]);
  });

  it('person ids as text', () => {
    const pm = personMapOf([['web', 'W1', 'alice'], ['web', 'W2', 'bob'], ['crm', 'C1', 'alice']]);
    check(pm, keys, ['alice', 'bob', 'alice', null]);
  });
});

describe('identityAccuracyOfGroups counts the same pairs as the definition', () => {
  it('random resolved and true groups, some records outside the truth', () => {
    const rand = lcg(11);
    for (let trial = 0; trial < 300; trial++) {
      const n = rand(25);
      const resolved = Array.from({ length: n }, () => rand(6));
      const truth = Int32Array.from({ length: n }, () => rand(7) - 1); // -1: a person of its own
      let resolvedPairs = 0, truePairs = 0, correctPairs = 0;
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          const sameResolved = resolved[a] === resolved[b];
          const sameTrue = truth[a] >= 0 && truth[a] === truth[b];
          resolvedPairs += sameResolved ? 1 : 0;
          truePairs += sameTrue ? 1 : 0;
          correctPairs += sameResolved && sameTrue ? 1 : 0;
        }
      }
      const acc = identityAccuracyOfGroups(resolved, truth, 6);
      expect([acc.resolvedPairs, acc.truePairs, acc.correctPairs]).toEqual([resolvedPairs, truePairs, correctPairs]);
      // and the text form agrees: a record outside the truth gets an id of its own
      const asText = Array.from(truth, (t, i) => (t < 0 ? `own${i}` : `p${t}`));
      expect(identityAccuracy(resolved, asText)).toEqual(acc);
    }
  });
});
