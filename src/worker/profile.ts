// One person's whole story: the gold row, the merged source records, and every attributed event.
import type { PipelineRun } from '../pipeline/run';
import type { Table } from '../pipeline/table';
import { columnIndex } from '../pipeline/table';
import { gatherColumn, rawText } from '../pipeline/silver/columns';
import type { Column, ColumnType } from '../pipeline/table';
import { rowTexts } from './query';
import type { ConsentHistory, FieldSource, IdentityEdge, IdentityGraph, ProfileDetail, RowSet } from './api';
import { IDENTIFIER_KINDS } from '../pipeline/params';
import { CONSENT_PURPOSES } from '../pipeline/schema/enums';
import { CONSENT_STATES } from '../pipeline/schema/gold';
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
  const ti = columnIndex(table.schema, timeColumn);
  const t = materializeRows(table.columns[ti], table.schema.columns[ti].type, rows);
  const order = Array.from(rows.keys()).sort((a, b) => (t[a] || 0) - (t[b] || 0) || rows[a] - rows[b]);
  const sorted = order.map((k) => rows[k]);
  const shown = sorted.length > MAX_EVENTS ? sorted.slice(sorted.length - MAX_EVENTS) : sorted;
  return { path: table.schema.path, columns: table.schema.columns.map((c) => c.name), rows: rowTexts(table, shown, 0, shown.length) };
}

const RECORD_COLUMNS = ['source_system', 'source_customer_id', 'first_name', 'last_name', 'email', 'phone', 'city', 'country', 'loyalty_id', 'created_at', 'updated_at'];

const PROVENANCE_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'city', 'country', 'loyalty_id'] as const;

function provenanceOf(run: PipelineRun, p: number): FieldSource[] {
  const { profile, records } = run.silver;
  const base = rowTexts(profile.table, [p], 0, 1)[0];
  return PROVENANCE_FIELDS.map((field) => {
    const m = profile.provenance[field][p];
    return { field, value: base[columnIndex(profile.table.schema, field)], record: m < 0 ? '' : `${records.system[m]}:${records.id[m]}` };
  });
}

/** Members as nodes; an edge for every identifier two members share (placeholders shown as blocked). */
function graphOf(run: PipelineRun, p: number, truthOf: (record: number) => string): IdentityGraph {
  const { records, identities } = run.silver;
  const members = Array.from(identities.members.subarray(identities.membersStart[p], identities.membersStart[p + 1]));
  const placeholders = new Set(identities.placeholders.map((ph) => `${ph.kind}\u0000${ph.value}`));
  const nodes = members.map((m) => ({
    record: `${records.system[m]}:${records.id[m]}`, system: records.system[m], sourceId: records.id[m],
    matchRule: identities.matchRule[m], truePerson: truthOf(m),
  }));
  const edges: IdentityEdge[] = [];
  const values = { email: records.email, phone: records.phone, loyalty: records.loyalty };
  for (const kind of IDENTIFIER_KINDS) {
    if (!run.params.link.includes(kind)) continue;
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const v = values[kind][members[a]];
        if (v === null || v !== values[kind][members[b]]) continue;
        edges.push({ from: a, to: b, kind, value: v, blocked: placeholders.has(`${kind}\u0000${v}`) });
      }
    }
  }
  return { nodes, edges };
}

function consentOf(run: PipelineRun, idx: ProfileIndexes, p: number): ConsentHistory[] {
  const consent = run.silver.consent;
  const rows = Array.from(idx.consent.rowsOf(p));
  const purposeCol = consent.purposeDict;
  const eventIdCol = columnIndex(consent.table.schema, 'event_id');
  return CONSENT_PURPOSES.map((purpose, k) => {
    const mine = Int32Array.from(rows.filter((r) => purposeCol[consent.purpose[r]] === purpose));
    const latest = run.gold.customer360.acc.consentLatest[k][p];
    const state = CONSENT_STATES[run.gold.customer360.consent[k][p]];
    const decidedBy = latest < 0 ? '' : rowTexts(consent.table, [latest], 0, 1)[0][eventIdCol];
    return { purpose, state, decidedBy, events: timeOrdered(consent.table, mine, 'event_ts') };
  });
}

export function profileDetail(run: PipelineRun, idx: ProfileIndexes, key: string, truthOf: (record: number) => string = () => ''): ProfileDetail | null {
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
    provenance: provenanceOf(run, p),
    graph: graphOf(run, p, truthOf),
    consent: consentOf(run, idx, p),
    reachable: (['email', 'sms', 'ads'] as const).filter((_, k) => [gold.customer360.canEmail, gold.customer360.canSms, gold.customer360.canAds][k][p] === 1),
  };
}

/** Numeric values of `col` at `rows` (times for ordering a profile's events). */
function materializeRows(col: Column, type: ColumnType, rows: Int32Array): Float64Array {
  const c = gatherColumn(col, type, rows);
  return c.kind === 'number' ? c.values : new Float64Array(rows.length);
}
