import { describe, expect, it } from 'vitest';
import { customer, rowsOf, runInline, tableAt, type Rows } from '../helpers/inline-sources';
import { customerKeyOf } from '../../src/pipeline/silver/resolve-identities';

const identity = (customers: Rows, params = {}) => {
  const run = runInline({ customers }, params);
  const rows = rowsOf(tableAt(run, 'silver/customer_identity.csv'));
  const keyOf = (system: string, id: string) => rows.find((r) => r.source_system === system && r.source_customer_id === id)!.customer_key;
  return { run, rows, keyOf };
};

describe('identity resolution: connected components over shared identifiers', () => {
  it('links an email in other case and with spaces, and a phone in other formats', () => {
    const { keyOf, rows } = identity([
      customer('web', 'W0000001', { email: ' Ayse.Yilmaz@Gmail.com' }),
      customer('crm', 'C0000001', { email: 'ayse.yilmaz@gmail.com', phone: '0532 111 22 33' }),
      customer('store', 'S0000001', { phone: '+90 (532) 111-22-33' }),
      customer('store', 'S0000002', { phone: '0090 533 000 00 00' }),
    ]);
    expect(keyOf('web', 'W0000001')).toBe(keyOf('crm', 'C0000001'));
    expect(keyOf('crm', 'C0000001')).toBe(keyOf('store', 'S0000001'));
    expect(keyOf('store', 'S0000002')).not.toBe(keyOf('web', 'W0000001'));
    const rule = (id: string) => rows.find((r) => r.source_customer_id === id)!.match_rule;
    expect(rule('W0000001')).toBe('email');
    expect(rule('C0000001')).toBe('email|phone');
    expect(rule('S0000001')).toBe('phone');
    expect(rule('S0000002')).toBe('singleton');
    expect(rows.find((r) => r.source_customer_id === 'C0000001')!.cluster_size).toBe('3');
  });

  it('a household phone merges two people (a false merge the report measures)', () => {
    const { keyOf } = identity([
      customer('web', 'W0000001', { first_name: 'Ali', phone: '0532 111 22 33' }),
      customer('web', 'W0000002', { first_name: 'Zeynep', phone: '05321112233' }),
    ]);
    expect(keyOf('web', 'W0000001')).toBe(keyOf('web', 'W0000002'));
  });

  const shared = (n: number) => Array.from({ length: n }, (_, i) => customer('web', `W000000${i + 1}`, { email: 'noemail@turanmart.com' }));
  it('a value on exactly placeholder_threshold (5) records still links', () => {
    const { rows } = identity(shared(5));
    expect(new Set(rows.map((r) => r.customer_key)).size).toBe(1);
  });
  it('a value on 6 records (> threshold) is a placeholder: links nothing, and is reported', () => {
    const { rows, run } = identity(shared(6));
    expect(new Set(rows.map((r) => r.customer_key)).size).toBe(6);
    expect(rows.every((r) => r.match_rule === 'singleton')).toBe(true);
    const check = rowsOf(tableAt(run, 'reports/customer360_quality_report.csv')).find((r) => r.check_id === 'placeholder_identifiers')!;
    expect(check.observed).toBe('1');
    expect(check.detail).toContain('noemail@turanmart.com (6 records)');
  });
  it('the threshold is a parameter', () => {
    expect(new Set(identity(shared(6), { placeholderThreshold: 6 }).rows.map((r) => r.customer_key)).size).toBe(1);
  });

  it('link names which identifier kinds link, and only those count for placeholders and match_rule', () => {
    const records = [
      customer('web', 'W0000001', { email: 'a@x.com', phone: '0532 111 22 33', loyalty_id: 'LOY00000001' }),
      customer('store', 'S0000001', { email: 'a@x.com' }),
      customer('store', 'S0000002', { phone: '+905321112233' }),
      customer('crm', 'C0000001', { loyalty_id: 'LOY00000001' }),
    ];
    const groups = (link: string) => new Set(identity(records, { link }).rows.map((r) => r.customer_key)).size;
    expect(groups('email,phone,loyalty')).toBe(1);
    expect(groups('phone,loyalty')).toBe(2);
    expect(groups('email,loyalty')).toBe(2);
    expect(groups('email,phone')).toBe(2);
    expect(groups('')).toBe(4);
    const { rows } = identity(records, { link: 'email,loyalty' });
    expect(rows.find((r) => r.source_customer_id === 'W0000001')!.match_rule).toBe('email|loyalty');
  });

  it('a repeated key keeps the latest updated_at; a tie goes to the later row in the file', () => {
    const { run } = identity([
      customer('web', 'W0000001', { city: 'Ankara', updated_at: '2025-03-01T00:00:00Z' }),
      customer('web', 'W0000001', { city: 'Izmir', updated_at: '2025-02-01T00:00:00Z' }),
      customer('web', 'W0000002', { city: 'Bursa', updated_at: '2025-03-01T00:00:00Z' }),
      customer('web', 'W0000002', { city: 'Antalya', updated_at: '2025-03-01T00:00:00Z' }),
    ]);
    const base = rowsOf(tableAt(run, 'silver/customer_profile_base.csv'));
    expect(base.map((r) => r.city).sort()).toEqual(['Ankara', 'Antalya']);
    const acc = rowsOf(tableAt(run, 'reports/customer360_quality_report.csv')).find((r) => r.check_id === 'silver_accounting_customers')!;
    expect(acc.status).toBe('pass');
    expect(acc.detail).toContain('accepted=2 superseded=2');
  });

  it('customer_key depends only on the members: file order and other people do not change it', () => {
    const a = [customer('web', 'W0000001', { email: 'a@x.com' }), customer('crm', 'C0000009', { email: 'A@X.com' })];
    const k1 = identity(a).keyOf('web', 'W0000001');
    const k2 = identity([customer('store', 'S0000005'), ...[...a].reverse()]).keyOf('web', 'W0000001');
    expect(k1).toBe(k2);
    expect(k1).toMatch(/^c360_[0-9a-f]{16}$/);
    expect(k1).toBe(customerKeyOf(['crm:C0000009', 'web:W0000001']));
  });
});

describe('profile base survivorship', () => {
  it('takes each field from the most recently updated member that has it; ties go to the smaller (system, id)', () => {
    const run = runInline({
      customers: [
        customer('web', 'W0000001', { email: 'a@x.com', first_name: 'Old', city: '', updated_at: '2025-01-01T00:00:00Z', created_at: '2024-01-01T00:00:00Z' }),
        customer('store', 'S0000001', { email: 'A@x.com ', first_name: 'Newest', city: '', phone: '0532 111 22 33', updated_at: '2025-06-01T00:00:00Z' }),
        customer('crm', 'C0000001', { email: 'a@x.com', first_name: 'TieCrm', city: 'Ankara', updated_at: '2025-03-01T00:00:00Z' }),
        customer('web', 'W0000002', { email: 'a@x.com', first_name: 'TieWeb', city: 'Izmir', updated_at: '2025-03-01T00:00:00Z' }),
      ],
    });
    const [p] = rowsOf(tableAt(run, 'silver/customer_profile_base.csv'));
    expect(p.first_name).toBe('Newest');
    expect(p.city).toBe('Ankara'); // crm < web at the same updated_at
    expect(p.email).toBe('a@x.com');
    expect(p.phone).toBe('+905321112233');
    expect(p.source_systems).toBe('crm|store|web');
    expect(p.source_record_count).toBe('4');
    expect(p.first_seen_at).toBe('2024-01-01T00:00:00Z');
    expect(p.profile_updated_at).toBe('2025-06-01T00:00:00Z');
  });
});
