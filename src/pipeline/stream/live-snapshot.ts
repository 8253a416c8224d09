// What a live view shows of the stream at one moment: offsets, lag and watermarks per topic, the
// change counters, the latest changes, segment sizes over the people that exist now, and one
// followed profile. A plain serialisable object, made only when asked: O(people) for the segments,
// a few member lists for the keys, nothing per event.
import type { Table } from '../table';
import { SOURCE_NAMES, type SourceName } from '../run';
import { CONSENT_PURPOSES } from '../schema/enums';
import { SEGMENTS } from '../schema/gold';
import { customerKeyOf } from '../silver/resolve-identities';
import { textsAt } from '../silver/customer-records';
import { recencyDays, segmentCode } from '../gold/rules';
import { FRESHNESS_POLICIES, freshnessHours, freshnessStatus } from '../quality/freshness';
import type { CheckStatus } from '../schema/reports';
import { CHANGE_KINDS, TICKER_SIZE, type ChangeKind, type LiveCustomer360, type LiveWindows } from './live-engine';

/** Latest changes a snapshot carries. */
export const SNAPSHOT_TICKER = 20;

export interface TopicSnapshot {
  readonly topic: SourceName;
  /** Next offset to read (rows consumed). */
  readonly offset: number;
  /** End of the topic (its rows). */
  readonly end: number;
  readonly lag: number;
  readonly quarantined: number;
  readonly duplicates: number;
  readonly late: number;
  /** Latest event time seen on the topic, ms; null before any. */
  readonly latestEventMs: number | null;
  /** latestEventMs minus the allowed lateness: events older than this are late. Null for the customers snapshot (no event time). */
  readonly watermarkMs: number | null;
  /** Hours from the topic's latest valid time to the clock, and the quality report's status for it. */
  readonly freshnessHours: number | null;
  readonly freshness: CheckStatus;
  readonly warnAfterHours: number;
  readonly errorAfterHours: number;
}

export interface TickerEntry {
  /** The change's number in the stream's run of changes (unique; one arrival can make several). */
  readonly seq: number;
  /** Arrival index (0-based position in the stream). */
  readonly arrival: number;
  readonly topic: SourceName;
  readonly kind: ChangeKind;
  /** The person's customer_key now, null when the change had no person (or it is gone). */
  readonly customerKey: string | null;
  /** `system:id` of one of that person's records, to follow it. */
  readonly record: string | null;
}

export type ConsentState = 'granted' | 'withdrawn' | 'unknown';

export interface LiveProfile {
  /** The followed record, `system:id`. */
  readonly record: string;
  /** False until the record's first accepted row has arrived. */
  readonly exists: boolean;
  readonly customerKey: string | null;
  readonly fullName: string | null;
  readonly email: string | null;
  readonly country: string | null;
  readonly members: number;
  readonly ordersCount: number;
  /** Lifetime revenue in cents. */
  readonly lifetimeRevenueCents: number;
  readonly lastOrderMs: number | null;
  readonly segment: string | null;
  readonly consent: Readonly<Record<string, ConsentState>>;
  readonly ticketsOpen: number;
  /** The 30d and 90d columns with their windows ending at the snapshot's clock (the replay clock). */
  readonly windows: LiveWindows;
  readonly windowsAsOfMs: number | null;
}

export interface LiveSnapshot {
  readonly position: number;
  readonly total: number;
  readonly done: boolean;
  /** Replay clock (playbackAt) of the last applied arrival, ms; null before the first. */
  readonly clockMs: number | null;
  /** Replay clock of the next arrival, ms; null at the end. */
  readonly nextArrivalMs: number | null;
  readonly allowedLatenessMs: number;
  readonly topics: readonly TopicSnapshot[];
  /** Changes so far per kind (every CHANGE_KINDS entry). */
  readonly counts: Readonly<Record<ChangeKind, number>>;
  /** Latest first. */
  readonly ticker: readonly TickerEntry[];
  /** People that exist now, per segment (SEGMENTS order). */
  readonly segments: readonly { readonly segment: string; readonly customers: number }[];
  readonly people: number;
  readonly profile: LiveProfile | null;
}

