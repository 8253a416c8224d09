// The generator is a pure function of its parameters: same seed, same tables, on every run; no
// wall clock and no Math.random; and with issues off it injects nothing at all.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Column, Table } from '../../src/pipeline/table';
import { resolveParams } from '../../src/pipeline/params';
import { createRng } from '../../src/pipeline/random';
import { generateSources, INJECTED_KINDS, type GeneratedSources } from '../../src/pipeline/generate';
import { NOW, SOURCES } from './helpers';

const run = (seed: number, issues = true, customers = 400): GeneratedSources =>
  generateSources(resolveParams({ seed, customers, now: NOW, issues }), createRng(seed));

function columnContent(c: Column, rows: number): unknown[] {
  const overrides = [...(c.overrides ?? new Map()).entries()];
  switch (c.kind) {
    case 'text': return [c.values, overrides];
    case 'number': return [Array.from(c.values), overrides];
    case 'code': return [Array.from(c.codes), c.dict, overrides];
    case 'id': return [Array.from(c.nums), c.prefix, c.width, overrides];
    case 'lazy': return [Array.from({ length: rows }, (_, r) => c.get(r))];
    case 'view': return [Array.from(c.rows), columnContent(c.base, c.rows.length)];
  }
}

function content(t: Table): unknown {
  return { rows: t.rowCount, columns: t.columns.map((c) => columnContent(c, t.rowCount)), flagged: t.flagged && Array.from(t.flagged) };
}

const TABLES = [...SOURCES, 'personMap'] as const;

describe('determinism', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives identical tables and counts for the same seed', () => {
    const a = run(21);
    const b = run(21);
    for (const name of TABLES) expect(content(b[name]), name).toEqual(content(a[name]));
    expect(b.injected).toEqual(a.injected);
  });

  it('gives different tables for a different seed', () => {
    const a = run(21);
    const b = run(22);
    for (const name of TABLES) expect(content(b[name]), name).not.toEqual(content(a[name]));
  });

  it('never reads Math.random or the wall clock', () => {
    const fail = () => {
      throw new Error('nondeterministic call');
    };
    vi.spyOn(Math, 'random').mockImplementation(fail);
    vi.spyOn(Date, 'now').mockImplementation(fail);
    vi.spyOn(performance, 'now').mockImplementation(fail);
    expect(() => run(5)).not.toThrow();
  });

  it('depends on now only through the parameter', () => {
    const early = generateSources(resolveParams({ seed: 3, customers: 200, now: '2024-02-29T08:30:00Z' }), createRng(3));
    const maxTime = (t: Table, name: string) => {
      const col = t.columns[t.schema.columns.findIndex((c) => c.name === name)];
      return col.kind === 'number' ? col.values.reduce((m, v) => (v > m ? v : m), 0) : NaN;
    };
    expect(maxTime(early.orders, 'updated_at')).toBeLessThanOrEqual(Date.UTC(2024, 1, 29, 8, 30));
    expect(maxTime(early.orders, 'updated_at')).toBeGreaterThan(Date.UTC(2024, 0, 1));
  });

  it('reports every injected kind, in a fixed order', () => {
    expect(Object.keys(run(21).injected)).toEqual([...INJECTED_KINDS]);
  });
});

describe('issues off', () => {
  const s = run(21, false, 1000);

  it('counts zero for every injected kind', () => {
    for (const kind of INJECTED_KINDS) expect(s.injected[kind], kind).toBe(0);
  });

  it('writes no overrides and flags no row', () => {
    for (const name of TABLES) {
      const t = s[name];
      expect(t.columns.every((c) => (c.overrides?.size ?? 0) === 0), name).toBe(true);
      expect(t.flagged?.some((f) => f === 1) ?? false, name).toBe(false);
    }
  });

  it('gives every person exactly one record and every record its own key', () => {
    expect(s.personMap.rowCount).toBe(1000);
    expect(s.customers.rowCount).toBe(1000);
  });
});
