import { describe, expect, it } from 'vitest';
import { churnBandOf, churnRiskOf, segmentOf, valueTierOf } from '../../src/pipeline/gold/rules';
import { customer, rowsOf, runInline, tableAt } from '../helpers/inline-sources';

describe('segment: the first rule that holds', () => {
  const cases = [
    { f: 0, r: NaN, expected: 'Prospect' },
    { f: 1, r: 30, expected: 'New' },
    { f: 1, r: 31, expected: 'Promising' },
    { f: 5, r: 30, expected: 'Champion' },
    { f: 5, r: 31, expected: 'Loyal' },
    { f: 3, r: 90, expected: 'Loyal' },
    { f: 2, r: 90, expected: 'Promising' },
    { f: 4, r: 91, expected: 'At Risk' },
    { f: 4, r: 180, expected: 'At Risk' },
    { f: 4, r: 181, expected: 'Hibernating' },
    { f: 1, r: 0, expected: 'New' },
    { f: 2, r: 10, expected: 'Promising' },
  ];
  it.each(cases)('F=$f R=$r → $expected', ({ f, r, expected }) => expect(segmentOf(f, r)).toBe(expected));
});

describe('value tier by lifetime revenue (cents)', () => {
  const cases = [
    { cents: 100_000, expected: 'high' }, { cents: 99_999, expected: 'medium' }, { cents: 25_000, expected: 'medium' },
    { cents: 24_999, expected: 'low' }, { cents: 1, expected: 'low' }, { cents: 0, expected: 'none' },
  ];
  it.each(cases)('$cents → $expected', ({ cents, expected }) => expect(valueTierOf(cents)).toBe(expected));
});

describe('churn risk', () => {
  it('follows the logistic formula with the caps', () => {
    const x = -1.5 + 0.015 * 40 - 0.4 * 5 + 0.6 * 2 - 0.35 * (4.5 - 3) - 0.05 * 10;
    expect(churnRiskOf({ daysSinceLastOrder: 40, orders90d: 9, ticketsOpen: 2, avgCsat: 4.5, sessions30d: 12 })).toBeCloseTo(1 / (1 + Math.exp(-x)), 15);
    const noCsat = churnRiskOf({ daysSinceLastOrder: 100, orders90d: 0, ticketsOpen: 0, avgCsat: NaN, sessions30d: 0 });
    expect(noCsat).toBeCloseTo(1 / (1 + Math.exp(-(-1.5 + 1.5))), 15);
  });
  it.each([[0.3299, 'low'], [0.33, 'medium'], [0.6599, 'medium'], [0.66, 'high']] as const)('band of %f is %s', (r, band) =>
    expect(churnBandOf(r)).toBe(band));
});

const NOW = '2026-06-30T12:00:00Z';
const order = (id: number, ts: string, amount: string, status = 'delivered') => ({
  lsn: String(id), op: 'c', order_id: `O${String(id).padStart(8, '0')}`, source_system: 'web', source_customer_id: 'W0000001',
  order_ts: ts, status, channel: 'web', amount, currency: 'USD', updated_at: ts,
});

