// silver/orders_current.csv. Grain: one row per live order — its accepted change with the highest
// lsn (one lsn delivered twice: the later arrival). A delete as the newest change removes the order.
import type { Column, Table } from '../table';
import { lazy, makeTable, num, numberColumn } from '../table';
import { ordersCurrentSchema } from '../schema/silver';
import { gatherColumn, gatherNamed, indicesWhere } from './columns';
import type { CustomerLookup } from './customer-lookup';
import { keyColumnGetter } from './customer-lookup';
import { denseIndex, maxOf } from './dense-keys';
import type { SourceAccounting } from './source-accounting';
import { countReasons } from './source-accounting';

export interface OrdersCurrent {
  readonly table: Table;
  readonly person: Int32Array;
  readonly orderTs: Float64Array;
  readonly amountCents: Float64Array;
  readonly counted: Uint8Array;
  /** Bronze row (0-based) of each current row. */
  readonly rawRow: Int32Array;
  readonly accounting: SourceAccounting;
}

const RAW_COLUMNS = ['order_id', 'source_system', 'source_customer_id', 'order_ts', 'status', 'channel', 'amount', 'currency', 'updated_at', 'lsn', 'op'];
const COUNTED_STATUSES = ['placed', 'shipped', 'delivered'];

export function ordersCurrent(raw: Table, reasons: Uint8Array, lookup: CustomerLookup): OrdersCurrent {
  const acceptedRows = indicesWhere(reasons.map((r) => (r === 0 ? 1 : 0)));
  const acc = gatherNamed(raw, RAW_COLUMNS, acceptedRows);
  const orderIds = (acc.order_id as Extract<Column, { kind: 'id' }>).nums;
  const lsn = (acc.lsn as Extract<Column, { kind: 'number' }>).values;
  const op = acc.op as Extract<Column, { kind: 'code' }>;
  const deleteCode = op.dict.indexOf('d');

  const best = denseIndex(maxOf(orderIds), acceptedRows.length);
  for (let i = 0; i < acceptedRows.length; i++) {
    const b = best.get(orderIds[i]);
    if (b < 0 || lsn[i] >= lsn[b]) best.set(orderIds[i], i);
  }
  const duplicates = repeatedChanges(orderIds, lsn);
  const live: number[] = [];
  let deleted = 0;
  for (const id of best.ascending()) {
    const i = best.get(id);
    if (op.codes[i] === deleteCode) deleted++;
    else live.push(i);
  }
  const liveIdx = Int32Array.from(live);
  const pick = (name: string) => {
    const i = ordersCurrentSchema.columns.findIndex((c) => c.name === name);
    return gatherColumn(acc[name], ordersCurrentSchema.columns[i].type, liveIdx);
  };
  const out: Record<string, Column> = {};
  for (const name of RAW_COLUMNS) if (name !== 'op') out[name] = pick(name);

  const n = liveIdx.length;
  const person = new Int32Array(n);
  const systems = (out.source_system as Extract<Column, { kind: 'code' }>);
  const ids = (out.source_customer_id as Extract<Column, { kind: 'text' }>).values;
  const systemMaps = systems.dict.map((s) => lookup.system(s));
  for (let i = 0; i < n; i++) {
    const s = systems.codes[i];
    const id = ids[i];
    person[i] = s < 0 || id === null ? -1 : systemMaps[s].get(id) ?? -1;
  }
  const status = out.status as Extract<Column, { kind: 'code' }>;
  const countedCodes = COUNTED_STATUSES.map((s) => status.dict.indexOf(s));
  const counted = new Uint8Array(n);
  const countedNum = new Float64Array(n);
  for (let i = 0; i < n; i++) counted[i] = countedNum[i] = countedCodes.includes(status.codes[i]) ? 1 : 0;
  const rawRow = new Int32Array(n);
  for (let i = 0; i < n; i++) rawRow[i] = acceptedRows[liveIdx[i]];

  const table = makeTable(ordersCurrentSchema, n, [
    out.order_id, lazy(keyColumnGetter(person, lookup.keys)), out.source_system, out.source_customer_id, out.order_ts,
    out.status, out.channel, out.amount, out.currency, out.updated_at, out.lsn, num(countedNum),
  ]);
  const { quarantined, byReason } = countReasons(reasons);
  const superseded = acceptedRows.length - n;
  return {
    table, person, counted, rawRow,
    orderTs: numberColumn(table, 'order_ts'),
    amountCents: numberColumn(table, 'amount'),
    accounting: {
      source: 'orders', bronze: raw.rowCount, accepted: n, superseded, quarantined, byReason,
      supersededDetail: {
        duplicate_deliveries: duplicates,
        deleted_orders: deleted,
        older_changes: superseded - duplicates - deleted,
      },
    },
  };
}

/** Accepted rows repeating an (order_id, lsn) already seen: duplicate deliveries. */
function repeatedChanges(orderIds: Float64Array, lsn: Float64Array): number {
  const seen = new Set<number | string>();
  const numeric = maxOf(orderIds) < 9e7 && maxOf(lsn) < 1e8;
  let repeats = 0;
  for (let i = 0; i < orderIds.length; i++) {
    const k = numeric ? orderIds[i] * 1e8 + lsn[i] : orderIds[i] + ':' + lsn[i];
    if (seen.has(k)) repeats++;
    else seen.add(k);
  }
  return repeats;
}
