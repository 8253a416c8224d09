// The order a streaming consumer sees the run's rows in: by bronze `_ingested_at`, then file order.
// A k-way merge of the six files keeps each file's own order, so "first arrival" and "the later row
// in the file" mean the same in the stream as in the batch run; sources landing in the same minute
// interleave in SOURCE_NAMES order.
import type { Table } from '../table';
import type { SourceName } from '../run';
import { SOURCE_NAMES } from '../run';
import { parseIsoUtc } from '../time';
import { cellText } from '../../io/cell-text';
import { columnIndex } from '../table';

export interface ArrivalOrder {
  /** Index in SOURCE_NAMES of each arrival. */
  readonly source: Uint8Array;
  /** Row (0-based, file order) of each arrival within its source. */
  readonly row: Int32Array;
  /** `_ingested_at` of each arrival, ms. */
  readonly arrivedAt: Float64Array;
}

/** `_ingested_at` of every bronze row as ms (bronze computes it per row on demand). */
function ingestedAt(bronze: Table): Float64Array {
  const i = columnIndex(bronze.schema, '_ingested_at');
  const col = bronze.columns[i], type = bronze.schema.columns[i].type;
  const out = new Float64Array(bronze.rowCount);
  // Bronze stamps one time per batch of rows: parse once per distinct text.
  let last = '', lastMs = NaN;
  for (let r = 0; r < out.length; r++) {
    const t = cellText(col, type, r);
    if (t !== last) {
      last = t;
      lastMs = parseIsoUtc(t);
    }
    out[r] = lastMs;
  }
  return out;
}

export function arrivalOrder(bronze: Readonly<Record<SourceName, Table>>): ArrivalOrder {
  const times = SOURCE_NAMES.map((s) => ingestedAt(bronze[s]));
  const total = times.reduce((n, t) => n + t.length, 0);
  const source = new Uint8Array(total), row = new Int32Array(total), arrivedAt = new Float64Array(total);
  const head = new Int32Array(SOURCE_NAMES.length);
  for (let k = 0; k < total; k++) {
    let best = -1;
    for (let s = 0; s < times.length; s++) {
      if (head[s] >= times[s].length) continue;
      // Strictly earlier only: on a tie the earlier source in SOURCE_NAMES goes first.
      if (best < 0 || times[s][head[s]] < times[best][head[best]]) best = s;
    }
    source[k] = best;
    row[k] = head[best];
    arrivedAt[k] = times[best][head[best]];
    head[best]++;
  }
  return { source, row, arrivedAt };
}
