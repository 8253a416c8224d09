// The quality report's checks, as data: each is an id, a description, a layer and a rule that
// turns the run's facts into a status, an observed number, a threshold and a detail.
import type { CheckStatus } from '../schema/reports';
import { QUARANTINE_REASONS } from '../schema/silver';
import { formatDecimal } from '../rounding';
import { formatIsoUtc } from '../time';
import type { SourceAccounting } from '../silver/source-accounting';
import type { Placeholder } from '../silver/resolve-identities';
import type { IdentityAccuracy } from './identity-accuracy';
import { FRESHNESS_POLICIES, freshnessHours, freshnessStatus } from './freshness';

export interface QualityFacts {
  readonly nowMs: number;
  readonly identityRecords: number;
  readonly identityRecordsWithKey: number;
  readonly customer360Rows: number;
  readonly duplicateProfileKeys: number;
  readonly criticalNullRows: number;
  /** Source → latest accepted event time (ms, NaN if none). */
  readonly latestTimes: Readonly<Record<string, number>>;
  readonly rawRows: Readonly<Record<string, number>>;
  readonly accounting: readonly SourceAccounting[];
  readonly orphanOrders: number;
  readonly currentOrders: number;
  readonly anonymousClickEvents: number;
  readonly lateClickEvents: number;
  readonly cleanClickEvents: number;
  readonly placeholders: readonly Placeholder[];
  readonly placeholderThreshold: number;
  readonly activationViolations: Readonly<Record<string, number>>;
  readonly activationRows: Readonly<Record<string, number>>;
  readonly accuracy: IdentityAccuracy;
}

export interface CheckResult {
  readonly check_id: string;
  readonly check: string;
  readonly layer: string;
  readonly status: CheckStatus;
  readonly observed: string;
  readonly threshold: string;
  readonly detail: string;
}

const rate4 = (x: number) => formatDecimal(x, 4);
const sum = (o: Readonly<Record<string, number>>) => Object.values(o).reduce((a, b) => a + b, 0);

