// gold/customer_360.csv. Grain: one row per resolved person, as of the run's now.
// Built as folds of each silver event table into per-person accumulators, then derived columns.
import type { Table } from '../table';
import { code, makeTable, num, text } from '../table';
import { CONSENT_STATES, customer360Schema, SEGMENTS, VALUE_TIERS, CHURN_BANDS } from '../schema/gold';
import { CONSENT_PURPOSES } from '../schema/enums';
import { DAY } from '../time';
import type { ProfileBase } from '../silver/customer-profile-base';
import type { OrdersCurrent } from '../silver/orders-current';
import type { ClickstreamClean } from '../silver/clickstream-clean';
import type { SupportTicketsClean } from '../silver/support-tickets-clean';
import type { CampaignEventsClean } from '../silver/campaign-events-clean';
import type { ConsentEventsClean } from '../silver/consent-events-clean';
import type { Accumulators } from './accumulators';
import { addCampaignEvent, addClick, addConsentEvent, addOrder, addTicket, emptyAccumulators } from './accumulators';
import { distinctSessions30d } from './sessions-30d';
import { churnBandOf, churnRiskOf, segmentOf, valueTierOf } from './rules';

export interface Customer360 {
  readonly table: Table;
  readonly acc: Accumulators;
  readonly sessions30d: Float64Array;
  readonly daysSinceLastOrder: Float64Array;
  readonly avgCsat: Float64Array;
  /** Per purpose (CONSENT_PURPOSES order): 0 granted, 1 withdrawn, 2 unknown. */
  readonly consent: Int32Array[];
  readonly canEmail: Uint8Array;
  readonly canSms: Uint8Array;
  readonly canAds: Uint8Array;
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

function derive(inp: Customer360Inputs, acc: Accumulators, sessions30d: Float64Array): Customer360 {
  const people = acc.people;
  const { profile } = inp;
  const days = new Float64Array(people);
  const avgOrder = new Float64Array(people);
  const avgCsat = new Float64Array(people);
  for (let p = 0; p < people; p++) {
    const f = acc.ordersCount[p];
    days[p] = f > 0 && !Number.isNaN(acc.lastOrderAt[p]) ? Math.floor((inp.nowMs - acc.lastOrderAt[p]) / DAY) : NaN;
    avgOrder[p] = f > 0 ? acc.revenueCents[p] / f : NaN;
    avgCsat[p] = acc.csatCount[p] > 0 ? acc.csatSum[p] / acc.csatCount[p] : NaN;
  }

  const grantedCode = inp.consent.statusDict.indexOf('granted');
  const withdrawnCode = inp.consent.statusDict.indexOf('withdrawn');
  const consent = acc.consentLatest.map((latest) => {
    const state = new Int32Array(people);
    for (let p = 0; p < people; p++) {
      const e = latest[p];
      const s = e < 0 ? -1 : inp.consent.status[e];
      state[p] = s === grantedCode ? 0 : s === withdrawnCode ? 1 : 2;
    }
    return state;
  });

  const canEmail = new Uint8Array(people), canSms = new Uint8Array(people), canAds = new Uint8Array(people);
  const segment = new Int32Array(people), tier = new Int32Array(people);
  const risk = new Float64Array(people), band = new Int32Array(people);
  const fullName = new Array<string | null>(people);
  const codesOf = (values: readonly string[]) => Object.fromEntries(values.map((v, i) => [v, i])) as Record<string, number>;
  const segmentCode = codesOf(SEGMENTS), tierCode = codesOf(VALUE_TIERS), bandCode = codesOf(CHURN_BANDS);
  const churnInputs = { daysSinceLastOrder: 0, orders90d: 0, ticketsOpen: 0, avgCsat: NaN, sessions30d: 0 };
  for (let p = 0; p < people; p++) {
    canEmail[p] = consent[0][p] === 0 && profile.email[p] !== null ? 1 : 0;
    canSms[p] = consent[1][p] === 0 && profile.phone[p] !== null ? 1 : 0;
    canAds[p] = consent[2][p] === 0 ? 1 : 0;
    const f = acc.ordersCount[p];
    segment[p] = segmentCode[segmentOf(f, days[p])];
    tier[p] = tierCode[valueTierOf(acc.revenueCents[p])];
    if (f > 0) {
      churnInputs.daysSinceLastOrder = days[p];
      churnInputs.orders90d = acc.orders90d[p];
      churnInputs.ticketsOpen = acc.ticketsOpen[p];
      churnInputs.avgCsat = avgCsat[p];
      churnInputs.sessions30d = sessions30d[p];
      risk[p] = churnRiskOf(churnInputs);
      band[p] = Number.isNaN(risk[p]) ? -1 : bandCode[churnBandOf(risk[p])];
    } else {
      risk[p] = NaN;
      band[p] = -1;
    }
    const first = profile.firstName[p], last = profile.lastName[p];
    fullName[p] = first === null ? last : last === null ? first : first + ' ' + last;
  }

  const toNum = (a: Uint8Array) => {
    const out = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = a[i];
    return out;
  };
  const table = makeTable(customer360Schema, people, [
    text(inp.keys as (string | null)[]), text(fullName), text(profile.email), text(profile.phone), text(profile.country), text(profile.city),
    text(profile.sourceSystems), num(profile.recordCount),
    num(acc.ordersCount), num(acc.revenueCents), num(acc.orders90d), num(acc.revenue90dCents), num(avgOrder),
    num(acc.firstOrderAt), num(acc.lastOrderAt), num(days),
    num(sessions30d), num(acc.productViews30d), num(acc.addToCart30d), num(acc.lastSeenAt),
    num(acc.ticketsTotal), num(acc.ticketsOpen), num(avgCsat),
    num(acc.campaignSent90d), num(acc.campaignOpened90d), num(acc.campaignClicked90d),
    ...consent.map((c) => code(c, CONSENT_STATES)),
    num(acc.consentUpdatedAt),
    num(toNum(canEmail)), num(toNum(canSms)), num(toNum(canAds)),
    code(segment, SEGMENTS), code(tier, VALUE_TIERS), num(risk), code(band, CHURN_BANDS),
  ]);
  return { table, acc, sessions30d, daysSinceLastOrder: days, avgCsat, consent, canEmail, canSms, canAds, segment, churnRisk: risk };
}
