// export/kafka/orders.cdc.jsonl: raw/orders.csv as the Debezium topic it stands for. One record per
// raw row, in arrival order (duplicates and out-of-order changes kept), plus a tombstone after each
// delete. `before` is the order's state as the log had delivered it so far: what a consumer reading
// the topic from the start would hold, which is Debezium's before under REPLICA IDENTITY FULL when
// the log arrives in commit order.
import type { PipelineRun } from '../../pipeline/run';
import { rawOrders } from '../../pipeline/schema/raw';
import { cellReader, epochMsOrText, jsonCell, recordReader } from './json-cell';
import { ingestedAtMs } from './ingested-at';
import { changeEventLine, tombstoneLine } from './debezium';

export const ORDERS_TABLE = 'orders';
/** The row image in `before` / `after`: the orders table's columns (lsn and op are change metadata). */
export const ORDER_ROW_COLUMNS = rawOrders.columns.map((c) => c.name).filter((n) => n !== 'lsn' && n !== 'op');

export function ordersCdcLines(run: PipelineRun, emit: (line: string) => void): void {
  const raw = run.sources.orders;
  const rowImage = recordReader(raw, ORDER_ROW_COLUMNS);
  const lsnOf = cellReader(raw, 'lsn'), opOf = cellReader(raw, 'op');
  const orderIdOf = cellReader(raw, 'order_id'), updatedAtOf = cellReader(raw, 'updated_at');
  const ingestedAt = ingestedAtMs(run, 'orders');
  // order_id → the JSON of its last delivered row image ('null' once deleted).
  const delivered = new Map<string, string>();
  for (let r = 0; r < raw.rowCount; r++) {
    const orderId = orderIdOf(r);
    const op = opOf(r);
    const keyJson = JSON.stringify({ order_id: jsonCell('string', orderId) });
    const isDelete = op === 'd';
    // A row without an order id keys nothing, so it has no history to chain to.
    const previous = orderId === '' ? 'null' : delivered.get(orderId) ?? 'null';
    const afterJson = isDelete ? 'null' : JSON.stringify(rowImage(r));
    const beforeJson = op === 'c' ? 'null' : previous;
    emit(changeEventLine(keyJson, beforeJson, afterJson, {
      table: ORDERS_TABLE, tsMs: epochMsOrText(updatedAtOf(r)), snapshot: 'false', lsn: jsonCell('integer', lsnOf(r)),
    }, op === '' ? null : op, ingestedAt(r)));
    if (isDelete) emit(tombstoneLine(keyJson));
    if (orderId !== '') delivered.set(orderId, afterJson);
  }
}
