// Bronze: one row per raw row, unchanged, plus landing metadata. Grain: one row per raw row.
// Nothing is copied: raw columns are shared, metadata is computed on demand.
import type { Table } from '../table';
import { lazy, makeTable, num } from '../table';
import { bronzeSchemaOf, BRONZE_BATCH_ROWS } from '../schema/bronze';
import { csvLine } from '../../io/csv-writer';
import { fnv1a64 } from '../hash';
import { formatIsoUtc, MINUTE } from '../time';

export function landBronze(raw: Table, nowMs: number): Table {
  const schema = bronzeSchemaOf(raw.schema);
  const n = raw.rowCount;
  const rowIds = new Float64Array(n);
  for (let i = 0; i < n; i++) rowIds[i] = i + 1;
  const batches = Math.max(1, Math.ceil(n / BRONZE_BATCH_ROWS));
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
      lazy((row) => formatIsoUtc(nowMs - (batches - 1 - batchOf(row)) * MINUTE)),
      lazy((row) => fnv1a64(csvLine(raw, row))),
    ],
    raw.flagged,
  );
}
