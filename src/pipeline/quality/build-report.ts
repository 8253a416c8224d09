// Gathers the facts the checks need from every layer and builds both report files' rows.
import type { RunParams } from '../params';
import type { Column, Table } from '../table';
import { codeColumn, columnIndex, textColumn } from '../table';
import type { GeneratedSources } from '../generate';
import type { Gold, Silver, SourceName } from '../run';
import { SOURCE_NAMES } from '../run';
import { rawNumber } from '../silver/columns';
import { cellText } from '../../io/cell-text';
import { emailSha256 } from '../gold/activation';
import { FRESHNESS_POLICIES } from './freshness';
import { identityAccuracyOfGroups, type IdentityAccuracy } from './identity-accuracy';
import { truthGroupsOfRecords, truthRowOfRecords } from './truth-rows';
import { runChecks, type CheckResult } from './checks';
import { qualityReportMarkdown, qualityReportTable } from './report';

export interface QualityReport {
  readonly rows: readonly CheckResult[];
  readonly table: Table;
  readonly markdown: string;
  readonly accuracy: IdentityAccuracy;
}

export interface QualityInputs {
  readonly params: RunParams;
  readonly nowMs: number;
  readonly sources: GeneratedSources;
  readonly bronze: Readonly<Record<SourceName, Table>>;
  readonly reasons: Readonly<Record<SourceName, Uint8Array>>;
  readonly silver: Silver;
  readonly gold: Gold;
}

function latestAcceptedTime(raw: Table, columns: readonly string[], reasons: Uint8Array): number {
  let latest = NaN;
  for (const name of columns) {
    const col = raw.columns[columnIndex(raw.schema, name)];
    if (col.kind !== 'number') throw new Error(`${raw.schema.name}.${name} is not a time column`);
    latest = latestAcceptedValue(raw, name, col.values, reasons, latest);
  }
  return latest;
}

/** The latest of `latest` and the column's values on accepted rows (flagged rows read through their override). */
function latestAcceptedValue(raw: Table, name: string, values: Float64Array, reasons: Uint8Array, latest: number): number {
  const flagged = raw.flagged;
  for (let r = 0; r < reasons.length; r++) {
    if (reasons[r] !== 0) continue;
    const v = flagged !== undefined && flagged[r] === 1 ? rawNumber(raw, name, r) : values[r];
    if (!Number.isNaN(v) && !(v <= latest)) latest = v;
  }
  return latest;
}

function duplicateValues(values: readonly (string | null)[]): number {
  // Gold is written in key order, so strictly increasing keys prove uniqueness without a map.
  let increasing = true;
  for (let i = 1; i < values.length && increasing; i++) {
    const a = values[i - 1], b = values[i];
    increasing = a !== null && b !== null && a < b;
  }
  if (increasing) return 0;
  const seen = new Map<string | null, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  let dup = 0;
  for (const n of seen.values()) if (n > 1) dup++;
  return dup;
}

// Counting loops over millions of events: indexed, each its own function (a for-of over a typed
// array allocates an iterator result per element until the loop is optimised).

/** Events with no person (-1). */
function unattributed(person: Int32Array): number {
  let n = 0;
  for (let i = 0; i < person.length; i++) if (person[i] < 0) n++;
  return n;
}

function flagsSet(flags: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i];
  return n;
}

function presentTexts(values: readonly (string | null)[]): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== null && values[i] !== '') n++;
  return n;
}

function criticalNulls(c360: Table): number {
  const keys = textColumn(c360, 'customer_key');
  const codes = ['segment', 'consent_email_marketing', 'consent_sms_marketing', 'consent_personalized_ads'].map((c) => codeColumn(c360, c).codes);
  const [segment, email, sms, ads] = codes;
  let n = 0;
  for (let i = 0; i < c360.rowCount; i++) {
    if (keys[i] === null || segment[i] < 0 || email[i] < 0 || sms[i] < 0 || ads[i] < 0) n++;
  }
  return n;
}

/** Where a text column, or a view of one, keeps row i's value: values[rows === null ? i : rows[i]]. */
function textCells(col: Column, rowCount: number): { values: readonly (string | null)[]; rows: Int32Array | null } {
  if (col.kind === 'text') return { values: col.values, rows: null };
  if (col.kind === 'view' && col.base.kind === 'text') return { values: col.base.values, rows: col.rows };
  return { values: Array.from({ length: rowCount }, (_, r) => cellText(col, 'string', r) || null), rows: null };
}

