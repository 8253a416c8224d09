// Each incremental rule of the live engine on a few hand-made rows, in an arrival order the test
// chooses: what the person's accumulators and the counters hold after the stream.
import { describe, expect, it } from 'vitest';
import { resolveParams, type RunParamsInput } from '../../src/pipeline/params';
import { landAll, SOURCE_NAMES, type SourceName } from '../../src/pipeline/run';
import { parseIsoUtc } from '../../src/pipeline/time';
import { CHANGE_KINDS, LiveCustomer360, type ChangeKind } from '../../src/pipeline/stream/live-engine';
import { arrivalOrder, ArrivalOrder } from '../../src/pipeline/stream/arrival-order';
import { ingestedAtMs } from '../../src/pipeline/bronze/land-bronze';
import { inlineSources, NOW, type InlineSources } from '../helpers/inline-sources';

type Arrival = [SourceName, number];

/** The engine over inline rows; arrivals default to all customers, then each other source in file order. */
function stream(s: InlineSources, order?: Arrival[], params: RunParamsInput = {}, allowedLatenessMs = 3_600_000) {
  const sources = inlineSources(s);
  const p = resolveParams({ customers: 100, now: NOW, ...params });
  const nowMs = parseIsoUtc(NOW);
  const all: Arrival[] = order ?? SOURCE_NAMES.flatMap((name) => Array.from({ length: sources[name].rowCount }, (_, r): Arrival => [name, r]));
  const arrivals = ArrivalOrder.of(all.map(([name]) => SOURCE_NAMES.indexOf(name)), all.map(([, r]) => r), all.map(() => nowMs));
  const live = new LiveCustomer360(p, nowMs, sources, landAll(sources, nowMs), { allowedLatenessMs, arrivals });
  live.step(Infinity);
  const person = (system: string, id: string) => live.graph.comp[live.messages.slots.find(system, id)];
  const count = (kind: ChangeKind) => live.counts[CHANGE_KINDS.indexOf(kind)];
  return { live, person, count, acc: live.acc };
}

const customer = (system: string, id: string, extra: Record<string, string> = {}) => ({
  source_system: system, source_customer_id: id, first_name: 'A', last_name: 'B', country: 'DE',
  created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z', ...extra,
});
const order = (lsn: number, op: string, id: string, amount: string, extra: Record<string, string> = {}) => ({
  lsn: String(lsn), op, order_id: id, source_system: 'web', source_customer_id: 'W1', order_ts: '2026-06-01T00:00:00Z',
  status: 'placed', channel: 'web', amount, currency: 'USD', updated_at: '2026-06-01T00:00:00Z', ...extra,
});
const click = (id: string, ts: string, extra: Record<string, string> = {}) => ({
  event_id: id, event_ts: ts, ingest_ts: ts, session_id: 'SES00000001', anonymous_id: 'ANON00000001', event_type: 'product_view', page: '/p', ...extra,
});

describe('live rules: CDC', () => {
  const cases: { name: string; orders: Record<string, string>[]; count: number; revenueCents: number; ignored: number; repeated: number }[] = [
    {
      name: 'a u before its c: the higher lsn stays current, the older c is ignored and counted',
      orders: [order(2, 'u', 'O1', '20.00', { status: 'shipped' }), order(1, 'c', 'O1', '10.00')],
      count: 1, revenueCents: 2000, ignored: 1, repeated: 0,
    },
    {
      name: 'a repeated lsn: the later arrival is current, the repeat counted',
      orders: [order(5, 'c', 'O1', '10.00'), order(5, 'c', 'O1', '12.00')],
      count: 1, revenueCents: 1200, ignored: 0, repeated: 1,
    },
    {
      name: 'a delete then nothing: the order is gone',
      orders: [order(1, 'c', 'O1', '10.00'), order(2, 'd', 'O1', '')],
      count: 0, revenueCents: 0, ignored: 0, repeated: 0,
    },
    {
      name: 'an older change after a delete is ignored: the order stays gone',
      orders: [order(1, 'c', 'O1', '10.00'), order(3, 'd', 'O1', ''), order(2, 'u', 'O1', '15.00')],
      count: 0, revenueCents: 0, ignored: 1, repeated: 0,
    },
    {
      name: 'an update to a status that does not count takes the order out of the counts',
      orders: [order(1, 'c', 'O1', '10.00'), order(2, 'u', 'O1', '10.00', { status: 'cancelled' }), order(1, 'c', 'O2', '7.50')],
      count: 1, revenueCents: 750, ignored: 0, repeated: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { person, count, acc } = stream({ customers: [customer('web', 'W1')], orders: c.orders });
      const p = person('web', 'W1');
      expect(acc.ordersCount[p]).toBe(c.count);
      expect(acc.revenueCents[p]).toBe(c.revenueCents);
      expect(count('cdc_ignored')).toBe(c.ignored);
      expect(count('cdc_repeated')).toBe(c.repeated);
    });
  }

  it('an order arriving before its customer is folded in when the customer arrives', () => {
    const { person, acc } = stream({ customers: [customer('web', 'W1')], orders: [order(1, 'c', 'O1', '10.00')] }, [['orders', 0], ['customers', 0]]);
    expect(acc.ordersCount[person('web', 'W1')]).toBe(1);
  });
});

