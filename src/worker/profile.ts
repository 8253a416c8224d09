// One person's whole story: the gold row, the merged source records, and every attributed event.
import type { PipelineRun } from '../pipeline/run';
import type { Table } from '../pipeline/table';
import { columnIndex } from '../pipeline/table';
import { rawText } from '../pipeline/silver/columns';
import { rowTexts } from './query';
import type { ProfileDetail, RowSet } from './api';
import { personIndex, type PersonIndex } from './person-index';

const MAX_EVENTS = 1000;

export interface ProfileIndexes {
  readonly orders: PersonIndex;
  readonly clicks: PersonIndex;
  readonly tickets: PersonIndex;
  readonly campaigns: PersonIndex;
  readonly consent: PersonIndex;
}

export function profileIndexes(run: PipelineRun): ProfileIndexes {
  const people = run.silver.identities.keys.length;
  const s = run.silver;
  return {
    orders: personIndex(s.orders.person, people),
    clicks: personIndex(s.clicks.person, people),
    tickets: personIndex(s.tickets.person, people),
    campaigns: personIndex(s.campaigns.person, people),
    consent: personIndex(s.consent.person, people),
  };
}

export function findPerson(keys: readonly string[], key: string): number {
  let lo = 0, hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] === key) return mid;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function timeOrdered(table: Table, rows: Int32Array, timeColumn: string): RowSet {
  const t = table.columns[columnIndex(table.schema, timeColumn)];
  const times = t.kind === 'number' ? t.values : null;
  const sorted = Array.from(rows).sort((a, b) => (times ? (times[a] || 0) - (times[b] || 0) : 0) || a - b);
  const shown = sorted.length > MAX_EVENTS ? sorted.slice(sorted.length - MAX_EVENTS) : sorted;
  return { path: table.schema.path, columns: table.schema.columns.map((c) => c.name), rows: rowTexts(table, shown, 0, shown.length) };
}

const RECORD_COLUMNS = ['source_system', 'source_customer_id', 'first_name', 'last_name', 'email', 'phone', 'city', 'country', 'loyalty_id', 'created_at', 'updated_at'];

export function profileDetail(run: PipelineRun, idx: ProfileIndexes, key: string): ProfileDetail | null {
  const { silver, gold } = run;
  const p = findPerson(silver.identities.keys, key);
  if (p < 0) return null;
  const c360 = gold.customer360.table;
  const row = rowTexts(c360, [p], 0, 1)[0];
  const fields = c360.schema.columns.map((c, i) => ({ name: c.name, value: row[i], description: c.description }));
  const ids = silver.identities;
  const customers = run.sources.customers;
  const records: string[][] = [];
  for (let m = ids.membersStart[p]; m < ids.membersStart[p + 1]; m++) {
    const rec = ids.members[m];
    const rawRow = silver.records.rawRow[rec];
    records.push([ids.matchRule[rec], ...RECORD_COLUMNS.map((c) => rawText(customers, c, rawRow))]);
  }
  return {
    customerKey: key,
    fields,
    records: { path: 'silver/customer_identity.csv', columns: ['match_rule', ...RECORD_COLUMNS], rows: records },
    orders: timeOrdered(silver.orders.table, idx.orders.rowsOf(p), 'order_ts'),
    clicks: timeOrdered(silver.clicks.table, idx.clicks.rowsOf(p), 'event_ts'),
    tickets: timeOrdered(silver.tickets.table, idx.tickets.rowsOf(p), 'opened_at'),
    campaignEvents: timeOrdered(silver.campaigns.table, idx.campaigns.rowsOf(p), 'event_ts'),
    consentEvents: timeOrdered(silver.consent.table, idx.consent.rowsOf(p), 'event_ts'),
  };
}
