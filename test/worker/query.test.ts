import { describe, expect, it } from 'vitest';
import { code, makeTable, num, text } from '../../src/pipeline/table';
import { viewRows } from '../../src/worker/query';
import { createRng } from '../../src/pipeline/random';

const schema = {
  name: 't', path: 'x/t.csv', layer: 'gold' as const, grain: '', description: '',
  columns: [{ name: 'name', type: 'string' as const, description: '' }],
};

/** The plain comparator order: string order, ties by row, empty last. */
function expected(values: (string | null)[], desc: boolean): number[] {
  return values.map((_, i) => i).sort((a, b) => {
    const x = values[a], y = values[b];
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    if (x === y) return a - b;
    return (x < y ? -1 : 1) * (desc ? -1 : 1);
  });
}

describe('worker text sort', () => {
  const rng = createRng(7);
  const alphabet = ['a', 'b', 'ab', 'Ş', 'ş', 'İ', 'z', ' ', 'Ayşe', 'Ayse', 'Aysel', '', 'Mehmet', 'Mehmet Yılmaz'];
  const values = Array.from({ length: 5000 }, () => {
    if (rng.chance(0.05)) return null;
    let s = '';
    const parts = 1 + rng.int(4);
    for (let i = 0; i < parts; i++) s += rng.pick(alphabet);
    return s === '' ? null : s;
  });
  const table = makeTable(schema, values.length, [text(values)]);
  it.each([false, true])('matches the comparator order (desc=%s), ties by row, empty last', (desc) => {
    expect(Array.from(viewRows(table, { sort: [{ column: 'name', desc }] }))).toEqual(expected(values, desc));
  });
  const distinct = values.map((v, i) => (v === null ? null : `${v}#${(i * 7919) % 10007}`));
  const distinctTable = makeTable(schema, distinct.length, [text(distinct)]);
  it.each([false, true])('mostly distinct values take the other path to the same order (desc=%s)', (desc) => {
    expect(Array.from(viewRows(distinctTable, { sort: [{ column: 'name', desc }] }))).toEqual(expected(distinct, desc));
  });
});

describe('worker numeric sort', () => {
  const rng = createRng(9);
  const values = Float64Array.from({ length: 5000 }, () => (rng.chance(0.05) ? NaN : rng.int(300) - 100));
  const schema = {
    name: 'n', path: 'x/n.csv', layer: 'gold' as const, grain: '', description: '',
    columns: [{ name: 'v', type: 'integer' as const, description: '' }],
  };
  const table = makeTable(schema, values.length, [num(values)]);
  it.each([false, true])('orders by value, ties by row, empty last (desc=%s)', (desc) => {
    const want = Array.from(values.keys()).sort((a, b) => {
      const x = values[a], y = values[b];
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
      return (desc ? y - x : x - y) || a - b;
    });
    expect(Array.from(viewRows(table, { sort: [{ column: 'v', desc }] }))).toEqual(want);
  });
});

describe('worker dictionary (code) columns', () => {
  // Customer ids in generated event tables: a large dictionary, codes per row, -1 empty.
  const rng = createRng(11);
  const dict = Array.from({ length: 400 }, (_, k) => (k % 3 === 0 ? 'W' : k % 3 === 1 ? 'S' : 'C') + String((k * 7919) % 1000).padStart(7, '0'));
  const codes = Int32Array.from({ length: 3000 }, () => (rng.chance(0.05) ? -1 : rng.int(dict.length)));
  const values = Array.from(codes, (c) => (c < 0 ? null : dict[c]));
  const table = makeTable(schema, codes.length, [code(codes, dict)]);
  const asText = makeTable(schema, values.length, [text(values)]);
  it.each([false, true])('sorts like the same values stored as text (desc=%s)', (desc) => {
    expect(Array.from(viewRows(table, { sort: [{ column: 'name', desc }] }))).toEqual(expected(values, desc));
  });
  it.each(['empty', 'notEmpty', 'contains'] as const)('%s filter keeps the rows the text column keeps', (op) => {
    const f = { column: 'name', op, value: '00' };
    expect(Array.from(viewRows(table, { filters: [f] }))).toEqual(Array.from(viewRows(asText, { filters: [f] })));
  });
  it('contains is case-insensitive on dictionary values', () => {
    const rows = viewRows(table, { filters: [{ column: 'name', op: 'contains', value: 'w0' }] });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(values[r]!.startsWith('W0')).toBe(true);
  });
});