describe('live rules: identity', () => {
  it('a record linking two people merges them with their accumulators', () => {
    const { person, count, acc } = stream(
      {
        customers: [customer('web', 'W1', { email: 'a@x.com' }), customer('store', 'S1', { phone: '+4915112345678' }), customer('crm', 'C1', { email: 'a@x.com', phone: '+4915112345678' })],
        orders: [order(1, 'c', 'O1', '10.00'), order(2, 'c', 'O2', '5.00', { source_system: 'store', source_customer_id: 'S1', order_ts: '2026-05-01T00:00:00Z' })],
      },
      [['customers', 0], ['customers', 1], ['orders', 0], ['orders', 1], ['customers', 2]],
    );
    const p = person('web', 'W1');
    expect(person('store', 'S1')).toBe(p);
    expect(person('crm', 'C1')).toBe(p);
    expect(count('profiles_merged')).toBe(2);
    expect(acc.ordersCount[p]).toBe(2);
    expect(acc.revenueCents[p]).toBe(1500);
    expect(acc.firstOrderAt[p]).toBe(parseIsoUtc('2026-05-01T00:00:00Z'));
    expect(acc.lastOrderAt[p]).toBe(parseIsoUtc('2026-06-01T00:00:00Z'));
  });

  it('a value crossing the placeholder threshold mid-stream unlinks the people it linked', () => {
    const shared = { phone: '+4915100000000' };
    const { person, count, acc } = stream(
      {
        customers: [customer('web', 'W1', shared), customer('store', 'S1', shared), customer('crm', 'C1', shared)],
        orders: [order(1, 'c', 'O1', '10.00'), order(2, 'c', 'O2', '5.00', { source_system: 'store', source_customer_id: 'S1' })],
      },
      [['customers', 0], ['orders', 0], ['customers', 1], ['orders', 1], ['customers', 2]],
      { placeholderThreshold: 2 },
    );
    expect(count('profiles_merged')).toBe(1);
    expect(count('profile_split')).toBe(1);
    const people = new Set([person('web', 'W1'), person('store', 'S1'), person('crm', 'C1')]);
    expect(people.size).toBe(3);
    expect(acc.revenueCents[person('web', 'W1')]).toBe(1000);
    expect(acc.revenueCents[person('store', 'S1')]).toBe(500);
    expect(acc.ordersCount[person('crm', 'C1')]).toBe(0);
  });

  it('a placeholder dropping back under the threshold links its holders again', () => {
    const shared = { phone: '+4915100000000' };
    const { person, count, acc } = stream(
      {
        customers: [
          customer('web', 'W1', shared), customer('store', 'S1', shared), customer('crm', 'C1', shared),
          // C1's newer version no longer has the phone: two holders again, within the threshold.
          customer('crm', 'C1', { updated_at: '2025-02-01T00:00:00Z' }),
        ],
        orders: [order(1, 'c', 'O1', '10.00'), order(2, 'c', 'O2', '5.00', { source_system: 'store', source_customer_id: 'S1' })],
      },
      [['customers', 0], ['customers', 1], ['customers', 2], ['orders', 0], ['orders', 1], ['customers', 3]],
      { placeholderThreshold: 2 },
    );
    expect(count('profile_split')).toBe(1);
    expect(count('profiles_merged')).toBe(2); // W1 with S1, then again once the phone links
    expect(person('web', 'W1')).toBe(person('store', 'S1'));
    expect(person('crm', 'C1')).not.toBe(person('web', 'W1'));
    expect(acc.revenueCents[person('web', 'W1')]).toBe(1500);
    expect(acc.ordersCount[person('crm', 'C1')]).toBe(0);
  });

  it('a newer record version without the shared email splits the person', () => {
    const { person, count } = stream({
      customers: [customer('web', 'W1', { email: 'a@x.com' }), customer('store', 'S1', { email: 'a@x.com' }), customer('web', 'W1', { updated_at: '2025-02-01T00:00:00Z' })],
    });
    expect(count('profile_split')).toBe(1);
    expect(person('web', 'W1')).not.toBe(person('store', 'S1'));
  });

  it('an older record version arriving late changes nothing', () => {
    const { person, count } = stream({
      customers: [customer('web', 'W1', { email: 'a@x.com', updated_at: '2025-03-01T00:00:00Z' }), customer('store', 'S1', { email: 'a@x.com' }), customer('web', 'W1', { updated_at: '2025-02-01T00:00:00Z' })],
    });
    expect(count('record_superseded')).toBe(1);
    expect(person('web', 'W1')).toBe(person('store', 'S1'));
  });

  it("a ticket's email owner changes with a merge: its counts move to the merged person", () => {
    const ticket = { ticket_id: 'T1', email: 'A@X.com ', opened_at: '2026-06-01T00:00:00Z', status: 'open', priority: 'low', channel: 'email', topic: 'x', csat_score: '4' };
    const { person, acc } = stream(
      {
        customers: [customer('web', 'W1', { email: 'a@x.com' }), customer('store', 'S1', { email: 'a@x.com', phone: '+4915112345678' }), customer('crm', 'C1', { phone: '+4915112345678' })],
        support_tickets: [ticket],
      },
      [['customers', 2], ['customers', 0], ['support_tickets', 0], ['customers', 1]],
    );
    const p = person('web', 'W1');
    expect(person('crm', 'C1')).toBe(p);
    expect(acc.ticketsTotal[p]).toBe(1);
    expect(acc.ticketsOpen[p]).toBe(1);
    expect(acc.csatSum[p]).toBe(4);
  });
});