export interface SnapshotOptions {
  /** Record slot to follow (messages.slots). */
  readonly followRecord?: number;
  /** The raw customers table, for the followed profile's name, email and country. */
  readonly customers?: Table;
  /** The clock freshness is measured to (a replay's simulated clock); default the last arrival's. */
  readonly clockMs?: number;
}

const finite = (t: number): number | null => (Number.isNaN(t) ? null : t);

/** The record's `system:id`. */
export function recordLabel(live: LiveCustomer360, slot: number): string {
  return `${live.messages.slots.system[slot]}:${live.messages.slots.id[slot]}`;
}

/** customer_key of a live person (component id): its members' `system:id` in (system, id) order. */
export function liveCustomerKey(live: LiveCustomer360, comp: number): string | null {
  if (comp < 0 || comp >= live.graph.components || live.graph.size(comp) === 0) return null;
  const { system, id } = live.messages.slots;
  const sorted = live.graph.membersOf(comp).sort((a, b) => (system[a] < system[b] ? -1 : system[a] > system[b] ? 1 : id[a] < id[b] ? -1 : id[a] > id[b] ? 1 : 0));
  return customerKeyOf(sorted.map((m) => `${system[m]}:${id[m]}`));
}

function topicSnapshots(live: LiveCustomer360, clockMs: number): TopicSnapshot[] {
  const lateness = live.options.allowedLatenessMs;
  return SOURCE_NAMES.map((topic) => {
    const t = live.topics[topic];
    const latest = finite(t.maxEventTime);
    const policy = FRESHNESS_POLICIES.find((f) => f.source === topic)!;
    const hours = freshnessHours(t.latestAccepted, clockMs);
    return {
      topic, offset: t.consumed, end: t.end, lag: t.end - t.consumed,
      quarantined: t.quarantined, duplicates: t.duplicates, late: t.late,
      latestEventMs: latest, watermarkMs: latest === null ? null : latest - lateness,
      freshnessHours: Number.isNaN(hours) ? null : hours, freshness: freshnessStatus(hours, policy),
      warnAfterHours: policy.warnAfterHours, errorAfterHours: policy.errorAfterHours,
    };
  });
}

function tickerEntries(live: LiveCustomer360): TickerEntry[] {
  const out: TickerEntry[] = [];
  const n = Math.min(live.tickerCount, SNAPSHOT_TICKER, TICKER_SIZE);
  for (let i = live.tickerCount - 1; i >= live.tickerCount - n; i--) {
    const at = i & (TICKER_SIZE - 1);
    const arrival = live.tickerArrival[at], person = live.tickerPerson[at];
    const key = person >= 0 ? liveCustomerKey(live, person) : null;
    out.push({
      seq: i,
      arrival,
      topic: SOURCE_NAMES[live.arrivals.sourceOf(arrival)],
      kind: CHANGE_KINDS[live.tickerKind[at]],
      customerKey: key,
      record: key === null ? null : recordLabel(live, live.graph.firstMember(person)),
    });
  }
  return out;
}

/** recency = whole days from the last order to the clock; NaN without orders (as gold derives it at now). */
function segmentOfPerson(live: LiveCustomer360, p: number, clockMs: number): number {
  const f = live.acc.ordersCount[p];
  return segmentCode(f, recencyDays(f, live.acc.lastOrderAt[p], clockMs));
}

function segmentCounts(live: LiveCustomer360, clockMs: number): { counts: number[]; people: number } {
  const counts = new Array<number>(SEGMENTS.length).fill(0);
  let people = 0;
  for (let c = 0; c < live.graph.components; c++) {
    if (live.graph.size(c) === 0) continue;
    people++;
    counts[segmentOfPerson(live, c, clockMs)]++;
  }
  return { counts, people };
}

const NO_WINDOWS: LiveWindows = { orders90d: 0, revenue90dCents: 0, productViews30d: 0, addToCart30d: 0, sessions30d: 0, campaignSent90d: 0, campaignOpened90d: 0, campaignClicked90d: 0 };