describe('customer_360 windows: now - N days < t <= now', () => {
  const run = runInline({
    customers: [customer('web', 'W0000001', { email: 'a@x.com', phone: '0532 111 22 33' })],
    orders: [
      order(1, '2026-04-01T12:00:00Z', '10.00'), // exactly 90 days before now: outside
      order(2, '2026-04-01T12:00:01Z', '20.05'), // one second inside
      order(3, NOW, '30.00'), // exactly now: inside
      order(4, '2026-06-01T00:00:00Z', '999.99', 'cancelled'), // not counted
    ],
    clickstream: [
      { event_id: 'E000000001', event_ts: '2026-05-31T12:00:00Z', ingest_ts: '2026-05-31T12:00:00Z', session_id: 'SES00000001', anonymous_id: 'ANON00000001', source_customer_id: 'W0000001', event_type: 'product_view', product_id: 'P00001', page: '/p' },
      { event_id: 'E000000002', event_ts: '2026-05-31T12:00:01Z', ingest_ts: '2026-05-31T12:00:01Z', session_id: 'SES00000002', anonymous_id: 'ANON00000001', source_customer_id: 'W0000001', event_type: 'product_view', product_id: 'P00001', page: '/p' },
      { event_id: 'E000000003', event_ts: '2026-06-30T11:00:00Z', ingest_ts: '2026-06-30T11:00:00Z', session_id: 'SES00000002', anonymous_id: 'ANON00000001', source_customer_id: 'W0000001', event_type: 'add_to_cart', product_id: 'P00001', page: '/p' },
    ],
    consent_events: [
      { event_id: 'CN00000002', source_system: 'web', source_customer_id: 'W0000001', purpose: 'email_marketing', status: 'withdrawn', event_ts: '2026-05-01T00:00:00Z', capture_point: 'unsubscribe_link' },
      { event_id: 'CN00000003', source_system: 'web', source_customer_id: 'W0000001', purpose: 'email_marketing', status: 'granted', event_ts: '2026-05-01T00:00:00Z', capture_point: 'preference_center' },
      { event_id: 'CN00000001', source_system: 'web', source_customer_id: 'W0000001', purpose: 'sms_marketing', status: 'granted', event_ts: '2026-01-01T00:00:00Z', capture_point: 'signup' },
      { event_id: 'CN00000004', source_system: 'web', source_customer_id: 'W0000001', purpose: 'sms_marketing', status: 'withdrawn', event_ts: '2026-02-01T00:00:00Z', capture_point: 'unsubscribe_link' },
    ],
  }, { now: NOW });
  const [c] = rowsOf(tableAt(run, 'gold/customer_360.csv'));

  it('counts orders and revenue in the right windows, exactly in cents', () => {
    expect(c.orders_count).toBe('3');
    expect(c.lifetime_revenue).toBe('60.05');
    expect(c.orders_90d).toBe('2');
    expect(c.revenue_90d).toBe('50.05');
    expect(c.avg_order_value).toBe('20.02'); // 60.05 / 3 = 20.0166…
    expect(c.first_order_at).toBe('2026-04-01T12:00:00Z');
    expect(c.last_order_at).toBe(NOW);
    expect(c.days_since_last_order).toBe('0');
    expect(c.segment).toBe('Loyal');
    expect(c.value_tier).toBe('low');
  });
  it('counts sessions and events in the 30-day window', () => {
    expect(c.sessions_30d).toBe('1'); // session 1's only event is exactly 30 days old
    expect(c.product_views_30d).toBe('1');
    expect(c.add_to_cart_30d).toBe('1');
    expect(c.last_seen_at).toBe('2026-06-30T11:00:00Z');
  });
  it('consent: latest event per purpose, ties on event_ts broken by event_id', () => {
    expect(c.consent_email_marketing).toBe('granted');
    expect(c.consent_sms_marketing).toBe('withdrawn');
    expect(c.consent_personalized_ads).toBe('unknown');
    expect(c.consent_updated_at).toBe('2026-05-01T00:00:00Z');
    expect([c.can_email, c.can_sms, c.can_target_ads]).toEqual(['true', 'false', 'false']);
  });
  it('activation audiences hold only consented people and only the allowed columns', () => {
    expect(rowsOf(tableAt(run, 'gold/activation_email.csv'))).toEqual([{ customer_key: c.customer_key, email: 'a@x.com' }]);
    expect(rowsOf(tableAt(run, 'gold/activation_sms.csv'))).toEqual([]);
    expect(rowsOf(tableAt(run, 'gold/activation_ads.csv'))).toEqual([]);
  });
  it('segment_summary has all seven segments; empty ones have empty averages and a 0.0000 share', () => {
    const seg = rowsOf(tableAt(run, 'gold/segment_summary.csv'));
    expect(seg.map((s) => s.segment)).toEqual(['Prospect', 'New', 'Champion', 'Loyal', 'Promising', 'At Risk', 'Hibernating']);
    const loyal = seg.find((s) => s.segment === 'Loyal')!;
    expect(loyal).toMatchObject({ customers: '1', share_of_customers: '1.0000', lifetime_revenue: '60.05', avg_lifetime_revenue: '60.05', avg_orders: '3.0000', can_email_rate: '1.0000' });
    const empty = seg.find((s) => s.segment === 'New')!;
    expect(empty).toMatchObject({ customers: '0', share_of_customers: '0.0000', lifetime_revenue: '0.00', avg_lifetime_revenue: '', avg_orders: '', can_email_rate: '', avg_churn_risk: '', tickets_open: '0' });
  });
});

describe('ads audience: sha256 of the normalised email, people without email left out', () => {
  it('hashes lower-case hex and leaves out consent without an email', () => {
    const consent = (id: string, n: number) => ({ event_id: `CN0000000${n}`, source_system: 'web', source_customer_id: id, purpose: 'personalized_ads', status: 'granted', event_ts: '2026-01-01T00:00:00Z', capture_point: 'signup' });
    const run = runInline({
      customers: [customer('web', 'W0000001', { email: ' Test@Example.com' }), customer('web', 'W0000002', { email: '' })],
      consent_events: [consent('W0000001', 1), consent('W0000002', 2)],
    });
    const ads = rowsOf(tableAt(run, 'gold/activation_ads.csv'));
    expect(ads).toHaveLength(1);
    // sha256("test@example.com")
    expect(ads[0].email_sha256).toBe('973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b');
    expect(Object.keys(ads[0])).toEqual(['customer_key', 'email_sha256']);
  });
});
