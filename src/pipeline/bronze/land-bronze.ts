// Bronze: one row per raw row, unchanged, plus landing metadata. Grain: one row per raw row.
// Nothing is copied: raw columns are shared, metadata is computed on demand.
import type { Table } from '../table';
import { lazy, makeTable, num } from '../table';
import { bronzeSchemaOf, BRONZE_BATCH_ROWS } from '../schema/bronze';
import { csvLine } from '../../io/csv-writer';
import { fnv1a64 } from '../hash';
import { formatIsoUtc, MINUTE } from '../time';

/**
 * `_ingested_at` of a row as ms: one landing time per micro-batch of BRONZE_BATCH_ROWS rows, a
 * minute apart, the last batch at `now`. The live stream orders arrivals by the same function.
 */
export function ingestedAtMs(rowCount: number, nowMs: number, row: number): number {
  const batches = Math.max(1, Math.ceil(rowCount / BRONZE_BATCH_ROWS));
  return nowMs - (batches - 1 - Math.floor(row / BRONZE_BATCH_ROWS)) * MINUTE;
}

export function landBronze(raw: Table, nowMs: number): Table {
  const schema = bronzeSchemaOf(raw.schema);
  const n = raw.rowCount;
  const rowIds = new Float64Array(n);
  for (let i = 0; i < n; i++) rowIds[i] = i + 1;
  const batchOf = (row: number) => Math.floor(row / BRONZE_BATCH_ROWS);
  const sourceFile = raw.schema.path;
  return makeTable(
    schema,
    n,
    [
      ...raw.columns,
      num(rowIds),
      lazy(() => sourceFile),
      lazy((row) => `${raw.schema.name}-${String(batchOf(row) + 1).padStart(4, '0')}`),
      lazy((row) => formatIsoUtc(ingestedAtMs(n, nowMs, row))),
      lazy((row) => fnv1a64(csvLine(raw, row))),
    ],
    raw.flagged,
  );
}
