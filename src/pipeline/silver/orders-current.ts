// silver/orders_current.csv. Grain: one row per live order — its accepted change with the highest
// lsn (one lsn delivered twice: the later arrival). A delete as the newest change removes the order.
import type { Table } from '../table';
import { codeColumn, idColumn, numberColumn as numbersOf } from '../table';
import { lazy, makeTable, num } from '../table';
import { ordersCurrentSchema } from '../schema/silver';
import { acceptedRows as rowsWithoutReason, gatherCodes, gatherDictionary, gatherNumbers, rawNumber, viewNamed } from './columns';
import type { CustomerLookup } from './customer-lookup';
import { keyColumnGetter, personsBySystem } from './customer-lookup';
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
  const acceptedRows = rowsWithoutReason(reasons);
  // Only the keys are read for every accepted change; the other columns are gathered for live orders.
  const accepted = acceptedKeys(raw, acceptedRows);
  const { orderIds, lsn, op, deleteCode } = accepted;

  const best = denseIndex(maxOf(orderIds), acceptedRows.length);
  for (let i = 0; i < acceptedRows.length; i++) {
    const b = best.get(orderIds[i]);
    if (b < 0 || lsn[i] >= lsn[b]) best.set(orderIds[i], i);
  }
  const duplicates = repeatedChanges(orderIds, lsn);
  const current = best.valuesByAscendingId();
  let deleted = 0;
  for (let k = 0; k < current.length; k++) if (op[current[k]] === deleteCode) deleted++;
  const liveRows = new Int32Array(current.length - deleted);
  for (let k = 0, j = 0; k < current.length; k++) if (op[current[k]] !== deleteCode) liveRows[j++] = acceptedRows[current[k]];
  const out = viewNamed(raw, RAW_COLUMNS.filter((c) => c !== 'op'), liveRows);
  const n = liveRows.length;
  const person = personsBySystem(lookup, gatherCodes(raw, 'source_system', liveRows), gatherDictionary(raw, 'source_customer_id', liveRows));
  const status = gatherCodes(raw, 'status', liveRows);
  const countedCodes = COUNTED_STATUSES.map((s) => status.dict.indexOf(s));
  const counted = new Uint8Array(n);
  const countedNum = new Float64Array(n);
  for (let i = 0; i < n; i++) counted[i] = countedNum[i] = countedCodes.includes(status.codes[i]) ? 1 : 0;
  const rawRow = liveRows;

  const table = makeTable(ordersCurrentSchema, n, [
    out.order_id, lazy(keyColumnGetter(person, lookup.keys)), out.source_system, out.source_customer_id, out.order_ts,
    out.status, out.channel, out.amount, out.currency, out.updated_at, out.lsn, num(countedNum),
  ]);
  const { quarantined, byReason } = countReasons(reasons);
  const superseded = acceptedRows.length - n;
  return {
    table, person, counted, rawRow,
    orderTs: gatherNumbers(raw, 'order_ts', liveRows),
    amountCents: gatherNumbers(raw, 'amount', liveRows),
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
  const n = orderIds.length;
  const max = maxOf(orderIds);
  let dense = max < Math.max(1024, n * 8);
  for (let i = 0; i < n && dense; i++) if (!(orderIds[i] >= 0 && Number.isInteger(orderIds[i]))) dense = false;
  if (dense) {
    // Group rows by order with a counting sort, then compare lsns within each (small) group.
    const start = new Int32Array(max + 2);
    for (let i = 0; i < n; i++) start[orderIds[i] + 1]++;
    for (let k = 0; k <= max; k++) start[k + 1] += start[k];
    const fill = start.slice(0, max + 1);
    const grouped = new Float64Array(n);
    for (let i = 0; i < n; i++) grouped[fill[orderIds[i]]++] = lsn[i];
    let repeats = 0;
    for (let k = 0; k <= max; k++) {
      for (let a = start[k] + 1; a < start[k + 1]; a++) {
        for (let b = start[k]; b < a; b++) {
          if (grouped[a] === grouped[b]) {
            repeats++;
            break;
          }
        }
      }
    }
    return repeats;
  }
  const seen = new Set<string>();
  let repeats = 0;
  for (let i = 0; i < n; i++) {
    const k = orderIds[i] + ':' + lsn[i];
    if (seen.has(k)) repeats++;
    else seen.add(k);
  }
  return repeats;
}

/** order_id, lsn and op of each accepted change, honouring raw overrides on flagged rows. */
function acceptedKeys(raw: Table, rows: Int32Array) {
  const ids = idColumn(raw, 'order_id').nums;
  const lsns = numbersOf(raw, 'lsn');
  const ops = codeColumn(raw, 'op');
  const n = rows.length;
  const orderIds = new Float64Array(n), lsn = new Float64Array(n), op = new Int32Array(n);
  const flagged = raw.flagged;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (flagged !== undefined && flagged[r] === 1) {
      orderIds[i] = rawNumber(raw, 'order_id', r);
      lsn[i] = rawNumber(raw, 'lsn', r);
      op[i] = rawNumber(raw, 'op', r);
    } else {
      orderIds[i] = ids[r];
      lsn[i] = lsns[r];
      op[i] = ops.codes[r];
    }
  }
  return { orderIds, lsn, op, deleteCode: ops.dict.indexOf('d') };
}
