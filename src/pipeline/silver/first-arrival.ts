// Event sources delivered at least once: the first arrival (in file order) of each id is kept.
import type { Column, Table } from '../table';
import { columnIndex } from '../table';
import { rawNumber } from './columns';
import { denseIndex, maxOf, type DenseIndex } from './dense-keys';

/** Kept raw rows, in ascending id order (the clean table's order), and the count of repeats. */
export function firstArrivals(raw: Table, idColumn: string, reasons: Uint8Array): { rows: Int32Array; repeats: number } {
  const col = raw.columns[columnIndex(raw.schema, idColumn)] as Extract<Column, { kind: 'id' }>;
  if (col.kind !== 'id') throw new Error(`${raw.schema.name}.${idColumn} must be an id column`);
  const nums = col.nums;
  const flagged = raw.flagged;
  // Accepted flagged rows may carry their id as override text: read those the slow way.
  const ids = flagged === undefined ? nums : acceptedIds(raw, idColumn, nums, flagged, reasons);
  let accepted = 0;
  for (let r = 0; r < raw.rowCount; r++) if (reasons[r] === 0) accepted++;
  const first = denseIndex(maxOf(ids), accepted);
  keepFirst(first, ids, reasons);
  const rows = first.valuesByAscendingId();
  return { rows, repeats: accepted - rows.length };
}

/** The id of every row, with overrides parsed on accepted flagged rows. */
function acceptedIds(raw: Table, idColumn: string, nums: Float64Array, flagged: Uint8Array, reasons: Uint8Array): Float64Array {
  const ids = nums.slice();
  for (let r = 0; r < ids.length; r++) if (flagged[r] === 1 && reasons[r] === 0) ids[r] = rawNumber(raw, idColumn, r);
  return ids;
}

function keepFirst(first: DenseIndex, ids: Float64Array, reasons: Uint8Array): void {
  for (let r = 0; r < ids.length; r++) {
    if (reasons[r] !== 0) continue;
    if (first.get(ids[r]) < 0) first.set(ids[r], r);
  }
}
