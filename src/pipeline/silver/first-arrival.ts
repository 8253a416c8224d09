// Event sources delivered at least once: the first arrival (in file order) of each id is kept.
import type { Column, Table } from '../table';
import { columnIndex } from '../table';
import { rawNumber } from './columns';
import { denseIndex, maxOf } from './dense-keys';

/** Kept raw rows, in ascending id order (the clean table's order), and the count of repeats. */
export function firstArrivals(raw: Table, idColumn: string, reasons: Uint8Array): { rows: Int32Array; repeats: number } {
  const col = raw.columns[columnIndex(raw.schema, idColumn)] as Extract<Column, { kind: 'id' }>;
  if (col.kind !== 'id') throw new Error(`${raw.schema.name}.${idColumn} must be an id column`);
  const nums = col.nums;
  const n = raw.rowCount;
  // Accepted flagged rows may carry their id as override text: read those the slow way.
  const idOf = (r: number) => (raw.flagged?.[r] === 1 ? rawNumber(raw, idColumn, r) : nums[r]);
  let accepted = 0;
  let max = maxOf(nums);
  for (let r = 0; r < n; r++) {
    if (reasons[r] !== 0) continue;
    accepted++;
    if (raw.flagged?.[r] === 1) max = Math.max(max, idOf(r));
  }
  const first = denseIndex(max, accepted);
  for (let r = 0; r < n; r++) {
    if (reasons[r] !== 0) continue;
    const id = idOf(r);
    if (first.get(id) < 0) first.set(id, r);
  }
  const rows = first.valuesByAscendingId();
  return { rows, repeats: accepted - rows.length };
}
