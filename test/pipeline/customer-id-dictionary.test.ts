// Events name their customer by (source_system, source_customer_id). Generated tables store the id as
// a dictionary code, CSV text re-read stores it as text: both must attribute events the same way.
import { describe, expect, it } from 'vitest';
import { code, makeTable, text, view, type Table } from '../../src/pipeline/table';
import { gatherDictionary } from '../../src/pipeline/silver/columns';
import { personsBySystem, personsInSystem, type CustomerLookup } from '../../src/pipeline/silver/customer-lookup';

const schema = {
  name: 't', path: 't.csv', layer: 'raw' as const, grain: 'a row', description: 'test',
  columns: [{ name: 'source_customer_id', type: 'string' as const, description: 'id' }],
};
const rows = (...r: number[]) => Int32Array.from(r);
const decode = (d: { codes: Int32Array; dict: readonly string[] }) => Array.from(d.codes, (c) => (c < 0 ? null : d.dict[c]));

const lookup: CustomerLookup = {
  system: (s) => new Map(s === 'web' ? [['W1', 0], ['W2', 1]] : s === 'crm' ? [['C1', 2]] : []),
  keys: ['k0', 'k1', 'k2'],
};

describe('gatherDictionary', () => {
  const cases: { name: string; table: Table; at: Int32Array; expected: (string | null)[] }[] = [
    {
      name: 'text column (CSV re-read): empty is -1, repeats share a code',
      table: makeTable(schema, 4, [text(['W1', null, 'W2', 'W1'])]),
      at: rows(3, 1, 0, 2),
      expected: ['W1', null, 'W1', 'W2'],
    },
    {
      name: 'code column (generated): codes copied, dict shared',
      table: makeTable(schema, 3, [code(Int32Array.from([1, -1, 0]), ['W1', 'W2'])]),
      at: rows(0, 1, 2),
      expected: ['W2', null, 'W1'],
    },
    {
      name: 'code column with overrides: unknown text joins the dict, empty text is -1',
      table: makeTable(schema, 3, [{ kind: 'code', codes: Int32Array.from([0, 0, 0]), dict: ['W1'], overrides: new Map([[1, 'W9'], [2, '']]) }]),
      at: rows(2, 1, 0),
      expected: [null, 'W9', 'W1'],
    },
    {
      name: 'a view of a code column reads through to its base rows',
      table: makeTable(schema, 2, [view(code(Int32Array.from([0, 1, 2]), ['W1', 'W2', 'C1']), rows(2, 0))]),
      at: rows(1, 0),
      expected: ['W1', 'C1'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(decode(gatherDictionary(c.table, 'source_customer_id', c.at))).toEqual(c.expected);
    });
  }
});

describe('persons of events from their customer ids', () => {
  it('one system: known ids get their person, unknown and empty ids get -1', () => {
    const ids = { codes: Int32Array.from([0, 1, 2, -1, 0]), dict: ['W2', 'W404', 'W1'] };
    expect(Array.from(personsInSystem(lookup, 'web', ids))).toEqual([1, -1, 0, -1, 1]);
  });
  it('per-row system: the same id text means different people in different systems', () => {
    const systems = { codes: Int32Array.from([0, 1, 1, -1, 0]), dict: ['web', 'crm'] };
    const ids = { codes: Int32Array.from([0, 0, 1, 1, 1]), dict: ['W1', 'C1'] };
    expect(Array.from(personsBySystem(lookup, systems, ids))).toEqual([0, -1, 2, -1, -1]);
  });
});
