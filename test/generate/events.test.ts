// The event streams: CDC orders that move through their statuses in commit order, sessions that
// log in, tickets that follow orders, a narrowing campaign funnel, consent that differs by purpose;
// and the delivery problems (duplicates, out-of-order, late, orphans) counted exactly.
import { describe, expect, it } from 'vitest';
import { customerRecords, generated, NOW_MS, reader, reasonsOf } from './helpers';

const s = generated();
const records = customerRecords(s);
const ms = (text: string) => Date.parse(text);

function rowsOf(table: typeof s.orders, accepted: boolean): Record<string, string>[] {
  const names = table.schema.columns.map((c) => c.name);
  const read = names.map((n) => reader(table, n));
  const reasons = accepted ? reasonsOf(table.schema.name, table) : null;
  const out: Record<string, string>[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    if (reasons && reasons[r] !== null) continue;
    out.push(Object.fromEntries(names.map((n, i) => [n, read[i](r)])));
  }
  return out;
}

describe('orders (CDC)', () => {
  const changes = rowsOf(s.orders, true);
  const byOrder = new Map<string, Record<string, string>[]>();
  for (const c of changes) byOrder.set(c.order_id, [...(byOrder.get(c.order_id) ?? []), c]);
  const inLsnOrder = (cs: Record<string, string>[]) => [...cs].sort((a, b) => Number(a.lsn) - Number(b.lsn));

  it('commits changes in time order: lsn rises with updated_at, globally and per order', () => {
    const sorted = [...changes].sort((a, b) => Number(a.lsn) - Number(b.lsn));
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].updated_at >= sorted[i - 1].updated_at).toBe(true);
    for (const cs of byOrder.values()) {
      const distinct = inLsnOrder(cs).filter((c, i, all) => i === 0 || c.lsn !== all[i - 1].lsn);
      for (let i = 1; i < distinct.length; i++) expect(distinct[i].updated_at > distinct[i - 1].updated_at).toBe(true);
    }
  });

  it('moves each order placed → shipped → delivered (→ returned), or to cancelled (and maybe deleted)', () => {
    // On clean data: with issues on, a quarantined change leaves a gap in its order's history.
    const clean = new Map<string, Record<string, string>[]>();
    for (const c of rowsOf(generated({ issues: false }).orders, false)) clean.set(c.order_id, [...(clean.get(c.order_id) ?? []), c]);
    const allowed = new Set(['placed>shipped', 'shipped>delivered', 'placed>delivered', 'delivered>returned', 'placed>cancelled', 'cancelled>deleted']);
    const finals = new Set<string>();
    for (const [id, cs] of clean) {
      const steps = inLsnOrder(cs);
      expect(steps[0].op, id).toBe('c');
      expect(steps[0].status, id).toBe('placed');
      expect(steps[0].updated_at).toBe(steps[0].order_ts);
      finals.add(steps.at(-1)!.op === 'd' ? 'deleted' : steps.at(-1)!.status);
      for (let i = 1; i < steps.length; i++) {
        const to = steps[i].op === 'd' ? 'deleted' : steps[i].status;
        expect(allowed.has(`${steps[i - 1].status}>${to}`), `${id}: ${steps[i - 1].status} > ${to}`).toBe(true);
        if (steps[i].op !== 'd') expect(steps[i].order_ts).toBe(steps[0].order_ts);
        expect(steps[i].updated_at > steps[i - 1].updated_at).toBe(true);
      }
    }
    // Recent orders are still on their way.
    expect([...finals].sort()).toEqual(['cancelled', 'deleted', 'delivered', 'placed', 'returned', 'shipped']);
  });

  it('files changes almost in commit order', () => {
    const lsn = reader(s.orders, 'lsn');
    let inOrder = 0;
    for (let r = 1; r < s.orders.rowCount; r++) if (Number(lsn(r)) > Number(lsn(r - 1))) inOrder++;
    expect(inOrder / s.orders.rowCount).toBeGreaterThan(0.97);
  });

  it('counts duplicated and out-of-order changes from the file order', () => {
    const seen = new Set<string>();
    const maxLsn = new Map<string, number>();
    let duplicates = 0;
    let late = 0;
    for (const c of changes) {
      const key = `${c.order_id}:${c.lsn}`;
      if (seen.has(key)) duplicates++;
      seen.add(key);
      const lsn = Number(c.lsn);
      if (lsn < (maxLsn.get(c.order_id) ?? -1)) late++;
      else maxLsn.set(c.order_id, lsn);
    }
    expect(duplicates).toBe(s.injected.duplicate_cdc_changes);
    expect(late).toBe(s.injected.out_of_order_cdc);
    expect(duplicates).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
  });

  it('counts the orphans: current, undeleted orders of customers not in customers.csv', () => {
    let orphans = 0;
    for (const cs of byOrder.values()) {
      const current = inLsnOrder(cs).at(-1)!;
      if (current.op === 'd') continue;
      if (!records.has(`${current.source_system}:${current.source_customer_id}`)) orphans++;
    }
    expect(orphans).toBe(s.injected.orphan_orders);
    expect(orphans).toBeGreaterThan(0);
  });

  it('books web and app orders on web records and store orders on store records, mostly', () => {
    const creates = changes.filter((c) => c.op === 'c');
    const matching = creates.filter((c) => c.source_system === (c.channel === 'store' ? 'store' : 'web')).length;
    expect(matching / creates.length).toBeGreaterThan(0.7);
  });

  it('has a skewed spend: many small customers, some spending $1000 or more, recent buyers', () => {
    const perCustomer = new Map<string, { n: number; cents: number; last: number }>();
    for (const cs of byOrder.values()) {
      const current = inLsnOrder(cs).at(-1)!;
      if (current.op === 'd' || !['placed', 'shipped', 'delivered'].includes(current.status)) continue;
      const e = perCustomer.get(current.source_customer_id) ?? { n: 0, cents: 0, last: 0 };
      e.n++;
      e.cents += Math.round(Number(current.amount) * 100);
      e.last = Math.max(e.last, ms(current.order_ts));
      perCustomer.set(current.source_customer_id, e);
    }
    const values = [...perCustomer.values()];
    expect(values.filter((e) => e.cents >= 100_000).length).toBeGreaterThan(5);
    expect(values.filter((e) => e.n === 1).length).toBeGreaterThan(values.filter((e) => e.n >= 5).length);
    expect(values.filter((e) => NOW_MS - e.last <= 30 * 86_400_000).length).toBeGreaterThan(values.length * 0.08);
  });
});

