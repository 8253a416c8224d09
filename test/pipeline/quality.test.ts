import { describe, expect, it } from 'vitest';
import { identityAccuracy } from '../../src/pipeline/quality/identity-accuracy';
import { freshnessStatus, FRESHNESS_POLICIES } from '../../src/pipeline/quality/freshness';
import { customer, rowsOf, runInline, tableAt } from '../helpers/inline-sources';

describe('pairwise identity accuracy against a hand-built truth', () => {
  const cases = [
    { name: 'perfect', resolved: [0, 0, 1], truth: ['a', 'a', 'b'], precision: 1, recall: 1 },
    { name: 'false merge of two people (household)', resolved: [0, 0, 0], truth: ['a', 'a', 'b'], precision: 1 / 3, recall: 1 },
    { name: 'missed merge (email changed)', resolved: [0, 1, 2], truth: ['a', 'a', 'b'], precision: 1, recall: 0 },
    { name: 'both', resolved: [0, 0, 1, 2], truth: ['a', 'b', 'c', 'c'], precision: 0, recall: 0 },
    { name: 'no pairs anywhere is 1 and 1', resolved: [0, 1], truth: ['a', 'b'], precision: 1, recall: 1 },
    { name: 'four records, mixed', resolved: [0, 0, 0, 1], truth: ['a', 'a', 'b', 'b'], precision: 1 / 3, recall: 1 / 2 },
  ];
  it.each(cases)('$name', ({ resolved, truth, precision, recall }) => {
    const acc = identityAccuracy(resolved, truth);
    expect(acc.precision).toBeCloseTo(precision, 12);
    expect(acc.recall).toBeCloseTo(recall, 12);
  });

  it('reads the truth from person_map in a run', () => {
    const run = runInline({
      customers: [
        customer('web', 'W0000001', { phone: '0532 111 22 33' }),
        customer('web', 'W0000002', { phone: '0532 111 22 33' }),
        customer('crm', 'C0000001', { email: 'new@x.com' }),
      ],
      person_map: [
        { source_system: 'web', source_customer_id: 'W0000001', person_id: 'PER0000001' },
        { source_system: 'web', source_customer_id: 'W0000002', person_id: 'PER0000002' },
        { source_system: 'crm', source_customer_id: 'C0000001', person_id: 'PER0000001' },
      ],
    });
    const report = rowsOf(tableAt(run, 'reports/customer360_quality_report.csv'));
    expect(report.find((r) => r.check_id === 'identity_precision')!.observed).toBe('0.0000');
    expect(report.find((r) => r.check_id === 'identity_recall')!.observed).toBe('0.0000');
  });
});

describe('freshness status: pass up to warn_after, warn up to error_after, fail beyond', () => {
  const orders = FRESHNESS_POLICIES.find((p) => p.source === 'orders')!;
  it.each([[0, 'pass'], [6, 'pass'], [6.01, 'warn'], [24, 'warn'], [24.01, 'fail'], [NaN, 'fail']] as const)('%f hours → %s', (h, s) =>
    expect(freshnessStatus(h, orders)).toBe(s));
});

describe('report rows', () => {
  const run = runInline({
    customers: [customer('web', 'W0000001', { updated_at: '2026-06-30T09:30:00Z' }), customer('web', '', {}), customer('pos', 'X1', {})],
  });
  const report = rowsOf(tableAt(run, 'reports/customer360_quality_report.csv'));
  const byId = (id: string) => report.find((r) => r.check_id === id)!;
  it('has every check the contract names', () => {
    for (const id of ['profile_coverage', 'duplicate_profile_count', 'critical_null_rate', 'quarantined_rows', 'orphan_orders',
      'anonymous_click_events', 'late_click_events', 'placeholder_identifiers', 'activation_consent_violations', 'identity_precision',
      'identity_recall']) expect(byId(id)).toBeDefined();
    for (const s of ['customers', 'orders', 'clickstream', 'support_tickets', 'campaign_events', 'consent_events']) {
      expect(byId(`freshness_${s}`)).toBeDefined();
      expect(byId(`bronze_reconciliation_${s}`).status).toBe('pass');
      expect(byId(`silver_accounting_${s}`).status).toBe('pass');
    }
  });
  it('freshness in hours with two decimals and the dbt-style threshold', () => {
    expect(byId('freshness_customers')).toMatchObject({ observed: '2.50', status: 'pass', threshold: 'warn_after=24h error_after=72h' });
    expect(byId('freshness_orders')).toMatchObject({ observed: '', status: 'fail' });
  });
  it('quarantine detail lists all five reasons, zeros included, in validation order', () => {
    expect(byId('quarantined_rows')).toMatchObject({
      status: 'info', observed: '2',
      detail: 'missing_key=1; unknown_enum=1; unparseable_timestamp=0; unparseable_amount=0; future_timestamp=0',
    });
  });
  it('gold checks pass', () => {
    expect(byId('profile_coverage')).toMatchObject({ status: 'pass', observed: '1.0000' });
    expect(byId('duplicate_profile_count')).toMatchObject({ status: 'pass', observed: '0' });
    expect(byId('critical_null_rate')).toMatchObject({ status: 'pass', observed: '0.0000' });
    expect(byId('activation_consent_violations')).toMatchObject({ status: 'pass', observed: '0' });
  });
  it('the markdown renders the same rows', () => {
    for (const r of report) expect(run.quality.markdown).toContain(`| ${r.check_id} |`);
  });
});
