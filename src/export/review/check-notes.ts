// What each quality check means for a consumer of the data product, one line per report row.
// Notes are chosen by check id (exact, then by family prefix); an id with no note gets a line from
// its status alone, so a new check never breaks the review.
import type { CheckResult } from '../../pipeline/quality/checks';
import { FRESHNESS_POLICIES } from '../../pipeline/quality/freshness';
import { codeList, percent } from './markdown';

/** Counts the notes put observed values against. */
export interface NoteContext {
  readonly currentOrders: number;
  readonly cleanClickEvents: number;
}

type Note = (row: CheckResult, ctx: NoteContext) => string;

const STATUS_FOR_CONSUMERS: Readonly<Record<string, string>> = {
  pass: 'the promise holds; use the data as documented',
  warn: 'the data is served, but read the affected columns with care',
  fail: 'the product breaks its promise here; do not rely on the affected data until it passes',
  info: 'a measurement to read, with no threshold',
};

/** The gold columns a consumer sees go stale when a source stops flowing. */
const FED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  customers: ['full_name', 'email', 'phone', 'city', 'country'],
  orders: ['orders_count', 'lifetime_revenue', 'orders_90d', 'revenue_90d', 'segment'],
  clickstream: ['sessions_30d', 'product_views_30d', 'add_to_cart_30d', 'last_seen_at'],
  support_tickets: ['tickets_open', 'avg_csat', 'churn_risk'],
  campaign_events: ['campaign_sent_90d', 'campaign_opened_90d', 'campaign_clicked_90d'],
  consent_events: ['consent_*', 'can_email', 'can_sms', 'can_target_ads'],
};

const observedOf = (row: CheckResult) => Number(row.observed);

const freshness: Note = (row) => {
  const source = row.check_id.slice('freshness_'.length);
  const policy = FRESHNESS_POLICIES.find((p) => p.source === source);
  const fed = Object.hasOwn(FED_COLUMNS, source) ? codeList(FED_COLUMNS[source]) : `the columns fed by ${source}`;
  if (row.observed === '') return `No accepted ${source} rows at all: ${fed} are empty for everyone.`;
  const sla = policy ? `${policy.warnAfterHours} h warn / ${policy.errorAfterHours} h error` : row.threshold;
  if (row.status === 'pass') return `${source} is ${row.observed} h behind now, within its ${sla} SLA: ${fed} are current.`;
  if (row.status === 'warn') return `${source} is ${row.observed} h behind now, past its ${sla} SLA: ${fed} may miss the latest activity.`;
  if (row.status === 'fail') return `${source} is ${row.observed} h behind now, past its error threshold (${sla}): treat ${fed} as stale.`;
  return `${source} is ${row.observed} h behind now (${sla}).`;
};

const NOTES: Readonly<Record<string, Note>> = {
  profile_coverage: (r) => r.status === 'pass'
    ? 'Every source customer record belongs to a profile: nothing a consumer looks up falls outside the 360.'
    : `Some source records have no profile (${r.detail}): their orders, clicks and consent are missing from every view.`,
  duplicate_profile_count: (r) => r.status === 'pass'
    ? '`customer_key` is unique: joins and reverse-ETL upserts on it are safe.'
    : `${r.observed} keys repeat: joins on \`customer_key\` fan out and audience upserts overwrite each other.`,
  critical_null_rate: (r) => r.status === 'pass'
    ? 'Key, segment and consent columns are filled: filters and consent gates see every profile.'
    : `${r.detail} lack a key, segment or consent value: those profiles fall through filters and consent gates.`,
  quarantined_rows: (r) => observedOf(r) === 0
    ? 'No source row was rejected: every landed row reached silver.'
    : `${r.observed} malformed rows were held back (${r.detail}); they count nowhere until fixed at the source, so totals are slightly low.`,
  orphan_orders: (r, c) => observedOf(r) === 0
    ? 'Every current order is attributed to a profile: revenue totals are complete.'
    : `${r.observed} current orders (${percent(observedOf(r), c.currentOrders)}) match no profile: their revenue is missing from \`lifetime_revenue\` and segments.`,
  anonymous_click_events: (r, c) =>
    `${percent(observedOf(r), c.cleanClickEvents)} of click events stay anonymous: behaviour metrics cover logged-in and stitched devices only.`,
  late_click_events: (r, c) => observedOf(r) === 0
    ? 'No click event arrived late: windows are complete as soon as events land.'
    : `${percent(observedOf(r), c.cleanClickEvents)} of click events arrived over 1 h late; this build counts them by event time, `
      + 'a streaming job needs allowed lateness to do the same.',
  placeholder_identifiers: (r) => observedOf(r) === 0
    ? 'No junk identifier is shared by many records: every linking value is a real one.'
    : `${r.observed} placeholder values were kept from linking (${r.detail}): records holding them stay apart; the capture forms should reject them.`,
  activation_consent_violations: (r) => r.status === 'pass'
    ? 'No audience row lacks current consent or carries a wrong contact field: the audiences are safe to sync.'
    : `Do not sync the audiences: ${r.detail}.`,
  identity_precision: (r) =>
    `${r.observed} of merged record pairs are truly one person; the rest are false merges, where one person's contact or consent can act for another.`,
  identity_recall: (r) =>
    `${r.observed} of same-person record pairs were merged; a missed merge splits a customer, understating value and scattering consent.`,
};

const FAMILIES: readonly { prefix: string; note: Note }[] = [
  { prefix: 'freshness_', note: freshness },
  {
    prefix: 'bronze_reconciliation_',
    note: (r) => r.status === 'pass'
      ? `Landing kept all ${r.observed} rows of ${r.check_id.slice('bronze_reconciliation_'.length)}: bronze is a complete replay point.`
      : `Bronze holds ${r.observed} rows where the source sent ${r.threshold}: everything downstream may be incomplete.`,
  },
  {
    prefix: 'silver_accounting_',
    note: (r) => r.status === 'pass'
      ? `Every landed ${r.check_id.slice('silver_accounting_'.length)} row is accepted, superseded or quarantined: nothing vanished silently.`
      : `${r.observed} landed rows are unaccounted for: silver lost or invented data.`,
  },
];

/** One line for a consumer: the check's note, or its description and status meaning when it has none. */
export function checkNote(row: CheckResult, ctx: NoteContext): string {
  const note = (Object.hasOwn(NOTES, row.check_id) ? NOTES[row.check_id] : undefined) ?? FAMILIES.find((f) => row.check_id.startsWith(f.prefix))?.note;
  if (note) return note(row, ctx);
  const meaning = Object.hasOwn(STATUS_FOR_CONSUMERS, row.status) ? STATUS_FOR_CONSUMERS[row.status] : `status ${row.status}`;
  return `${row.check || row.check_id}: ${meaning} (no reading written for this check yet).`;
}
