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
import { internStrings, type StringIds } from './string-ids';
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

/**
 * The person owning each ticket email (by its id in `emails`), AMBIGUOUS when records of several
 * people hold it or it is a placeholder, -1 when no record holds it. Only the tickets' emails are
 * indexed: every customer record is one lookup, not one entry in a map of all emails.
 */
function emailOwners(emails: StringIds, records: CustomerRecords, ids: ResolvedIdentities): Int32Array {
  const owners = new Int32Array(emails.values.length).fill(-1);
  for (let i = 0; i < records.email.length; i++) {
    const e = records.email[i];
    if (e === null) continue;
    const k = emails.find(e);
    if (k < 0) continue;
    const p = ids.personOf[i];
    owners[k] = owners[k] === -1 || owners[k] === p ? p : AMBIGUOUS;
  }
  for (const ph of ids.placeholders) {
    if (ph.kind !== 'email') continue;
    const k = emails.find(ph.value);
    if (k >= 0) owners[k] = AMBIGUOUS;
  }
  return owners;
}

function normalizedEmails(raw: (string | null)[]): (string | null)[] {
  const out = new Array<string | null>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = normalizeEmail(raw[i]);
  return out;
}

export function supportTicketsClean(raw: Table, reasons: Uint8Array, records: CustomerRecords, ids: ResolvedIdentities): SupportTicketsClean {
  const { rows, repeats } = firstArrivals(raw, 'ticket_id', reasons);
  const c = viewNamed(raw, COLS, rows);
  const n = rows.length;
  const email = normalizedEmails(gatherTexts(raw, 'email', rows));
  const { idOf, ids: distinct } = internStrings(email);
  const owners = emailOwners(distinct, records, ids);
  const person = new Int32Array(n);
  for (let i = 0; i < n; i++) person[i] = idOf[i] < 0 || owners[idOf[i]] < 0 ? -1 : owners[idOf[i]];
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