describe('live rules: clickstream', () => {
  it('a device logging in after anonymous clicks takes them all, earlier ones too', () => {
    const { person, count, acc } = stream({
      customers: [customer('web', 'W1')],
      clickstream: [
        click('E000000001', '2026-06-29T10:00:00Z'),
        click('E000000002', '2026-06-29T10:01:00Z', { event_type: 'add_to_cart' }),
        click('E000000003', '2026-06-29T10:02:00Z', { source_customer_id: 'W1', event_type: 'login' }),
      ],
    });
    const p = person('web', 'W1');
    expect(count('device_stitched')).toBe(1);
    expect(acc.productViews30d[p]).toBe(1);
    expect(acc.addToCart30d[p]).toBe(1);
    expect(acc.lastSeenAt[p]).toBe(parseIsoUtc('2026-06-29T10:02:00Z'));
  });

  it('a later login by another customer on the device moves its anonymous clicks to them', () => {
    const { person, acc } = stream({
      customers: [customer('web', 'W1'), customer('web', 'W2')],
      clickstream: [
        click('E000000001', '2026-06-29T10:00:00Z', { source_customer_id: 'W1', event_type: 'login' }),
        click('E000000002', '2026-06-29T10:05:00Z'),
        click('E000000003', '2026-06-29T11:00:00Z', { source_customer_id: 'W2', event_type: 'login' }),
      ],
    });
    expect(acc.productViews30d[person('web', 'W1')]).toBe(0);
    expect(acc.lastSeenAt[person('web', 'W1')]).toBe(parseIsoUtc('2026-06-29T10:00:00Z'));
    expect(acc.productViews30d[person('web', 'W2')]).toBe(1);
  });

  it('a repeated event id is a duplicate: counted once', () => {
    const { live, acc, person } = stream({
      customers: [customer('web', 'W1')],
      clickstream: [click('E000000001', '2026-06-29T10:00:00Z', { source_customer_id: 'W1' }), click('E000000001', '2026-06-29T10:00:00Z', { source_customer_id: 'W1' })],
    });
    expect(live.topics.clickstream.duplicates).toBe(1);
    expect(acc.productViews30d[person('web', 'W1')]).toBe(1);
  });

  it('an event later than the watermark is late and still applied to lifetime columns', () => {
    const { live, acc, person } = stream(
      {
        customers: [customer('web', 'W1')],
        clickstream: [
          click('E000000001', '2026-06-29T10:00:00Z', { source_customer_id: 'W1' }),
          click('E000000002', '2026-06-29T14:00:00Z', { source_customer_id: 'W1' }),
          click('E000000003', '2026-06-29T12:30:00Z', { source_customer_id: 'W1' }),
          click('E000000004', '2026-06-29T13:30:00Z', { source_customer_id: 'W1' }),
        ],
      },
      undefined,
      {},
      60 * 60 * 1000,
    );
    // Watermark after the 14:00 event: 13:00. 12:30 is late, 13:30 is not.
    expect(live.topics.clickstream.late).toBe(1);
    expect(acc.productViews30d[person('web', 'W1')]).toBe(4);
    expect(acc.lastSeenAt[person('web', 'W1')]).toBe(parseIsoUtc('2026-06-29T14:00:00Z'));
  });
});