function profileOf(live: LiveCustomer360, slot: number, customers: Table | undefined, clockMs: number): LiveProfile {
  const record = recordLabel(live, slot);
  const p = live.personOf(slot);
  const unknown = Object.fromEntries(CONSENT_PURPOSES.map((purpose) => [purpose, 'unknown' as ConsentState]));
  if (p < 0 || live.customerRowOf(slot) < 0) {
    return {
      record, exists: false, customerKey: null, fullName: null, email: null, country: null, members: 0,
      ordersCount: 0, lifetimeRevenueCents: 0, lastOrderMs: null, segment: null, consent: unknown, ticketsOpen: 0,
      windows: NO_WINDOWS, windowsAsOfMs: finite(clockMs),
    };
  }
  // Simple survivorship for the card: the member record updated last (the files use the contract's rules).
  const members = live.graph.membersOf(p);
  const updatedAt = live.messages.customers.updatedAt;
  let best = -1, bestRow = -1, bestAt = -Infinity;
  for (const m of members) {
    const row = live.customerRowOf(m);
    if (row < 0) continue;
    const at = Number.isNaN(updatedAt[row]) ? -Infinity : updatedAt[row];
    if (best < 0 || at > bestAt) {
      best = m;
      bestRow = row;
      bestAt = at;
    }
  }
  let fullName: string | null = null, country: string | null = null;
  if (customers !== undefined && bestRow >= 0) {
    const rows = Int32Array.of(bestRow);
    const first = textsAt(customers, 'first_name', rows)[0], last = textsAt(customers, 'last_name', rows)[0];
    fullName = first === null ? last : last === null ? first : `${first} ${last}`;
    country = textsAt(customers, 'country', rows)[0];
  }
  const emailValue = best >= 0 ? live.graph.values[0][best] : -1;
  const status = live.messages.consent_events.status;
  const consent = Object.fromEntries(
    CONSENT_PURPOSES.map((purpose, i) => {
      const e = live.acc.consentLatest[i][p];
      const s = e < 0 ? -1 : status[e];
      return [purpose, (s === 0 ? 'granted' : s === 1 ? 'withdrawn' : 'unknown') as ConsentState];
    }),
  );
  const acc = live.acc;
  return {
    record, exists: true, customerKey: liveCustomerKey(live, p), fullName,
    email: emailValue >= 0 ? live.messages.valueIds[0].values[emailValue] : null,
    country, members: members.length,
    ordersCount: acc.ordersCount[p], lifetimeRevenueCents: acc.revenueCents[p], lastOrderMs: finite(acc.lastOrderAt[p]),
    segment: SEGMENTS[segmentOfPerson(live, p, clockMs)], consent, ticketsOpen: acc.ticketsOpen[p],
    windows: Number.isNaN(clockMs) ? NO_WINDOWS : live.windowsAt(p, clockMs), windowsAsOfMs: finite(clockMs),
  };
}

export function liveSnapshot(live: LiveCustomer360, options: SnapshotOptions = {}): LiveSnapshot {
  const follow = options.followRecord;
  const clockMs = live.position > 0 ? live.playbackAt(live.position - 1) : null;
  // Windows and recency against the replay clock; at the end of the stream it is the run's now.
  const asOf = options.clockMs ?? clockMs ?? live.nowMs;
  const { counts: bySegment, people } = segmentCounts(live, asOf);
  return {
    position: live.position,
    total: live.total,
    done: live.done,
    clockMs,
    nextArrivalMs: live.done ? null : live.playbackAt(live.position),
    allowedLatenessMs: live.options.allowedLatenessMs,
    topics: topicSnapshots(live, options.clockMs ?? clockMs ?? NaN),
    counts: Object.fromEntries(CHANGE_KINDS.map((k, i) => [k, live.counts[i]])) as Record<ChangeKind, number>,
    ticker: tickerEntries(live),
    segments: SEGMENTS.map((segment, i) => ({ segment, customers: bySegment[i] })),
    people,
    profile: follow !== undefined && follow >= 0 && follow < live.messages.slots.count ? profileOf(live, follow, options.customers, asOf) : null,
  };
}
