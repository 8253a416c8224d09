// silver/support_tickets_clean.csv. Grain: one row per ticket_id (first arrival kept).
// A ticket matches when its normalised email belongs to member records of exactly one person and
// is not a placeholder.
import type { Table } from '../table';
import { lazy, makeTable, text } from '../table';
import { supportTicketsCleanSchema } from '../schema/silver';
import { gatherCodes, gatherNumbers, gatherTexts, viewNamed } from './columns';
import type { CustomerRecords } from './customer-records';
import { keyColumnGetter } from './customer-lookup';
import { firstArrivals } from './first-arrival';
import { normalizeEmail } from './normalize';
import type { ResolvedIdentities } from './resolve-identities';
import type { SourceAccounting } from './source-accounting';
import { countReasons } from './source-accounting';

export interface SupportTicketsClean {
  readonly table: Table;
  readonly person: Int32Array;
  readonly status: Int32Array;
  readonly statusDict: readonly string[];
  readonly csat: Float64Array;
  readonly rawRow: Int32Array;
  readonly accounting: SourceAccounting;
}

const COLS = ['ticket_id', 'opened_at', 'closed_at', 'status', 'priority', 'channel', 'topic', 'csat_score'];
const AMBIGUOUS = -2;

/** Normalised email → person, AMBIGUOUS when records of several people hold it. */
export function emailOwners(records: CustomerRecords, ids: ResolvedIdentities): Map<string, number> {
  const owners = new Map<string, number>();
  for (let i = 0; i < records.email.length; i++) {
    const e = records.email[i];
    if (e === null) continue;
    const p = ids.personOf[i];
    const prev = owners.get(e);
    owners.set(e, prev === undefined || prev === p ? p : AMBIGUOUS);
  }
  for (const ph of ids.placeholders) if (ph.kind === 'email') owners.set(ph.value, AMBIGUOUS);
  return owners;
}

export function supportTicketsClean(raw: Table, reasons: Uint8Array, records: CustomerRecords, ids: ResolvedIdentities): SupportTicketsClean {
  const { rows, repeats } = firstArrivals(raw, 'ticket_id', reasons);
  const c = viewNamed(raw, COLS, rows);
  const n = rows.length;
  const rawEmail = gatherTexts(raw, 'email', rows);
  const owners = emailOwners(records, ids);
  const email = new Array<string | null>(n);
  const person = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const e = normalizeEmail(rawEmail[i]);
    email[i] = e;
    const p = e === null ? -1 : owners.get(e) ?? -1;
    person[i] = p < 0 ? -1 : p;
  }
  const table = makeTable(supportTicketsCleanSchema, n, [
    c.ticket_id, text(email), lazy(keyColumnGetter(person, ids.keys)), c.opened_at, c.closed_at, c.status, c.priority,
    c.channel, c.topic, c.csat_score,
  ]);
  const status = gatherCodes(raw, 'status', rows);
  const { quarantined, byReason } = countReasons(reasons);
  return {
    table, person, rawRow: rows, status: status.codes, statusDict: status.dict,
    csat: gatherNumbers(raw, 'csat_score', rows),
    accounting: {
      source: 'support_tickets', bronze: raw.rowCount, accepted: n, superseded: repeats, quarantined, byReason,
      supersededDetail: { duplicate_deliveries: repeats },
    },
  };
}
