// columnNumbers and columnCodes read every row of a raw column without gathering it: they must give
// exactly what the gathering path gives (gatherNumbers, gatherCodes), overridden cells included.
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/pipeline/params';
import { runPipeline, SOURCE_NAMES } from '../../src/pipeline/run';
import { columnCodes, columnNumbers, gatherCodes, gatherNumbers } from '../../src/pipeline/silver/columns';

const sameNumbers = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('columnNumbers and columnCodes', () => {
  const raw = runPipeline(resolveParams({ seed: 5, customers: 2_000 })).sources;
  for (const source of SOURCE_NAMES) {
    it(`equal the gathered values of every ${source} column`, () => {
      const t = raw[source];
      const rows = Int32Array.from({ length: t.rowCount }, (_, i) => i);
      let overridden = 0;
      t.schema.columns.forEach((c, i) => {
        const col = t.columns[i];
        overridden += col.overrides?.size ?? 0;
        if (col.kind === 'number' || col.kind === 'id') expect(sameNumbers(columnNumbers(t, c.name), gatherNumbers(t, c.name, rows)), c.name).toBe(true);
        if (col.kind === 'code') {
          const a = columnCodes(t, c.name), b = gatherCodes(t, c.name, rows);
          expect(a.dict).toBe(b.dict);
          expect(Array.from(a.codes), c.name).toEqual(Array.from(b.codes));
        }
      });
      // The injected problems put override text in every source: the patched path is exercised.
      expect(overridden).toBeGreaterThan(0);
    });
  }

  it('never writes into the stored column', () => {
    const t = raw.orders;
    const col = t.columns[t.schema.columns.findIndex((c) => c.name === 'updated_at')];
    if (col.kind !== 'number') throw new Error('updated_at is stored as numbers');
    const before = col.values.slice();
    const values = columnNumbers(t, 'updated_at');
    expect(values).not.toBe(col.values); // some overridden updated_at parses to another value here
    expect(sameNumbers(col.values, before)).toBe(true);
  });
});