describe('clickstream', () => {
  const clicks = rowsOf(s.clickstream, true);

  it('files events by ingest time, ties by event id', () => {
    const ingest = reader(s.clickstream, 'ingest_ts');
    const id = reader(s.clickstream, 'event_id');
    const wrong: number[] = [];
    for (let r = 1; r < s.clickstream.rowCount; r++) {
      if (s.clickstream.flagged?.[r] || s.clickstream.flagged?.[r - 1]) continue;
      const a = ingest(r - 1), b = ingest(r);
      if (a > b || (a === b && id(r - 1) > id(r))) wrong.push(r);
    }
    expect(wrong).toEqual([]);
  });

  it('carries the web id from the login on, and only then, within each session', () => {
    // Sessions with a quarantined event (perhaps the login itself) are left out.
    const session = reader(s.clickstream, 'session_id');
    const broken = new Set<string>();
    for (let r = 0; r < s.clickstream.rowCount; r++) if (s.clickstream.flagged?.[r]) broken.add(session(r));
    const sessions = new Map<string, Record<string, string>[]>();
    const first = new Set<string>();
    for (const c of clicks) {
      if (first.has(c.event_id) || broken.has(c.session_id)) continue;
      first.add(c.event_id);
      sessions.set(c.session_id, [...(sessions.get(c.session_id) ?? []), c]);
    }
    let loggedIn = 0;
    for (const events of sessions.values()) {
      events.sort((a, b) => (a.event_ts === b.event_ts ? (a.event_id < b.event_id ? -1 : 1) : a.event_ts < b.event_ts ? -1 : 1));
      let id = '';
      for (const e of events) {
        if (e.event_type === 'login') id = e.source_customer_id;
        expect(e.source_customer_id).toBe(id);
      }
      if (id) loggedIn++;
      expect(new Set(events.map((e) => e.anonymous_id)).size).toBe(1);
    }
    expect(loggedIn).toBeGreaterThan(sessions.size * 0.3);
  });

  it('logs in with web ids only, and has devices that never log in (~15% of events)', () => {
    const webIds = new Set([...records.values()].filter((r) => r.source_system === 'web').map((r) => r.source_customer_id));
    const loggedDevices = new Set<string>();
    for (const c of clicks) {
      if (c.source_customer_id === '') continue;
      expect(webIds.has(c.source_customer_id)).toBe(true);
      loggedDevices.add(c.anonymous_id);
    }
    const anonymous = clicks.filter((c) => !loggedDevices.has(c.anonymous_id)).length / clicks.length;
    expect(anonymous).toBeGreaterThan(0.08);
    expect(anonymous).toBeLessThan(0.25);
  });

  it('has a few devices shared by two customers (a family laptop)', () => {
    const ids = new Map<string, Set<string>>();
    for (const c of clicks) if (c.source_customer_id) ids.set(c.anonymous_id, (ids.get(c.anonymous_id) ?? new Set()).add(c.source_customer_id));
    const shared = [...ids.values()].filter((x) => x.size > 1).length;
    expect(shared).toBeGreaterThan(0);
    expect(shared).toBeLessThan(ids.size * 0.02);
  });

  it('counts redeliveries and late first arrivals exactly', () => {
    const seen = new Set<string>();
    let duplicates = 0;
    let late = 0;
    for (const c of clicks) {
      if (seen.has(c.event_id)) {
        duplicates++;
        continue;
      }
      seen.add(c.event_id);
      if (ms(c.ingest_ts) - ms(c.event_ts) > 3_600_000) late++;
      expect(ms(c.ingest_ts)).toBeGreaterThanOrEqual(ms(c.event_ts));
    }
    expect(duplicates).toBe(s.injected.duplicate_click_events);
    expect(late).toBe(s.injected.late_click_events);
    expect(duplicates).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
  });

  it('averages about ten events per person', () => {
    expect(s.clickstream.rowCount / 1500).toBeGreaterThan(6);
    expect(s.clickstream.rowCount / 1500).toBeLessThan(15);
  });
});