export function runChecks(f: QualityFacts): CheckResult[] {
  const out: CheckResult[] = [];
  const coverage = f.identityRecords === 0 ? 1 : f.identityRecordsWithKey / f.identityRecords;
  out.push({
    check_id: 'profile_coverage', check: 'Share of customer source records resolved to a customer_key', layer: 'silver',
    status: coverage === 1 ? 'pass' : 'fail', observed: rate4(coverage), threshold: '1',
    detail: `${f.identityRecordsWithKey} of ${f.identityRecords} records have a customer_key`,
  });
  out.push({
    check_id: 'duplicate_profile_count', check: 'customer_key values found more than once in customer_360', layer: 'gold',
    status: f.duplicateProfileKeys === 0 ? 'pass' : 'fail', observed: String(f.duplicateProfileKeys), threshold: '0',
    detail: `${f.customer360Rows} profiles`,
  });
  const nullRate = f.customer360Rows === 0 ? 0 : f.criticalNullRows / f.customer360Rows;
  out.push({
    check_id: 'critical_null_rate', check: 'Share of customer_360 rows with an empty customer_key, segment or consent column', layer: 'gold',
    status: nullRate <= 0.01 ? 'pass' : 'fail', observed: rate4(nullRate), threshold: '0.01',
    detail: `${f.criticalNullRows} of ${f.customer360Rows} rows`,
  });
  for (const policy of FRESHNESS_POLICIES) {
    const hours = freshnessHours(f.latestTimes[policy.source], f.nowMs);
    out.push({
      check_id: `freshness_${policy.source}`, check: `Hours from the latest ${policy.source} event (${policy.columns.join(' or ')}) to now`,
      layer: 'silver', status: freshnessStatus(hours, policy),
      observed: Number.isNaN(hours) ? '' : formatDecimal(hours, 2),
      threshold: `warn_after=${policy.warnAfterHours}h error_after=${policy.errorAfterHours}h`,
      detail: Number.isNaN(hours) ? 'no accepted rows' : `latest ${policy.columns.join(' or ')} ${formatIsoUtc(f.latestTimes[policy.source])} over accepted rows`,
    });
  }
  for (const a of f.accounting) {
    out.push({
      check_id: `bronze_reconciliation_${a.source}`, check: `Bronze rows of ${a.source} equal raw rows`, layer: 'bronze',
      status: a.bronze === f.rawRows[a.source] ? 'pass' : 'fail', observed: String(a.bronze), threshold: String(f.rawRows[a.source]),
      detail: `raw=${f.rawRows[a.source]} bronze=${a.bronze}`,
    });
  }
  for (const a of f.accounting) {
    const gap = a.bronze - (a.accepted + a.superseded + a.quarantined);
    const parts = Object.entries(a.supersededDetail).map(([k, v]) => `${k}=${v}`).join(', ');
    out.push({
      check_id: `silver_accounting_${a.source}`, check: `Every bronze row of ${a.source} is accepted, superseded or quarantined`, layer: 'silver',
      status: gap === 0 ? 'pass' : 'fail', observed: String(gap), threshold: '0',
      detail: `bronze=${a.bronze} accepted=${a.accepted} superseded=${a.superseded} (${parts}) quarantined=${a.quarantined}`,
    });
  }
  const byReason: Record<string, number> = {};
  for (const r of QUARANTINE_REASONS) byReason[r] = 0;
  for (const a of f.accounting) for (const r of QUARANTINE_REASONS) byReason[r] += a.byReason[r] ?? 0;
  out.push({
    check_id: 'quarantined_rows', check: 'Rows held in silver/quarantine.csv, by reason', layer: 'silver', status: 'info',
    observed: String(sum(byReason)), threshold: '',
    detail: QUARANTINE_REASONS.map((r) => `${r}=${byReason[r]}`).join('; '),
  });
  out.push({
    check_id: 'orphan_orders', check: 'Current orders whose customer matches no profile', layer: 'silver',
    status: f.orphanOrders > 0 ? 'warn' : 'info', observed: String(f.orphanOrders), threshold: 'warn above 0',
    detail: `${f.orphanOrders} of ${f.currentOrders} current orders have no customer_key`,
  });
  out.push({
    check_id: 'anonymous_click_events', check: 'Clean click events with no customer_key', layer: 'silver', status: 'info',
    observed: String(f.anonymousClickEvents), threshold: '',
    detail: `${f.anonymousClickEvents} of ${f.cleanClickEvents} click events; devices that never logged in stay anonymous`,
  });
  out.push({
    check_id: 'late_click_events', check: 'Click events that arrived more than 1 hour after they happened', layer: 'silver', status: 'info',
    observed: String(f.lateClickEvents), threshold: '',
    detail: `${f.lateClickEvents} of ${f.cleanClickEvents} click events; counted by event time, so late events still land in their window`,
  });
  out.push({
    check_id: 'placeholder_identifiers', check: `Identifier values held by more than ${f.placeholderThreshold} records (link nothing)`, layer: 'silver',
    status: f.placeholders.length > 0 ? 'warn' : 'info', observed: String(f.placeholders.length), threshold: 'warn above 0',
    detail: f.placeholders.length ? f.placeholders.map((p) => `${p.kind} ${p.value} (${p.records} records)`).join('; ') : 'none',
  });
  const violations = sum(f.activationViolations);
  out.push({
    check_id: 'activation_consent_violations', check: 'Audience members without current granted consent or without the contact field', layer: 'gold',
    status: violations === 0 ? 'pass' : 'fail', observed: String(violations), threshold: '0',
    detail: Object.keys(f.activationViolations).map((c) => `${c}: ${f.activationViolations[c]} of ${f.activationRows[c]}`).join('; '),
  });
  const acc = f.accuracy;
  out.push({
    check_id: 'identity_precision', check: 'Pairwise precision of resolved people against truth/person_map.csv', layer: 'silver', status: 'info',
    observed: rate4(acc.precision), threshold: '', detail: `${acc.correctPairs} of ${acc.resolvedPairs} merged pairs are one real person`,
  });
  out.push({
    check_id: 'identity_recall', check: 'Pairwise recall of resolved people against truth/person_map.csv', layer: 'silver', status: 'info',
    observed: rate4(acc.recall), threshold: '', detail: `${acc.correctPairs} of ${acc.truePairs} same-person pairs were merged`,
  });
  return out;
}
