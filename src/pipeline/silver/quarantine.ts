// silver/quarantine.csv. Grain: one row per bronze row that failed validation, by source in
// pipeline order, then by _bronze_row_id.
import type { Table } from '../table';
import { code, lazy, makeTable, num } from '../table';
import { QUARANTINE_REASONS, quarantineSchema } from '../schema/silver';
import { csvLine } from '../../io/csv-writer';

export function quarantine(sources: readonly { raw: Table; reasons: Uint8Array }[]): Table {
  const names = sources.map((s) => s.raw.schema.name);
  const src: number[] = [], row: number[] = [], reason: number[] = [];
  sources.forEach((s, si) => {
    for (let r = 0; r < s.reasons.length; r++) {
      if (s.reasons[r] === 0) continue;
      src.push(si);
      row.push(r);
      reason.push(s.reasons[r] - 1);
    }
  });
  const rowIds = Float64Array.from(row, (r) => r + 1);
  return makeTable(quarantineSchema, src.length, [
    code(Int32Array.from(src), names),
    num(rowIds),
    code(Int32Array.from(reason), QUARANTINE_REASONS),
    lazy((i) => csvLine(sources[src[i]].raw, row[i])),
  ]);
}
