// Deduplicated customer records: the nodes of identity resolution.
// Grain: one row per (source_system, source_customer_id); the latest updated_at wins, a tie goes
// to the later row in the file.
import type { Table } from '../table';
import { rawNumber } from './columns';
import { columnIndex } from '../table';
import { cellText } from '../../io/cell-text';
import { normalizeEmail, phoneE164 } from './normalize';
import type { SourceAccounting } from './source-accounting';
import { countReasons } from './source-accounting';

export interface CustomerRecords {
  /** Raw row of each record, sorted by (source_system, source_customer_id) in string order. */
  readonly rawRow: Int32Array;
  readonly system: string[];
  readonly id: string[];
  readonly firstName: (string | null)[];
  readonly lastName: (string | null)[];
  readonly email: (string | null)[]; // normalised
  readonly phone: (string | null)[]; // E.164
  readonly city: (string | null)[];
  readonly country: (string | null)[];
  readonly loyalty: (string | null)[];
  readonly createdAt: Float64Array;
  readonly updatedAt: Float64Array;
  readonly accounting: SourceAccounting;
}

const orNull = (s: string) => (s === '' ? null : s);
/** Null updated_at sorts as the oldest. */
const updatedOrder = (t: number) => (Number.isNaN(t) ? -Infinity : t);

export function dedupeCustomerRecords(raw: Table, reasons: Uint8Array): CustomerRecords {
  const textOf = (name: string) => {
    const i = columnIndex(raw.schema, name);
    const col = raw.columns[i], type = raw.schema.columns[i].type;
    return (row: number) => cellText(col, type, row);
  };
  const rawText = (_: Table, name: string, row: number) => readers[name](row);
  const readers: Record<string, (row: number) => string> = {};
  for (const c of raw.schema.columns) readers[c.name] = textOf(c.name);
  const updatedCol = raw.columns[columnIndex(raw.schema, 'updated_at')];
  const updatedValues = updatedCol.kind === 'number' ? updatedCol.values : null;
  const updatedAt = (row: number) => (updatedValues !== null && raw.flagged?.[row] !== 1 ? updatedValues[row] : rawNumber(raw, 'updated_at', row));
  // Latest version per (system, id): one map per system, no composite string keys.
  const winners = new Map<string, Map<string, number>>();
  const systemOf = readers.source_system, idOf = readers.source_customer_id;
  let acceptedRows = 0;
  for (let r = 0; r < raw.rowCount; r++) {
    if (reasons[r] !== 0) continue;
    acceptedRows++;
    const sys = systemOf(r);
    let winner = winners.get(sys);
    if (!winner) winners.set(sys, (winner = new Map()));
    const id = idOf(r);
    const prev = winner.get(id);
    if (prev === undefined || updatedOrder(updatedAt(r)) >= updatedOrder(updatedAt(prev))) winner.set(id, r);
  }
  // Default sort compares strings by UTF-16 code units: the string order we want, without a callback.
  const rowsInKeyOrder: number[] = [];
  for (const sys of [...winners.keys()].sort()) {
    const winner = winners.get(sys)!;
    const ids = [...winner.keys()].sort();
    for (const id of ids) rowsInKeyOrder.push(winner.get(id)!);
  }
  const n = rowsInKeyOrder.length;
  const rec = {
    rawRow: new Int32Array(n),
    system: new Array<string>(n),
    id: new Array<string>(n),
    firstName: new Array<string | null>(n),
    lastName: new Array<string | null>(n),
    email: new Array<string | null>(n),
    phone: new Array<string | null>(n),
    city: new Array<string | null>(n),
    country: new Array<string | null>(n),
    loyalty: new Array<string | null>(n),
    createdAt: new Float64Array(n),
    updatedAt: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rowsInKeyOrder[i];
    rec.rawRow[i] = r;
    rec.system[i] = rawText(raw, 'source_system', r);
    rec.id[i] = rawText(raw, 'source_customer_id', r);
    rec.firstName[i] = orNull(rawText(raw, 'first_name', r));
    rec.lastName[i] = orNull(rawText(raw, 'last_name', r));
    const country = orNull(rawText(raw, 'country', r));
    rec.country[i] = country;
    rec.email[i] = normalizeEmail(orNull(rawText(raw, 'email', r)));
    rec.phone[i] = phoneE164(orNull(rawText(raw, 'phone', r)), country);
    rec.city[i] = orNull(rawText(raw, 'city', r));
    rec.loyalty[i] = orNull(rawText(raw, 'loyalty_id', r));
    rec.createdAt[i] = rawNumber(raw, 'created_at', r);
    rec.updatedAt[i] = rawNumber(raw, 'updated_at', r);
  }
  const { quarantined, byReason } = countReasons(reasons);
  return {
    ...rec,
    accounting: {
      source: 'customers', bronze: raw.rowCount, accepted: n, superseded: acceptedRows - n, quarantined, byReason,
      supersededDetail: { older_record_versions: acceptedRows - n },
    },
  };
}
