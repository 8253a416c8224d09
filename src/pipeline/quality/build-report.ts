// Gathers the facts the checks need from every layer and builds both report files' rows.
import type { RunParams } from '../params';
import type { Table } from '../table';
import { codeColumn, columnIndex, textColumn } from '../table';
import type { GeneratedSources } from '../generate';
import type { Gold, Silver, SourceName } from '../run';
import { SOURCE_NAMES } from '../run';
import { rawNumber, rawText } from '../silver/columns';
import { cellText } from '../../io/cell-text';
import { emailSha256 } from '../gold/activation';
import { FRESHNESS_POLICIES } from './freshness';
import { identityAccuracy, type IdentityAccuracy } from './identity-accuracy';
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
    for (let r = 0; r < reasons.length; r++) {
      if (reasons[r] !== 0) continue;
      const v = raw.flagged?.[r] === 1 ? rawNumber(raw, name, r) : col.values[r];
      if (!Number.isNaN(v) && !(v <= latest)) latest = v;
    }
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

/** Audience rows whose person lacks granted consent for the purpose, or whose value isn't theirs. */
function activationViolations(silver: Silver, gold: Gold): { violations: Record<string, number>; rows: Record<string, number> } {
  const c = gold.customer360;
  const { email, phone } = silver.profile;
  const check = (table: Table, people: number[], purpose: number, expected: (p: number) => string | null) => {
    const values = textColumn(table, table.schema.columns[1].name);
    let bad = table.schema.columns.length === 2 ? 0 : table.rowCount;
    people.forEach((p, i) => {
      if (c.consent[purpose][p] !== 0) bad++;
      else {
        const e = expected(p);
        if (e === null || values[i] !== e) bad++;
      }
    });
    return bad;
  };
  const a = gold.activation;
  return {
    violations: {
      email: check(a.email, a.people.email, 0, (p) => email[p]),
      sms: check(a.sms, a.people.sms, 1, (p) => phone[p]),
      ads: check(a.ads, a.people.ads, 2, (p) => (email[p] === null ? null : emailSha256(email[p]!))),
    },
    rows: { email: a.email.rowCount, sms: a.sms.rowCount, ads: a.ads.rowCount },
  };
}

/** The person_map row of each deduplicated customer record, -1 when the truth does not list it. */
function truthRowOfRecords(silver: Silver, personMap: Table): Int32Array {
  const bySystem = new Map<string, Map<string, number>>();
  const idCol = columnIndex(personMap.schema, 'source_customer_id');
  for (let r = 0; r < personMap.rowCount; r++) {
    const s = rawText(personMap, 'source_system', r);
    let m = bySystem.get(s);
    if (!m) bySystem.set(s, (m = new Map()));
    m.set(cellText(personMap.columns[idCol], 'string', r), r);
  }
  const { records } = silver;
  return Int32Array.from(records.id, (id, i) => bySystem.get(records.system[i])?.get(id) ?? -1);
}

/** The true person of each deduplicated customer record (a record missing from the truth is its own person). */
export function truthOfRecords(silver: Silver, personMap: Table): string[] {
  const personCol = columnIndex(personMap.schema, 'person_id');
  return Array.from(truthRowOfRecords(silver, personMap), (row, i) =>
    row < 0 ? `unknown:${i}` : cellText(personMap.columns[personCol], 'string', row));
}

function accuracyAgainstTruth(silver: Silver, personMap: Table): IdentityAccuracy {
  // Person ids compared as numbers where the truth stores them so (no text per record).
  const person = personMap.columns[columnIndex(personMap.schema, 'person_id')];
  const truth = Array.from(truthRowOfRecords(silver, personMap), (row, i): string | number =>
    row < 0 ? -(i + 1) : person.kind === 'id' ? person.nums[row] : cellText(person, 'string', row));
  return identityAccuracy(silver.identities.personOf, truth);
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
  let orphans = 0, anonymous = 0, late = 0;
  for (const p of silver.orders.person) if (p < 0) orphans++;
  for (const p of silver.clicks.person) if (p < 0) anonymous++;
  for (const l of silver.clicks.late) late += l;
  const accuracy = accuracyAgainstTruth(silver, inp.sources.personMap);
  const activation = activationViolations(silver, gold);
  const rows = runChecks({
    nowMs: inp.nowMs,
    identityRecords: silver.identityTable.rowCount,
    identityRecordsWithKey: identityKeys.filter((k) => k !== null && k !== '').length,
    customer360Rows: c360.rowCount,
    duplicateProfileKeys: duplicateValues(textColumn(c360, 'customer_key')),
    criticalNullRows: criticalNulls(c360),
    latestTimes, rawRows, accounting,
    orphanOrders: orphans,
    currentOrders: silver.orders.person.length,
    anonymousClickEvents: anonymous,
    lateClickEvents: late,
    cleanClickEvents: silver.clicks.person.length,
    placeholders: silver.identities.placeholders,
    placeholderThreshold: inp.params.placeholderThreshold,
    activationViolations: activation.violations,
    activationRows: activation.rows,
    accuracy,
  });
  return { rows, table: qualityReportTable(rows), markdown: qualityReportMarkdown(rows, inp.params), accuracy };
}
