// gold/customer_360.csv. Grain: one row per resolved person, as of the run's now.
// Built as folds of each silver event table into per-person accumulators, then derived columns.
import type { Table } from '../table';
import { code, makeTable, num, text } from '../table';
import { CONSENT_STATES, customer360Schema, SEGMENTS, VALUE_TIERS, CHURN_BANDS } from '../schema/gold';
import { CONSENT_PURPOSES } from '../schema/enums';
import type { ProfileBase } from '../silver/customer-profile-base';
import type { OrdersCurrent } from '../silver/orders-current';
import type { ClickstreamClean } from '../silver/clickstream-clean';
import type { SupportTicketsClean } from '../silver/support-tickets-clean';
import type { CampaignEventsClean } from '../silver/campaign-events-clean';
import type { ConsentEventsClean } from '../silver/consent-events-clean';
import type { Accumulators } from './accumulators';
import { addCampaignEvent, addClick, addConsentEvent, addOrder, addTicket, emptyAccumulators } from './accumulators';
import { distinctSessions30d } from './sessions-30d';
import { churnBandCode, churnRisk, recencyDays, segmentCode, valueTierCode } from './rules';

export interface Customer360 {
  readonly table: Table;
  readonly acc: Accumulators;
  readonly sessions30d: Float64Array;
  readonly daysSinceLastOrder: Float64Array;
  readonly avgCsat: Float64Array;
  /** Per purpose (CONSENT_PURPOSES order): 0 granted, 1 withdrawn, 2 unknown. */
  readonly consent: Int32Array[];
  /** 0/1 per person: the table's boolean columns themselves. */
  readonly canEmail: Float64Array;
  readonly canSms: Float64Array;
  readonly canAds: Float64Array;
  readonly segment: Int32Array;
  readonly churnRisk: Float64Array;
}

export interface Customer360Inputs {
  readonly keys: readonly string[];
  readonly profile: ProfileBase;
  readonly orders: OrdersCurrent;
  readonly clicks: ClickstreamClean;
  readonly tickets: SupportTicketsClean;
  readonly campaigns: CampaignEventsClean;
  readonly consent: ConsentEventsClean;
  readonly nowMs: number;
}

function foldOrders(acc: Accumulators, o: OrdersCurrent): void {
  const { person, counted, orderTs, amountCents } = o;
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    if (p >= 0 && counted[i] === 1) addOrder(acc, p, orderTs[i], amountCents[i]);
  }
}

function foldClicks(acc: Accumulators, c: ClickstreamClean): void {
  const { person, eventTs, eventType } = c;
  const productView = c.eventTypeDict.indexOf('product_view');
  const addToCart = c.eventTypeDict.indexOf('add_to_cart');
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    if (p >= 0) addClick(acc, p, eventTs[i], eventType[i] === productView, eventType[i] === addToCart);
  }
}

function foldTickets(acc: Accumulators, t: SupportTicketsClean): void {
  const { person, status, csat } = t;
  const open = t.statusDict.indexOf('open'), pending = t.statusDict.indexOf('pending');
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    if (p >= 0) addTicket(acc, p, status[i] === open || status[i] === pending, csat[i]);
  }
}

function foldCampaigns(acc: Accumulators, c: CampaignEventsClean): void {
  const { person, eventTs, eventType } = c;
  const typeMap = c.eventTypeDict.map((t) => (t === 'sent' ? 0 : t === 'opened' ? 1 : t === 'clicked' ? 2 : -1));
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    if (p >= 0 && eventType[i] >= 0) addCampaignEvent(acc, p, eventTs[i], typeMap[eventType[i]]);
  }
}

function foldConsent(acc: Accumulators, c: ConsentEventsClean): void {
  const { person, purpose, eventTs, eventId } = c;
  const purposeMap = c.purposeDict.map((p) => (CONSENT_PURPOSES as readonly string[]).indexOf(p));
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    if (p >= 0 && purpose[i] >= 0) addConsentEvent(acc, p, purposeMap[purpose[i]], i, eventTs, eventId);
  }
}

export function customer360(inp: Customer360Inputs): Customer360 {
  const people = inp.keys.length;
  const acc = emptyAccumulators(people, inp.nowMs, CONSENT_PURPOSES.length);
  foldOrders(acc, inp.orders);
  foldClicks(acc, inp.clicks);
  foldTickets(acc, inp.tickets);
  foldCampaigns(acc, inp.campaigns);
  foldConsent(acc, inp.consent);
  const sessions30d = distinctSessions30d(people, inp.clicks.person, inp.clicks.eventTs, inp.clicks.sessionId, inp.nowMs);
  return derive(inp, acc, sessions30d);
}

