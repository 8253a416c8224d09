// Per-person accumulators for customer_360: struct-of-arrays indexed by person. Each source has a
// small fold function that adds one event, so the same code can update a profile one event at a
// time (the live view) or fold a whole table (the batch run).
import { DAY } from '../time';

/** A window holds the events with now - window < t <= now. */
export const WINDOW_30D = 30 * DAY;
export const WINDOW_90D = 90 * DAY;

export interface Accumulators {
  readonly people: number;
  readonly nowMs: number;
  /** Where the windows start (exclusive): nowMs - WINDOW_30D and - WINDOW_90D, computed once, not per event. */
  readonly since30d: number;
  readonly since90d: number;
  // orders
  readonly ordersCount: Float64Array;
  readonly revenueCents: Float64Array;
  readonly orders90d: Float64Array;
  readonly revenue90dCents: Float64Array;
  readonly firstOrderAt: Float64Array;
  readonly lastOrderAt: Float64Array;
  // clicks
  readonly productViews30d: Float64Array;
  readonly addToCart30d: Float64Array;
  readonly lastSeenAt: Float64Array;
  // tickets
  readonly ticketsTotal: Float64Array;
  readonly ticketsOpen: Float64Array;
  readonly csatSum: Float64Array;
  readonly csatCount: Float64Array;
  // campaigns
  readonly campaignSent90d: Float64Array;
  readonly campaignOpened90d: Float64Array;
  readonly campaignClicked90d: Float64Array;
  // consent: latest event per purpose (index into the consent table), and the latest time
  readonly consentLatest: Int32Array[];
  readonly consentUpdatedAt: Float64Array;
}

const filled = (n: number, v: number) => new Float64Array(n).fill(v);

export function emptyAccumulators(people: number, nowMs: number, purposes: number): Accumulators {
  return {
    people, nowMs, since30d: nowMs - WINDOW_30D, since90d: nowMs - WINDOW_90D,
    ordersCount: new Float64Array(people), revenueCents: new Float64Array(people),
    orders90d: new Float64Array(people), revenue90dCents: new Float64Array(people),
    firstOrderAt: filled(people, NaN), lastOrderAt: filled(people, NaN),
    productViews30d: new Float64Array(people), addToCart30d: new Float64Array(people), lastSeenAt: filled(people, NaN),
    ticketsTotal: new Float64Array(people), ticketsOpen: new Float64Array(people),
    csatSum: new Float64Array(people), csatCount: new Float64Array(people),
    campaignSent90d: new Float64Array(people), campaignOpened90d: new Float64Array(people), campaignClicked90d: new Float64Array(people),
    consentLatest: Array.from({ length: purposes }, () => new Int32Array(people).fill(-1)),
    consentUpdatedAt: filled(people, NaN),
  };
}

/** A counted order (current, not deleted, placed/shipped/delivered). Null amounts add nothing to revenue. */
export function addOrder(acc: Accumulators, p: number, orderTs: number, amountCents: number): void {
  acc.ordersCount[p]++;
  const cents = Number.isNaN(amountCents) ? 0 : amountCents;
  acc.revenueCents[p] += cents;
  if (orderTs > acc.since90d && orderTs <= acc.nowMs) {
    acc.orders90d[p]++;
    acc.revenue90dCents[p] += cents;
  }
  if (!Number.isNaN(orderTs)) {
    if (!(orderTs >= acc.firstOrderAt[p])) acc.firstOrderAt[p] = orderTs;
    if (!(orderTs <= acc.lastOrderAt[p])) acc.lastOrderAt[p] = orderTs;
  }
}

export function addClick(acc: Accumulators, p: number, eventTs: number, isProductView: boolean, isAddToCart: boolean): void {
  if (eventTs > acc.since30d && eventTs <= acc.nowMs) {
    if (isProductView) acc.productViews30d[p]++;
    if (isAddToCart) acc.addToCart30d[p]++;
  }
  if (!Number.isNaN(eventTs) && !(eventTs <= acc.lastSeenAt[p])) acc.lastSeenAt[p] = eventTs;
}

export function addTicket(acc: Accumulators, p: number, isOpen: boolean, csat: number): void {
  acc.ticketsTotal[p]++;
  if (isOpen) acc.ticketsOpen[p]++;
  if (!Number.isNaN(csat)) {
    acc.csatSum[p] += csat;
    acc.csatCount[p]++;
  }
}

/** type: 0 sent, 1 opened, 2 clicked, -1 other. */
export function addCampaignEvent(acc: Accumulators, p: number, eventTs: number, type: number): void {
  if (type < 0 || !(eventTs > acc.since90d && eventTs <= acc.nowMs)) return;
  if (type === 0) acc.campaignSent90d[p]++;
  else if (type === 1) acc.campaignOpened90d[p]++;
  else acc.campaignClicked90d[p]++;
}

