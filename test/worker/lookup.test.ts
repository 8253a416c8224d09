// The lookup normalises what a person types by the contract's rules and finds exactly one profile.
import { describe, expect, it } from 'vitest';
import { lookupIndex } from '../../src/worker/lookup';
import { customer, runInline } from '../helpers/inline-sources';

const run = runInline({
  customers: [
    customer('web', 'W0000001', { email: 'ayse.yilmaz@gmail.com', phone: '0532 111 22 33', loyalty_id: 'LOY00000042' }),
    customer('crm', 'C0000001', { email: ' Ayse.Yilmaz@Gmail.com' }),
    customer('store', 'S0000001', { first_name: 'Hans', country: 'DE', phone: '030 1234567' }),
    customer('web', 'W0000002', { first_name: 'Ali', phone: '+90 533 000 00 01' }),
    customer('web', 'W0000003', { first_name: 'Veli', phone: '0533 000 00 01' }),
  ],
  clickstream: [
    { event_id: 'E000000001', event_ts: '2026-06-01T10:00:00Z', ingest_ts: '2026-06-01T10:00:00Z', session_id: 'SES00000001', anonymous_id: 'ANON00000007', source_customer_id: '', event_type: 'page_view', product_id: '', page: '/' },
    { event_id: 'E000000002', event_ts: '2026-06-01T10:01:00Z', ingest_ts: '2026-06-01T10:01:00Z', session_id: 'SES00000001', anonymous_id: 'ANON00000007', source_customer_id: 'W0000001', event_type: 'login', product_id: '', page: '/login' },
    { event_id: 'E000000003', event_ts: '2026-06-01T10:01:00Z', ingest_ts: '2026-06-01T10:01:00Z', session_id: 'SES00000002', anonymous_id: 'ANON00000008', source_customer_id: '', event_type: 'page_view', product_id: '', page: '/' },
  ],
});
const index = lookupIndex(run);
const keyOf = (system: string, id: string) => {
  const i = run.silver.records.id.findIndex((x, k) => x === id && run.silver.records.system[k] === system);
  return run.silver.identities.keys[run.silver.identities.personOf[i]];
};

describe('identifier lookup', () => {
  const ayse = () => keyOf('web', 'W0000001');
  const cases: { name: string; input: string; kind: string; normalized: string; who: (() => string) | null }[] = [
    { name: 'email in other case with spaces', input: '  AYSE.Yilmaz@GMAIL.com ', kind: 'email', normalized: 'ayse.yilmaz@gmail.com', who: ayse },
    { name: 'TR phone, national with dashes', input: '0532-111-22-33', kind: 'phone', normalized: '+905321112233', who: ayse },
    { name: 'TR phone, international with brackets', input: '+90 (532) 111 22 33', kind: 'phone', normalized: '+905321112233', who: ayse },
    { name: 'TR phone with 00', input: '0090 532 111 22 33', kind: 'phone', normalized: '+905321112233', who: ayse },
    { name: 'DE phone, national', input: '030 123 4567', kind: 'phone', normalized: '+49301234567', who: () => keyOf('store', 'S0000001') },
    { name: 'loyalty id in lower case', input: 'loy00000042', kind: 'loyalty', normalized: 'LOY00000042', who: ayse },
    { name: 'source id', input: 'c0000001', kind: 'source_id', normalized: 'C0000001', who: ayse },
    { name: 'device stitched to its login', input: 'anon00000007', kind: 'anonymous_id', normalized: 'ANON00000007', who: ayse },
    { name: 'device that never logged in', input: 'ANON00000008', kind: 'anonymous_id', normalized: 'ANON00000008', who: null },
    { name: 'a household phone finds the one (falsely merged) profile', input: '0533 000 00 01', kind: 'phone', normalized: '+905330000001', who: () => keyOf('web', 'W0000003') },
    { name: 'unknown email', input: 'nobody@example.com', kind: 'email', normalized: 'nobody@example.com', who: null },
    { name: 'not an email', input: 'ayse@gmail', kind: 'email', normalized: '', who: null },
    { name: 'not an identifier', input: 'hello there', kind: 'unknown', normalized: '', who: null },
  ];
  it.each(cases)('$name', ({ input, kind, normalized, who }) => {
    const r = index.lookup(input);
    expect(r.kind).toBe(kind);
    expect(r.normalized).toBe(normalized);
    expect(r.customerKey).toBe(who ? who() : null);
    expect(r.message.length).toBeGreaterThan(0);
  });
  it('a value held by several profiles identifies no one', () => {
    const shared = runInline({
      customers: [customer('web', 'W0000001', { email: 'team@shop.com' }), customer('web', 'W0000002', { email: 'team@shop.com' })],
    }, { link: 'phone' });
    const r = lookupIndex(shared).lookup('team@shop.com');
    expect(r.customerKey).toBeNull();
    expect(r.message).toMatch(/belongs to 2 profiles/);
  });
  it('finds a profile by its own key', () => {
    expect(index.lookup(ayse().toUpperCase().replace('C360_', 'c360_')).customerKey).toBe(ayse());
  });
});
