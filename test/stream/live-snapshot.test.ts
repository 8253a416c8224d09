// The live view's snapshot of the stream: counters, offsets and lag, the latest changes, segment
// sizes over the people that exist now, and one followed profile, against the engine and the batch.
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/pipeline/params';
import { runPipeline, SOURCE_NAMES } from '../../src/pipeline/run';
import { SEGMENTS } from '../../src/pipeline/schema/gold';
import { CONSENT_PURPOSES } from '../../src/pipeline/schema/enums';
import { codeColumn, numberColumn, textColumn } from '../../src/pipeline/table';
import { CHANGE_KINDS, LiveCustomer360 } from '../../src/pipeline/stream/live-engine';
import { liveSnapshot, SNAPSHOT_TICKER } from '../../src/pipeline/stream/live-snapshot';

const params = resolveParams({ seed: 21, customers: 300 });
const batch = runPipeline(params);
const engine = () => new LiveCustomer360(params, batch.nowMs, batch.sources, batch.bronze);

describe('live snapshot', () => {
  it('starts empty: every topic at offset 0 with its whole length as lag', () => {
    const s = liveSnapshot(engine());
    expect(s.position).toBe(0);
    expect(s.clockMs).toBeNull();
    expect(s.topics.map((t) => t.topic)).toEqual([...SOURCE_NAMES]);
    for (const t of s.topics) {
      expect(t.offset).toBe(0);
      expect(t.lag).toBe(batch.sources[t.topic].rowCount);
      expect(t.latestEventMs).toBeNull();
      expect(t.watermarkMs).toBeNull();
    }
    expect(s.people).toBe(0);
    expect(s.ticker).toEqual([]);
    expect(s.segments.map((x) => x.customers)).toEqual(SEGMENTS.map(() => 0));
  });

  it.each([1, 7, 500, 3000])('after step(%i): counts, offsets and lag match the engine', (n) => {
    const live = engine();
    live.step(n);
    const s = liveSnapshot(live);
    expect(s.position).toBe(n);
    expect(s.clockMs).toBe(live.playbackAt(n - 1));
    expect(s.clockMs).toBeLessThanOrEqual(live.arrivals.arrivedAt(n - 1));
    CHANGE_KINDS.forEach((k, i) => expect(s.counts[k], k).toBe(live.counts[i]));
    let offsets = 0;
    for (const t of s.topics) {
      const state = live.topics[t.topic];
      expect(t.offset).toBe(state.consumed);
      expect(t.lag).toBe(t.end - t.offset);
      expect(t.quarantined).toBe(state.quarantined);
      expect(t.duplicates).toBe(state.duplicates);
      expect(t.late).toBe(state.late);
      if (t.latestEventMs !== null) expect(t.watermarkMs).toBe(t.latestEventMs - live.options.allowedLatenessMs);
      offsets += t.offset;
    }
    expect(offsets).toBe(n);
    expect(s.ticker.length).toBe(Math.min(SNAPSHOT_TICKER, live.tickerCount));
    // Latest first, and each arrival's topic is the one it arrived on.
    for (let i = 1; i < s.ticker.length; i++) expect(s.ticker[i - 1].arrival).toBeGreaterThanOrEqual(s.ticker[i].arrival);
    for (const e of s.ticker) expect(e.topic).toBe(SOURCE_NAMES[live.arrivals.sourceOf(e.arrival)]);
    expect(s.segments.reduce((a, x) => a + x.customers, 0)).toBe(s.people);
  });

  it('one step moves exactly one topic offset by one', () => {
    const live = engine();
    live.step(40);
    const before = liveSnapshot(live);
    live.step(1);
    const after = liveSnapshot(live);
    const moved = after.topics.map((t, i) => t.offset - before.topics[i].offset);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(1);
    expect(moved[live.arrivals.sourceOf(40)]).toBe(1);
  });

  it('at the end, segment counts equal the batch segment_summary and the people its profiles', () => {
    const live = engine();
    live.step(Infinity);
    const s = liveSnapshot(live);
    expect(s.done).toBe(true);
    expect(s.topics.every((t) => t.lag === 0)).toBe(true);
    const summary = batch.gold.segmentSummary;
    const seg = codeColumn(summary, 'segment');
    const customers = numberColumn(summary, 'customers');
    const expected = Object.fromEntries(Array.from({ length: summary.rowCount }, (_, i) => [seg.dict[seg.codes[i]], customers[i]]));
    expect(Object.fromEntries(s.segments.map((x) => [x.segment, x.customers]))).toEqual(expected);
    expect(s.people).toBe(batch.gold.customer360.table.rowCount);
    // Every ticker key names a person of the batch.
    const keys = new Set(textColumn(batch.gold.customer360.table, 'customer_key'));
    for (const e of s.ticker) if (e.customerKey !== null) expect(keys.has(e.customerKey)).toBe(true);
  });

  it('follows a record: its profile at the end agrees with the batch customer_360 row', () => {
    const live = engine();
    live.step(Infinity);
    const c360 = batch.gold.customer360.table;
    const orders = numberColumn(c360, 'orders_count');
    // The person with the most orders and more than one record, for a profile with something in it.
    const ids = batch.silver.identities;
    let p = 0;
    for (let q = 0; q < c360.rowCount; q++) {
      const size = (x: number) => ids.membersStart[x + 1] - ids.membersStart[x];
      if (size(q) > 1 && (size(p) < 2 || orders[q] > orders[p])) p = q;
    }
    const member = ids.members[ids.membersStart[p]];
    const slot = live.messages.slots.find(batch.silver.records.system[member], batch.silver.records.id[member]);
    const { profile } = liveSnapshot(live, { followRecord: slot, customers: batch.sources.customers });
    expect(profile).not.toBeNull();
    const row = (name: string) => {
      const col = c360.schema.columns.findIndex((c) => c.name === name);
      const column = c360.columns[col];
      return column.kind === 'number' ? column.values[p] : column.kind === 'code' ? column.dict[column.codes[p]] : column.kind === 'text' ? column.values[p] : undefined;
    };
    expect(profile!.exists).toBe(true);
    expect(profile!.customerKey).toBe(ids.keys[p]);
    expect(profile!.members).toBe(row('source_record_count'));
    expect(profile!.ordersCount).toBe(row('orders_count'));
    expect(profile!.lifetimeRevenueCents).toBe(row('lifetime_revenue'));
    expect(profile!.segment).toBe(row('segment'));
    expect(profile!.ticketsOpen).toBe(row('tickets_open'));
    expect(profile!.windowsAsOfMs).toBe(batch.nowMs);
    expect(profile!.windows.sessions30d).toBe(row('sessions_30d'));
    expect(profile!.windows.orders90d).toBe(row('orders_90d'));
    expect(profile!.windows.revenue90dCents).toBe(row('revenue_90d'));
    expect(profile!.windows.productViews30d).toBe(row('product_views_30d'));
    for (const purpose of CONSENT_PURPOSES) expect(profile!.consent[purpose], purpose).toBe(row(`consent_${purpose}`));
    expect(profile!.fullName).toBeTruthy();
  });

  it('a record that has not arrived yet is followed as not existing', () => {
    const live = engine();
    const { profile } = liveSnapshot(live, { followRecord: 0, customers: batch.sources.customers });
    expect(profile!.exists).toBe(false);
    expect(profile!.customerKey).toBeNull();
  });
});