/**
 * A consent event (row `e` of the consent table) replaces the person's latest for its purpose
 * when it is later by (event_ts, then event_id); a missing event_ts sorts first.
 */
export function addConsentEvent(acc: Accumulators, p: number, purpose: number, e: number, eventTs: Float64Array, eventId: Float64Array): void {
  if (purpose < 0) return;
  const latest = acc.consentLatest[purpose];
  const b = latest[p];
  if (b < 0 || laterConsent(eventTs[e], eventId[e], eventTs[b], eventId[b])) latest[p] = e;
  const t = eventTs[e];
  if (!Number.isNaN(t) && !(t <= acc.consentUpdatedAt[p])) acc.consentUpdatedAt[p] = t;
}

function laterConsent(ts: number, id: number, bestTs: number, bestId: number): boolean {
  const a = Number.isNaN(ts) ? -Infinity : ts;
  const b = Number.isNaN(bestTs) ? -Infinity : bestTs;
  return a > b || (a === b && id > bestId);
}

// The live stream keeps the same accumulators per person and needs three more operations: grow
// (people appear), take a ticket back (its email's owner changed), and merge two people.

/** A copy with room for `people` people; the first `acc.people` keep their values. */
export function grownAccumulators(acc: Accumulators, people: number): Accumulators {
  const next = emptyAccumulators(people, acc.nowMs, acc.consentLatest.length);
  for (const key of Object.keys(acc) as (keyof Accumulators)[]) {
    const from = acc[key], to = next[key];
    if (from instanceof Float64Array && to instanceof Float64Array) to.set(from);
  }
  acc.consentLatest.forEach((latest, i) => next.consentLatest[i].set(latest));
  return next;
}

/** The inverse of addTicket: ticket fields are sums, so a ticket can be taken back exactly. */
export function removeTicket(acc: Accumulators, p: number, isOpen: boolean, csat: number): void {
  acc.ticketsTotal[p]--;
  if (isOpen) acc.ticketsOpen[p]--;
  if (!Number.isNaN(csat)) {
    acc.csatSum[p] -= csat;
    acc.csatCount[p]--;
  }
}

/** Clears person p's order fields (to fold its current orders again: min and max cannot be taken back). */
export function clearOrders(acc: Accumulators, p: number): void {
  acc.ordersCount[p] = acc.revenueCents[p] = acc.orders90d[p] = acc.revenue90dCents[p] = 0;
  acc.firstOrderAt[p] = acc.lastOrderAt[p] = NaN;
}

export function clearClicks(acc: Accumulators, p: number): void {
  acc.productViews30d[p] = acc.addToCart30d[p] = 0;
  acc.lastSeenAt[p] = NaN;
}

/** Clears everything but the ticket fields (those follow their email's owner, see the live engine). */
export function clearAllButTickets(acc: Accumulators, p: number): void {
  clearOrders(acc, p);
  clearClicks(acc, p);
  acc.campaignSent90d[p] = acc.campaignOpened90d[p] = acc.campaignClicked90d[p] = 0;
  for (const latest of acc.consentLatest) latest[p] = -1;
  acc.consentUpdatedAt[p] = NaN;
}

const minOf = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : a < b ? a : b);
const maxOf = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : a > b ? a : b);

/**
 * Person `from` merged into person `into` (two people linked by a new record): counts and sums
 * add, first and last times take the min and max, each consent purpose keeps the later event by
 * the same (event_ts, event_id) order a single fold uses. Ticket fields are left alone.
 */
export function mergeInto(acc: Accumulators, into: number, from: number, consentTs: Float64Array, consentId: Float64Array): void {
  acc.ordersCount[into] += acc.ordersCount[from];
  acc.revenueCents[into] += acc.revenueCents[from];
  acc.orders90d[into] += acc.orders90d[from];
  acc.revenue90dCents[into] += acc.revenue90dCents[from];
  acc.firstOrderAt[into] = minOf(acc.firstOrderAt[into], acc.firstOrderAt[from]);
  acc.lastOrderAt[into] = maxOf(acc.lastOrderAt[into], acc.lastOrderAt[from]);
  acc.productViews30d[into] += acc.productViews30d[from];
  acc.addToCart30d[into] += acc.addToCart30d[from];
  acc.lastSeenAt[into] = maxOf(acc.lastSeenAt[into], acc.lastSeenAt[from]);
  acc.campaignSent90d[into] += acc.campaignSent90d[from];
  acc.campaignOpened90d[into] += acc.campaignOpened90d[from];
  acc.campaignClicked90d[into] += acc.campaignClicked90d[from];
  for (const latest of acc.consentLatest) {
    const a = latest[into], b = latest[from];
    if (b >= 0 && (a < 0 || laterConsent(consentTs[b], consentId[b], consentTs[a], consentId[a]))) latest[into] = b;
  }
  acc.consentUpdatedAt[into] = maxOf(acc.consentUpdatedAt[into], acc.consentUpdatedAt[from]);
}