describe('support tickets', () => {
  const tickets = rowsOf(s.support_tickets, true);

  it('closes only solved and closed tickets, after opening and before now; rates ~60% of them', () => {
    let closed = 0;
    let rated = 0;
    for (const t of tickets) {
      const done = t.status === 'solved' || t.status === 'closed';
      expect(t.closed_at !== '', t.ticket_id).toBe(done);
      if (!done) {
        expect(t.csat_score).toBe('');
        continue;
      }
      closed++;
      expect(t.closed_at >= t.opened_at).toBe(true);
      if (t.csat_score !== '') rated++;
    }
    expect(rated / closed).toBeGreaterThan(0.5);
    expect(rated / closed).toBeLessThan(0.7);
  });

  it('keeps recent tickets open more often than old ones', () => {
    const openShare = (from: number, to: number) => {
      const group = tickets.filter((t) => NOW_MS - ms(t.opened_at) >= from && NOW_MS - ms(t.opened_at) < to);
      return group.filter((t) => t.status === 'open' || t.status === 'pending').length / group.length;
    };
    expect(openShare(0, 7 * 86_400_000)).toBeGreaterThan(openShare(60 * 86_400_000, Infinity) + 0.2);
  });

  it('comes partly from contacts the shop has no record of', () => {
    const known = new Set([...records.values()].map((r) => r.email.trim().toLowerCase()));
    const unknown = tickets.filter((t) => t.email !== '' && !known.has(t.email.trim().toLowerCase())).length;
    expect(unknown / tickets.length).toBeGreaterThan(0.03);
    expect(unknown / tickets.length).toBeLessThan(0.3);
  });

  it('is filed by opening time with ids in that order', () => {
    for (let i = 1; i < tickets.length; i++) {
      expect(tickets[i].opened_at >= tickets[i - 1].opened_at).toBe(true);
      expect(tickets[i].ticket_id > tickets[i - 1].ticket_id).toBe(true);
    }
  });
});