/**
 * Audience rows of one channel whose person lacks granted consent for the purpose, or whose value
 * isn't theirs: the profile's contact field, or its hash (recomputed here, not trusted from gold).
 */
function channelViolations(table: Table, people: Int32Array, consent: Int32Array, contact: readonly (string | null)[], hashed: boolean): number {
  const cells = textCells(table.columns[1], table.rowCount);
  let bad = table.schema.columns.length === 2 ? 0 : table.rowCount;
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    if (consent[p] !== 0) {
      bad++;
      continue;
    }
    const field = contact[p];
    const expected = hashed && field !== null ? emailSha256(field) : field;
    const actual = cells.values[cells.rows === null ? i : cells.rows[i]];
    if (expected === null || actual !== expected) bad++;
  }
  return bad;
}

function activationViolations(silver: Silver, gold: Gold): { violations: Record<string, number>; rows: Record<string, number> } {
  const { consent } = gold.customer360;
  const { email, phone } = silver.profile;
  const a = gold.activation;
  return {
    violations: {
      email: channelViolations(a.email, a.people.email, consent[0], email, false),
      sms: channelViolations(a.sms, a.people.sms, consent[1], phone, false),
      ads: channelViolations(a.ads, a.people.ads, consent[2], email, true),
    },
    rows: { email: a.email.rowCount, sms: a.sms.rowCount, ads: a.ads.rowCount },
  };
}

/** The true person of each deduplicated customer record (a record missing from the truth is its own person). */
export function truthOfRecords(silver: Silver, personMap: Table): string[] {
  const personCol = columnIndex(personMap.schema, 'person_id');
  return Array.from(truthRowOfRecords(silver.records, personMap), (row, i) =>
    row < 0 ? `unknown:${i}` : cellText(personMap.columns[personCol], 'string', row));
}

function accuracyAgainstTruth(silver: Silver, personMap: Table): IdentityAccuracy {
  const truth = truthGroupsOfRecords(silver.records, personMap);
  return identityAccuracyOfGroups(silver.identities.personOf, truth.group, truth.count);
}

export function buildQualityReport(inp: QualityInputs): QualityReport {
  const { silver, gold } = inp;
  const latestTimes: Record<string, number> = {};
  for (const p of FRESHNESS_POLICIES) {
    latestTimes[p.source] = latestAcceptedTime(inp.sources[p.source as SourceName], p.columns, inp.reasons[p.source as SourceName]);
  }
  const rawRows: Record<string, number> = {};
  for (const s of SOURCE_NAMES) rawRows[s] = inp.sources[s].rowCount;
  const accounting = [
    { ...silver.records.accounting, bronze: inp.bronze.customers.rowCount },
    { ...silver.orders.accounting, bronze: inp.bronze.orders.rowCount },
    { ...silver.clicks.accounting, bronze: inp.bronze.clickstream.rowCount },
    { ...silver.tickets.accounting, bronze: inp.bronze.support_tickets.rowCount },
    { ...silver.campaigns.accounting, bronze: inp.bronze.campaign_events.rowCount },
    { ...silver.consent.accounting, bronze: inp.bronze.consent_events.rowCount },
  ];
  const identityKeys = textColumn(silver.identityTable, 'customer_key');
  const c360 = gold.customer360.table;
  const accuracy = accuracyAgainstTruth(silver, inp.sources.personMap);
  const activation = activationViolations(silver, gold);
  const rows = runChecks({
    nowMs: inp.nowMs,
    identityRecords: silver.identityTable.rowCount,
    identityRecordsWithKey: presentTexts(identityKeys),
    customer360Rows: c360.rowCount,
    duplicateProfileKeys: duplicateValues(textColumn(c360, 'customer_key')),
    criticalNullRows: criticalNulls(c360),
    latestTimes, rawRows, accounting,
    orphanOrders: unattributed(silver.orders.person),
    currentOrders: silver.orders.person.length,
    anonymousClickEvents: unattributed(silver.clicks.person),
    lateClickEvents: flagsSet(silver.clicks.late),
    cleanClickEvents: silver.clicks.person.length,
    placeholders: silver.identities.placeholders,
    placeholderThreshold: inp.params.placeholderThreshold,
    activationViolations: activation.violations,
    activationRows: activation.rows,
    accuracy,
  });
  return { rows, table: qualityReportTable(rows), markdown: qualityReportMarkdown(rows, inp.params), accuracy };
}
