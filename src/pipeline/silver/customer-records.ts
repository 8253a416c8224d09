// Deduplicated customer records: the nodes of identity resolution.
// Grain: one row per (source_system, source_customer_id); the latest updated_at wins, a tie goes
// to the later row in the file.
import type { Table } from '../table';
import { rawNumber, rawText } from './columns';
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
  const winner = new Map<string, number>();
  let acceptedRows = 0;
  for (let r = 0; r < raw.rowCount; r++) {
    if (reasons[r] !== 0) continue;
    acceptedRows++;
    const key = rawText(raw, 'source_system', r) + '\u0000' + rawText(raw, 'source_customer_id', r);
    const prev = winner.get(key);
    if (prev === undefined || updatedOrder(rawNumber(raw, 'updated_at', r)) >= updatedOrder(rawNumber(raw, 'updated_at', prev))) {
      winner.set(key, r);
    }
  }
  const entries = [...winner.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const n = entries.length;
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
    const r = entries[i][1];
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