describe('campaign events', () => {
  const events = rowsOf(s.campaign_events, true);
  const count = (type: string) => events.filter((e) => e.event_type === type).length;

  it('narrows the funnel: sent > delivered > opened > clicked > converted', () => {
    expect(count('sent')).toBeGreaterThan(count('delivered'));
    expect(count('delivered')).toBeGreaterThan(count('opened'));
    expect(count('opened')).toBeGreaterThan(count('clicked'));
    expect(count('clicked')).toBeGreaterThan(count('converted'));
    expect(count('converted')).toBeGreaterThan(0);
    expect(count('unsubscribed')).toBeGreaterThan(0);
  });

  it('opens only emails, and reaches only CRM records', () => {
    for (const e of events) {
      if (e.event_type === 'opened') expect(e.channel).toBe('email');
      expect(records.get(`crm:${e.source_customer_id}`), e.source_customer_id).toBeDefined();
    }
  });

  it('runs 10-15 named campaigns over the last 18 months, one channel each', () => {
    const campaigns = new Map<string, Set<string>>();
    for (const e of events) campaigns.set(`${e.campaign_id} ${e.campaign_name}`, (campaigns.get(`${e.campaign_id} ${e.campaign_name}`) ?? new Set()).add(e.channel));
    expect(campaigns.size).toBeGreaterThanOrEqual(10);
    expect(campaigns.size).toBeLessThanOrEqual(15);
    for (const channels of campaigns.values()) expect(channels.size).toBe(1);
    expect([...campaigns.keys()].some((k) => k.includes('Black Friday 2025'))).toBe(true);
    expect(events.every((e) => NOW_MS - ms(e.event_ts) < 560 * 86_400_000)).toBe(true);
  });

  it('withdraws consent in the ledger for every unsubscribe', () => {
    const withdrawals = new Set(
      rowsOf(s.consent_events, true).filter((c) => c.capture_point === 'unsubscribe_link' && c.source_system === 'crm').map((c) => `${c.source_customer_id} ${c.event_ts}`),
    );
    for (const e of events.filter((x) => x.event_type === 'unsubscribed')) expect(withdrawals.has(`${e.source_customer_id} ${e.event_ts}`)).toBe(true);
  });
});

describe('consent events', () => {
  const consent = rowsOf(s.consent_events, true);

  it('grants at sign-up at rates that differ by purpose: email most, SMS least', () => {
    const rate = (purpose: string) => {
      const signups = consent.filter((c) => c.capture_point === 'signup' && c.purpose === purpose);
      return signups.filter((c) => c.status === 'granted').length / signups.length;
    };
    expect(rate('email_marketing')).toBeGreaterThan(0.55);
    expect(rate('sms_marketing')).toBeLessThan(0.45);
    expect(rate('email_marketing')).toBeGreaterThan(rate('personalized_ads') + 0.1);
    expect(rate('personalized_ads')).toBeGreaterThan(rate('sms_marketing') + 0.03);
  });

  it('records sign-up decisions when the record was created, and later changes of mind', () => {
    for (const c of consent.filter((x) => x.capture_point === 'signup')) {
      expect(c.event_ts).toBe(records.get(`${c.source_system}:${c.source_customer_id}`)?.created_at);
    }
    const points = new Set(consent.map((c) => c.capture_point));
    expect([...points].sort()).toEqual(['checkout', 'preference_center', 'signup', 'support', 'unsubscribe_link']);
  });

  it('is filed by event time with ids in that order', () => {
    for (let i = 1; i < consent.length; i++) expect(consent[i].event_ts >= consent[i - 1].event_ts).toBe(true);
  });
});
