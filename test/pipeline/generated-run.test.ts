// Invariants on generated runs at several seeds: nothing lost, one key per record, unique profiles,
// and the report finds exactly what the generator injected.
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/pipeline/params';
import { runPipeline, SOURCE_NAMES } from '../../src/pipeline/run';
import { rowsOf, tableAt } from '../helpers/inline-sources';

const SEEDS = [1, 21, 4242];

describe.each(SEEDS)('generated run, seed %i', (seed) => {
  const run = runPipeline(resolveParams({ seed, customers: 800 }));
  const report = rowsOf(tableAt(run, 'reports/customer360_quality_report.csv'));
  const check = (id: string) => report.find((r) => r.check_id === id)!;
  const injected = run.sources.injected;

  it('accounts for every bronze row: accepted + superseded + quarantined', () => {
    const accounts = [run.silver.records, run.silver.orders, run.silver.clicks, run.silver.tickets, run.silver.campaigns, run.silver.consent].map((s) => s.accounting);
    for (const a of accounts) expect(a.accepted + a.superseded + a.quarantined).toBe(a.bronze);
    for (const s of SOURCE_NAMES) {
      expect(run.bronze[s].rowCount).toBe(run.sources[s].rowCount);
      expect(check(`silver_accounting_${s}`).status).toBe('pass');
      expect(check(`bronze_reconciliation_${s}`).status).toBe('pass');
    }
    expect(tableAt(run, 'silver/quarantine.csv').rowCount).toBe(accounts.reduce((a, b) => a + b.quarantined, 0));
  });

  it('gives every deduplicated source record exactly one customer_key', () => {
    const identity = rowsOf(tableAt(run, 'silver/customer_identity.csv'));
    const ids = new Set(identity.map((r) => `${r.source_system}:${r.source_customer_id}`));
    expect(ids.size).toBe(identity.length);
    expect(identity.every((r) => /^c360_[0-9a-f]{16}$/.test(r.customer_key))).toBe(true);
    expect(check('profile_coverage').status).toBe('pass');
  });

  it('has unique customer_key in gold, one per profile', () => {
    const keys = rowsOf(tableAt(run, 'gold/customer_360.csv')).map((r) => r.customer_key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(tableAt(run, 'silver/customer_profile_base.csv').rowCount);
    expect(check('duplicate_profile_count').observed).toBe('0');
  });

  it('finds exactly the injected counts', () => {
    const q = check('quarantined_rows').detail;
    for (const reason of ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'unparseable_amount', 'future_timestamp']) {
      expect(q, reason).toContain(`${reason}=${injected[reason]}`);
      expect(injected[reason], reason).toBeGreaterThan(0);
    }
    expect(Number(check('orphan_orders').observed)).toBe(injected.orphan_orders);
    expect(Number(check('late_click_events').observed)).toBe(injected.late_click_events);
    expect(Number(check('placeholder_identifiers').observed)).toBe(injected.placeholder_identifiers);
    expect(run.silver.clicks.accounting.superseded).toBe(injected.duplicate_click_events);
    expect(run.silver.orders.accounting.supersededDetail.duplicate_deliveries).toBe(injected.duplicate_cdc_changes);
    expect(run.silver.records.accounting.superseded).toBe(injected.repeated_customer_keys);
    for (const kind of ['duplicate_source_records', 'household_phones', 'placeholder_identifiers', 'orphan_orders', 'duplicate_cdc_changes',
      'out_of_order_cdc', 'duplicate_click_events', 'late_click_events', 'formula_text', 'email_format_variants', 'phone_format_variants',
      'missing_emails', 'missing_phones']) {
      expect(injected[kind], kind).toBeGreaterThan(0);
    }
  });

  it('keeps activation consent-clean and the gold checks green', () => {
    expect(check('activation_consent_violations').status).toBe('pass');
    expect(check('critical_null_rate').status).toBe('pass');
  });
});

describe('issues off', () => {
  const run = runPipeline(resolveParams({ seed: 21, customers: 500, issues: false }));
  it('injects nothing, quarantines nothing and resolves every person exactly', () => {
    expect(Object.values(run.sources.injected).every((n) => n === 0)).toBe(true);
    expect(tableAt(run, 'silver/quarantine.csv').rowCount).toBe(0);
    expect(run.quality.accuracy.precision).toBe(1);
    expect(run.quality.accuracy.recall).toBe(1);
    for (const s of SOURCE_NAMES) expect(run.sources[s].flagged?.some((f) => f === 1) ?? false).toBe(false);
  });
});