/** customer_360 from folded accumulators (a batch fold, or the live stream's state) and sessions in 30d. */
export function derive(inp: Customer360Inputs, acc: Accumulators, sessions30d: Float64Array): Customer360 {
  const { profile } = inp;
  const { days, avgOrder, avgCsat, segment, tier, risk, band } = scores(acc, sessions30d);
  const { consent, canEmail, canSms, canAds } = consentColumns(acc.consentLatest, inp.consent, profile);
  const table = makeTable(customer360Schema, acc.people, [
    text(inp.keys as (string | null)[]), text(fullNames(profile.firstName, profile.lastName)), text(profile.email), text(profile.phone),
    text(profile.country), text(profile.city), text(profile.sourceSystems), num(profile.recordCount),
    num(acc.ordersCount), num(acc.revenueCents), num(acc.orders90d), num(acc.revenue90dCents), num(avgOrder),
    num(acc.firstOrderAt), num(acc.lastOrderAt), num(days),
    num(sessions30d), num(acc.productViews30d), num(acc.addToCart30d), num(acc.lastSeenAt),
    num(acc.ticketsTotal), num(acc.ticketsOpen), num(avgCsat),
    num(acc.campaignSent90d), num(acc.campaignOpened90d), num(acc.campaignClicked90d),
    ...consent.map((c) => code(c, CONSENT_STATES)),
    num(acc.consentUpdatedAt),
    num(canEmail), num(canSms), num(canAds),
    code(segment, SEGMENTS), code(tier, VALUE_TIERS), num(risk), code(band, CHURN_BANDS),
  ]);
  return { table, acc, sessions30d, daysSinceLastOrder: days, avgCsat, consent, canEmail, canSms, canAds, segment, churnRisk: risk };
}

// The derived columns: a few passes over the people, each filling the columns of one concern (one
// loop each rather than one per column: in a cold run every loop pays for its own compilation).

interface Scores {
  readonly days: Float64Array;
  readonly avgOrder: Float64Array;
  readonly avgCsat: Float64Array;
  readonly segment: Int32Array;
  readonly tier: Int32Array;
  /** NaN (and band -1) for people without orders. */
  readonly risk: Float64Array;
  readonly band: Int32Array;
}

/** Recency, averages, segment, value tier and churn risk (the rules are in rules.ts). */
function scores(acc: Accumulators, sessions30d: Float64Array): Scores {
  const people = acc.people, nowMs = acc.nowMs;
  const { ordersCount, lastOrderAt, revenueCents, orders90d, ticketsOpen, csatSum, csatCount } = acc;
  const days = new Float64Array(people), avgOrder = new Float64Array(people), avgCsat = new Float64Array(people);
  const segment = new Int32Array(people), tier = new Int32Array(people);
  const risk = new Float64Array(people), band = new Int32Array(people);
  for (let p = 0; p < people; p++) {
    const f = ordersCount[p];
    const recency = recencyDays(f, lastOrderAt[p], nowMs);
    const csat = csatCount[p] > 0 ? csatSum[p] / csatCount[p] : NaN;
    days[p] = recency;
    avgOrder[p] = f > 0 ? revenueCents[p] / f : NaN;
    avgCsat[p] = csat;
    segment[p] = segmentCode(f, recency);
    tier[p] = valueTierCode(revenueCents[p]);
    const r = f > 0 ? churnRisk(recency, orders90d[p], ticketsOpen[p], csat, sessions30d[p]) : NaN;
    risk[p] = r;
    band[p] = Number.isNaN(r) ? -1 : churnBandCode(r);
  }
  return { days, avgOrder, avgCsat, segment, tier, risk, band };
}

interface ConsentColumns {
  /** Per purpose (CONSENT_PURPOSES order: email, sms, ads): 0 granted, 1 withdrawn, 2 unknown. */
  readonly consent: Int32Array[];
  readonly canEmail: Float64Array;
  readonly canSms: Float64Array;
  readonly canAds: Float64Array;
}

/** 0 granted, 1 withdrawn, 2 unknown (no event, or another status) from the latest event's status. */
function stateOf(e: number, status: Int32Array, granted: number, withdrawn: number): number {
  const s = e < 0 ? -1 : status[e];
  return s === granted ? 0 : s === withdrawn ? 1 : 2;
}

/** Consent state per purpose, and who may be contacted: granted, with the contact field the channel needs. */
function consentColumns(latest: readonly Int32Array[], events: ConsentEventsClean, profile: ProfileBase): ConsentColumns {
  const [emailLatest, smsLatest, adsLatest] = latest;
  const { status } = events;
  const granted = events.statusDict.indexOf('granted'), withdrawn = events.statusDict.indexOf('withdrawn');
  const { email, phone } = profile;
  const people = emailLatest.length;
  const emailState = new Int32Array(people), smsState = new Int32Array(people), adsState = new Int32Array(people);
  const canEmail = new Float64Array(people), canSms = new Float64Array(people), canAds = new Float64Array(people);
  for (let p = 0; p < people; p++) {
    const e = stateOf(emailLatest[p], status, granted, withdrawn);
    const s = stateOf(smsLatest[p], status, granted, withdrawn);
    const a = stateOf(adsLatest[p], status, granted, withdrawn);
    emailState[p] = e;
    smsState[p] = s;
    adsState[p] = a;
    canEmail[p] = e === 0 && email[p] !== null ? 1 : 0;
    canSms[p] = s === 0 && phone[p] !== null ? 1 : 0;
    canAds[p] = a === 0 ? 1 : 0;
  }
  return { consent: [emailState, smsState, adsState], canEmail, canSms, canAds };
}

function fullNames(first: readonly (string | null)[], last: readonly (string | null)[]): (string | null)[] {
  const out = new Array<string | null>(first.length);
  for (let p = 0; p < out.length; p++) {
    const f = first[p], l = last[p];
    out[p] = f === null ? l : l === null ? f : f + ' ' + l;
  }
  return out;
}