describe('live rules: validation', () => {
  it('a bad row is quarantined with its reason and changes nothing', () => {
    const { live, acc, person } = stream({
      customers: [customer('web', 'W1')],
      orders: [order(1, 'c', 'O1', '10.00'), order(2, 'u', 'O1', 'ten', {}), order(3, 'u', 'O1', '11.00', { order_ts: '2027-01-01T00:00:00Z' })],
    });
    expect(live.topics.orders.quarantined).toBe(2);
    expect(Array.from(live.reasons.orders)).toEqual([0, 4, 5]);
    expect(acc.revenueCents[person('web', 'W1')]).toBe(1000);
  });
});

describe('arrival order and replay clock', () => {
  it('spreads each landing batch over the time since the previous one, ending at its landing time', () => {
    const t = [600_000, 600_000, 600_000, 600_000, 660_000, 660_000];
    const order = ArrivalOrder.of([1, 1, 2, 2, 1, 1], [0, 1, 0, 1, 2, 3], t);
    expect(t.map((_, k) => order.playbackAt(k))).toEqual([555_000, 570_000, 585_000, 600_000, 630_000, 660_000]);
  });

  it('merges the sources by landing time, ties in SOURCE_NAMES order, each file in its order', () => {
    // Row counts that give each source a different number of landings, one source empty.
    const counts = [25_000, 43_001, 9_999, 0, 10_000, 61_234];
    const raw = Object.fromEntries(SOURCE_NAMES.map((s, i) => [s, { rowCount: counts[i] }])) as never;
    const nowMs = parseIsoUtc(NOW);
    const order = arrivalOrder(raw, nowMs);
    const expected: [number, number, number][] = [];
    counts.forEach((n, s) => { for (let r = 0; r < n; r++) expected.push([ingestedAtMs(n, nowMs, r), s, r]); });
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(order.total).toBe(expected.length);
    const got = expected.map((_, k) => [order.arrivedAt(k), order.sourceOf(k), order.rowOf(k)]);
    expect(got).toEqual(expected);
    // Random access (the binary search) agrees with the sequential cursor.
    for (const k of [expected.length - 1, 0, 77_777, 12, 140_000]) expect([order.arrivedAt(k), order.sourceOf(k), order.rowOf(k)]).toEqual(expected[k]);
  });
});
