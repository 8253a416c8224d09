// The Customer 360 built one arriving row at a time. Each row is validated (quarantined with its
// reason), deduplicated or CDC-upserted, attributed to a record, and folded into its person's
// accumulators with the same fold functions the batch gold stage uses. Identity changes (a new
// record linking two people, a placeholder unlinking them) move whole accumulators: merges add
// two people's accumulators, splits fold each piece again from its records' events.
// See docs/live-mode.md for what each part of the state keeps and why.
import type { RunParams } from '../params';
import type { Table } from '../table';
import type { SourceName } from '../run';
import { SOURCE_NAMES } from '../run';
import { CONSENT_PURPOSES } from '../schema/enums';
import { rowValidator, VALIDATION_SPECS, type ReasonCode } from '../silver/validate';
import type { Accumulators } from '../gold/accumulators';
import {
  addCampaignEvent, addClick, addConsentEvent, addOrder, addTicket, clearAllButTickets, clearClicks, clearOrders,
  emptyAccumulators, grownAccumulators, mergeInto, removeTicket, WINDOW_30D,
} from '../gold/accumulators';
import { arrivalOrder, type ArrivalOrder } from './arrival-order';
import { decodeMessages, type Messages } from './decode';
import { IdentityGraph } from './identity-graph';
import { DenseSlots } from './dense-slots';
import { ItemLists, MovableLists } from './linked-lists';

export const CHANGE_KINDS = [
  'quarantined', 'duplicate', 'profile_created', 'profile_updated', 'record_superseded', 'profiles_merged', 'profile_split',
  'order_upserted', 'order_deleted', 'cdc_ignored', 'device_stitched', 'event_applied', 'unattributed', 'cdc_repeated',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
const K = Object.fromEntries(CHANGE_KINDS.map((k, i) => [k, i])) as Record<ChangeKind, number>;

/** Entries the ticker ring keeps (a power of two). */
export const TICKER_SIZE = 256;

export interface LiveOptions {
  /** Watermark = latest event time seen on a topic minus this; older events are late. */
  readonly allowedLatenessMs: number;
  /**
   * An explicit arrival order instead of bronze's (tests use it to make events arrive before the
   * customer they name). Within a source it should keep file order, as the batch's rules assume.
   */
  readonly arrivals?: ArrivalOrder;
}

export const DEFAULT_ALLOWED_LATENESS_MS = 60 * 60 * 1000;

/** Per topic counters a consumer would report. */
export interface TopicState {
  /** Next offset to read: rows consumed so far. */
  consumed: number;
  readonly end: number;
  quarantined: number;
  duplicates: number;
  late: number;
  /** Latest time among valid rows (the quality report's freshness column), NaN before any. */
  latestAccepted: number;
  /**
   * Latest event time among the topic's applied events; its watermark is this minus the allowed
   * lateness. NaN before any, and always for the customers snapshot (no event time).
   */
  maxEventTime: number;
}

export class LiveCustomer360 {
  readonly messages: Messages;
  readonly arrivals: ArrivalOrder;
  readonly reasons: Record<SourceName, Uint8Array>;
  readonly topics: Record<SourceName, TopicState>;
  readonly graph: IdentityGraph;
  acc: Accumulators;
  /** Distinct sessions in the 30-day window per person, for sessions_30d. */
  readonly sessions: (Set<number> | undefined)[] = [];
  /** Arrivals applied so far. */
  position = 0;
  readonly counts = new Float64Array(CHANGE_KINDS.length);
  /**
   * The latest changes for a ticker, as a ring of TICKER_SIZE entries: arrival index, change kind
   * (index in CHANGE_KINDS) and person (-1 none). `tickerCount` is the number ever written.
   */
  readonly tickerArrival = new Int32Array(TICKER_SIZE);
  readonly tickerKind = new Int8Array(TICKER_SIZE);
  readonly tickerPerson = new Int32Array(TICKER_SIZE);
  tickerCount = 0;
  private current = -1;

  private readonly validators: ((row: number) => ReasonCode)[];
  // The same per source, by index in SOURCE_NAMES (no string keys in the per-row path).
  private readonly topicList: TopicState[];
  private readonly reasonList: Uint8Array[];
  private readonly eventTimes: Float64Array[];
  private readonly watermarkTimes: (Float64Array | null)[];
  // customers
  private readonly exists: Uint8Array;
  private readonly customerRow: Int32Array;
  private readonly customerUpdated: Float64Array;
  // orders (CDC): per order, its current change
  private readonly orderSlot: DenseSlots;
  private readonly orderRow: Int32Array;
  private readonly orderLsn: Float64Array;
  private readonly orderRec: Int32Array;
  private readonly ordersOf: MovableLists;
  // event ids already accepted (first arrival wins)
  private readonly seen: Record<'clickstream' | 'support_tickets' | 'campaign_events' | 'consent_events', DenseSlots>;
  private readonly seenFlags: Record<'clickstream' | 'support_tickets' | 'campaign_events' | 'consent_events', Uint8Array>;
  // clicks: own web id events per record; anonymous events per device; device → its latest logged-in event
  private readonly clicksOf: ItemLists;
  private readonly deviceSlot: DenseSlots;
  private readonly deviceBest: Int32Array;
  private readonly anonymousOf: ItemLists;
  private readonly devicesOf: MovableLists;
  // campaigns and consent per record
  private readonly campaignsOf: ItemLists;
  private readonly consentOf: ItemLists;
  // tickets per email value: their sums, and the person that owns the email
  private readonly ticketsOfEmail: ItemLists;
  private readonly emailOwner: Int32Array;
  private readonly emailsToCheck: number[] = [];
  private readonly emailQueued: Uint8Array;
  private readonly since30d: number;

  constructor(
    readonly params: RunParams,
    readonly nowMs: number,
    raw: Readonly<Record<SourceName, Table>>,
    bronze: Readonly<Record<SourceName, Table>>,
    readonly options: LiveOptions = { allowedLatenessMs: DEFAULT_ALLOWED_LATENESS_MS },
  ) {
    // Rows arrive as bronze landed them (its `_ingested_at`, see ingestedAtMs), every one of them.
    for (const s of SOURCE_NAMES) {
      if (bronze[s].rowCount !== raw[s].rowCount) throw new Error(`${s}: bronze has ${bronze[s].rowCount} rows, raw ${raw[s].rowCount}`);
    }
    this.since30d = nowMs - WINDOW_30D;
    this.messages = decodeMessages(raw);
    this.arrivals = options.arrivals ?? arrivalOrder(raw, nowMs);
    this.validators = SOURCE_NAMES.map((s) => rowValidator(raw[s], VALIDATION_SPECS[s], nowMs));
    this.reasons = Object.fromEntries(SOURCE_NAMES.map((s) => [s, new Uint8Array(raw[s].rowCount)])) as Record<SourceName, Uint8Array>;
    this.topics = Object.fromEntries(SOURCE_NAMES.map((s) => [s, {
      consumed: 0, end: raw[s].rowCount, quarantined: 0, duplicates: 0, late: 0, latestAccepted: NaN, maxEventTime: NaN,
    }])) as Record<SourceName, TopicState>;
    this.topicList = SOURCE_NAMES.map((s) => this.topics[s]);
    this.reasonList = SOURCE_NAMES.map((s) => this.reasons[s]);
    this.eventTimes = SOURCE_NAMES.map((s) => this.messages.eventTime[s]);
    this.watermarkTimes = SOURCE_NAMES.map((s) => this.messages.watermarkTime[s]);
    const slots = this.messages.slots.count;
    this.exists = new Uint8Array(slots);
    this.customerRow = new Int32Array(slots).fill(-1);
    this.customerUpdated = new Float64Array(slots);
    const m = this.messages;
    this.orderSlot = new DenseSlots(m.orders.orderId);
    this.orderRow = new Int32Array(this.orderSlot.count).fill(-1);
    this.orderLsn = new Float64Array(this.orderSlot.count);
    this.orderRec = new Int32Array(this.orderSlot.count).fill(-1);
    this.seen = {
      clickstream: new DenseSlots(m.clickstream.eventId), support_tickets: new DenseSlots(m.support_tickets.ticketId),
      campaign_events: new DenseSlots(m.campaign_events.eventId), consent_events: new DenseSlots(m.consent_events.eventId),
    };
    this.seenFlags = {
      clickstream: new Uint8Array(this.seen.clickstream.count), support_tickets: new Uint8Array(this.seen.support_tickets.count),
      campaign_events: new Uint8Array(this.seen.campaign_events.count), consent_events: new Uint8Array(this.seen.consent_events.count),
    };
    this.deviceSlot = new DenseSlots(m.clickstream.device);
    this.deviceBest = new Int32Array(this.deviceSlot.count).fill(-1);
    const emails = m.valueIds[0].values.length;
    this.ordersOf = new MovableLists(slots, this.orderSlot.count);
    this.clicksOf = new ItemLists(slots, raw.clickstream.rowCount);
    this.anonymousOf = new ItemLists(this.deviceSlot.count, raw.clickstream.rowCount);
    this.devicesOf = new MovableLists(slots, this.deviceSlot.count);
    this.campaignsOf = new ItemLists(slots, raw.campaign_events.rowCount);
    this.consentOf = new ItemLists(slots, raw.consent_events.rowCount);
    this.ticketsOfEmail = new ItemLists(emails, raw.support_tickets.rowCount);
    this.emailOwner = new Int32Array(emails).fill(-1);
    this.emailQueued = new Uint8Array(emails);
    // People are at most the records plus the pieces of splits: room for the records up front.
    this.acc = emptyAccumulators(slots + 1024, nowMs, CONSENT_PURPOSES.length);
    this.graph = new IdentityGraph(slots, [emails, m.valueIds[1].values.length, m.valueIds[2].values.length], params.placeholderThreshold, params.link, {
      created: (c) => this.personCreated(c),
      merged: (into, from) => this.personsMerged(into, from),
      split: (old, pieces) => this.personSplit(old, pieces),
      emailHoldersChanged: (v) => this.queueEmail(v),
    });
  }

  get total(): number {
    return this.arrivals.total;
  }

  /** Replay clock of arrival k (ArrivalOrder.playbackAt): what a replay at a given speed paces by. */
  playbackAt(k: number): number {
    return this.arrivals.playbackAt(k);
  }

  get done(): boolean {
    return this.position >= this.total;
  }

  /** Applies up to `n` arrivals; returns how many were applied. */
  step(n = 1): number {
    const end = Math.min(this.total, this.position + n);
    const start = this.position;
    for (let k = start; k < end; k++) this.apply(k);
    this.position = end;
    return end - start;
  }

  /** Applies arrivals while their replay clock (playbackAt) is at or before `t`. */
  advanceTo(t: number, max = Infinity): number {
    let n = 0;
    while (this.position < this.total && this.arrivals.playbackAt(this.position) <= t && n < max) {
      this.apply(this.position++);
      n++;
    }
    return n;
  }

  private apply(k: number): void {
    this.current = k;
    const a = this.arrivals, run = a.runOf(k);
    const s = a.runSource[run], row = a.runRow[run] + (k - a.runFirst[run]);
    const topic = this.topicList[s];
    topic.consumed++;
    const reason = this.validators[s](row);
    this.reasonList[s][row] = reason;
    if (reason !== 0) {
      topic.quarantined++;
      this.note(K.quarantined, -1);
      return;
    }
    let accepted = true;
    switch (s) {
      case 0: this.customer(row); break;
      case 1: this.order(row); break;
      case 2: accepted = this.click(row); break;
      case 3: accepted = this.ticket(row); break;
      case 4: accepted = this.campaign(row); break;
      case 5: accepted = this.consent(row); break;
    }
    if (!accepted) {
      topic.duplicates++;
      this.note(K.duplicate, -1);
    }
    // Times of valid rows only: a quarantined future timestamp must not move freshness or the watermark.
    const t = this.eventTimes[s][row];
    if (!Number.isNaN(t) && !(t <= topic.latestAccepted)) topic.latestAccepted = t;
    const times = this.watermarkTimes[s];
    if (times === null || !accepted) return;
    const w = times[row];
    if (Number.isNaN(w)) return;
    if (w < topic.maxEventTime - this.options.allowedLatenessMs) topic.late++;
    if (!(w <= topic.maxEventTime)) topic.maxEventTime = w;
  }

  private note(kind: number, person: number): void {
    this.counts[kind]++;
    const at = this.tickerCount++ & (TICKER_SIZE - 1);
    this.tickerArrival[at] = this.current;
    this.tickerKind[at] = kind;
    this.tickerPerson[at] = person;
  }

  /** Person of a record slot now, -1 when the record does not exist (yet). */
  personOf(rec: number): number {
    return rec < 0 ? -1 : this.graph.comp[rec];
  }

  // --- customers and identity

  private customer(row: number): void {
    const c = this.messages.customers;
    const rec = c.rec[row];
    const updated = Number.isNaN(c.updatedAt[row]) ? -Infinity : c.updatedAt[row];
    const email = c.values[0][row], phone = c.values[1][row], loyalty = c.values[2][row];
    if (this.exists[rec] === 0) {
      this.exists[rec] = 1;
      this.customerRow[rec] = row;
      this.customerUpdated[rec] = updated;
      this.graph.addRecord(rec, email, phone, loyalty);
    } else if (updated >= this.customerUpdated[rec]) {
      // The latest updated_at wins; a tie goes to the later row, which is this one.
      this.customerRow[rec] = row;
      this.customerUpdated[rec] = updated;
      this.graph.setValues(rec, email, phone, loyalty);
      this.note(K.profile_updated, this.personOf(rec));
    } else {
      this.note(K.record_superseded, this.personOf(rec));
    }
    this.settleEmails();
  }

  private ensureCapacity(c: number): void {
    if (c < this.acc.people) return;
    let n = this.acc.people;
    while (n <= c) n *= 2;
    this.acc = grownAccumulators(this.acc, n);
  }

  private personCreated(c: number): void {
    this.ensureCapacity(c);
    this.foldPerson(c);
    this.note(K.profile_created, c);
  }

  private personsMerged(into: number, from: number): void {
    mergeInto(this.acc, into, from, this.messages.consent_events.eventTs, this.messages.consent_events.eventId);
    const a = this.sessions[into], b = this.sessions[from];
    if (b !== undefined) {
      if (a === undefined) this.sessions[into] = b;
      else for (const x of b) a.add(x);
      this.sessions[from] = undefined;
    }
    this.queueEmailsOf(into);
    this.note(K.profiles_merged, into);
  }

  private personSplit(_old: number, pieces: readonly number[]): void {
    for (const p of pieces) {
      this.ensureCapacity(p);
      this.foldPerson(p);
      this.queueEmailsOf(p);
    }
    this.note(K.profile_split, pieces[0]);
  }

  /** Folds every event of a person's records from scratch (a new person, or a piece of a split). */
  private foldPerson(p: number): void {
    clearAllButTickets(this.acc, p);
    this.sessions[p] = undefined;
    const g = this.graph;
    for (let rec = g.firstMember(p); rec >= 0; rec = g.nextMember(rec)) {
      this.foldOrdersOf(p, rec);
      this.foldClicksOf(p, rec);
      this.foldCampaignsAndConsentOf(p, rec);
    }
  }

  private foldCampaignsAndConsentOf(p: number, rec: number): void {
    const m = this.messages.campaign_events, campaigns = this.campaignsOf;
    for (let r = campaigns.first(rec); r >= 0; r = campaigns.after(r)) addCampaignEvent(this.acc, p, m.eventTs[r], m.type[r]);
    const n = this.messages.consent_events, consent = this.consentOf;
    for (let r = consent.first(rec); r >= 0; r = consent.after(r)) addConsentEvent(this.acc, p, n.purpose[r], r, n.eventTs, n.eventId);
  }

  private foldOrdersOf(p: number, rec: number): void {
    const o = this.messages.orders, orders = this.ordersOf;
    for (let slot = orders.first(rec); slot >= 0; slot = orders.after(slot)) {
      const r = this.orderRow[slot];
      if (o.counted[r] === 1) addOrder(this.acc, p, o.orderTs[r], o.amountCents[r]);
    }
  }

  private foldClicksOf(p: number, rec: number): void {
    const own = this.clicksOf, devices = this.devicesOf;
    for (let r = own.first(rec); r >= 0; r = own.after(r)) this.addClickTo(p, r);
    for (let d = devices.first(rec); d >= 0; d = devices.after(d)) this.foldAnonymousOf(p, d);
  }

  private foldAnonymousOf(p: number, d: number): void {
    const anonymous = this.anonymousOf;
    for (let r = anonymous.first(d); r >= 0; r = anonymous.after(r)) this.addClickTo(p, r);
  }

  private refoldOrders(p: number): void {
    clearOrders(this.acc, p);
    const g = this.graph;
    for (let rec = g.firstMember(p); rec >= 0; rec = g.nextMember(rec)) this.foldOrdersOf(p, rec);
  }

  private refoldClicks(p: number): void {
    clearClicks(this.acc, p);
    this.sessions[p] = undefined;
    const g = this.graph;
    for (let rec = g.firstMember(p); rec >= 0; rec = g.nextMember(rec)) this.foldClicksOf(p, rec);
  }

  // --- tickets follow their email's owner

  private queueEmail(v: number): void {
    if (this.emailQueued[v] === 1 || this.ticketsOfEmail.isEmpty(v)) return;
    this.emailQueued[v] = 1;
    this.emailsToCheck.push(v);
  }

  private queueEmailsOf(p: number): void {
    const g = this.graph, emails = g.values[0];
    for (let rec = g.firstMember(p); rec >= 0; rec = g.nextMember(rec)) if (emails[rec] >= 0) this.queueEmail(emails[rec]);
  }

  /** The person owning an email: its holders are all one person's records and it is no placeholder. */
  private ownerOf(v: number): number {
    const g = this.graph;
    if (g.holderCount(0, v) === 0 || g.isPlaceholder(0, v)) return -1;
    const first = g.firstHolder(0, v), p = g.comp[first];
    for (let h = g.nextHolder(0, first); h >= 0; h = g.nextHolder(0, h)) if (g.comp[h] !== p) return -1;
    return p;
  }

  /** Moves each queued email's tickets to its owner now (sums, so exactly reversible). */
  private settleEmails(): void {
    const t = this.messages.support_tickets;
    while (this.emailsToCheck.length > 0) {
      const v = this.emailsToCheck.pop()!;
      this.emailQueued[v] = 0;
      const next = this.ownerOf(v), prev = this.emailOwner[v];
      if (next === prev) continue;
      const tickets = this.ticketsOfEmail;
      for (let r = tickets.first(v); r >= 0; r = tickets.after(r)) {
        if (prev >= 0) removeTicket(this.acc, prev, t.isOpen[r] === 1, t.csat[r]);
        if (next >= 0) addTicket(this.acc, next, t.isOpen[r] === 1, t.csat[r]);
      }
      this.emailOwner[v] = next;
    }
  }

  // --- events

  private firstArrival(source: keyof LiveCustomer360['seen'], row: number): boolean {
    const slot = this.seen[source].rowSlot[row];
    const flags = this.seenFlags[source];
    if (flags[slot] === 1) return false;
    flags[slot] = 1;
    return true;
  }

  private order(row: number): void {
    const o = this.messages.orders;
    const slot = this.orderSlot.rowSlot[row];
    const prev = this.orderRow[slot];
    if (prev >= 0 && o.lsn[row] < this.orderLsn[slot]) {
      this.note(K.cdc_ignored, this.personOf(this.orderRec[slot]));
      return;
    }
    // The same lsn again: the later arrival is current (the contract's rule), counted as a repeat.
    const repeated = prev >= 0 && o.lsn[row] === this.orderLsn[slot];
    const oldRec = this.orderRec[slot];
    const newRec = o.isDelete[row] === 1 ? -1 : o.rec[row];
    this.orderRow[slot] = row;
    this.orderLsn[slot] = o.lsn[row];
    this.orderRec[slot] = newRec;
    if (oldRec !== newRec) {
      if (oldRec >= 0) this.ordersOf.remove(oldRec, slot);
      if (newRec >= 0) this.ordersOf.add(newRec, slot);
    }
    const before = this.personOf(oldRec), after = this.personOf(newRec);
    const wasCounted = prev >= 0 && oldRec >= 0 && o.counted[prev] === 1;
    const isCounted = newRec >= 0 && o.counted[row] === 1;
    if (before >= 0 && before === after && wasCounted && isCounted && sameNumber(o.orderTs[prev], o.orderTs[row]) && sameNumber(o.amountCents[prev], o.amountCents[row])) {
      // The usual change (placed → shipped → delivered): the order counts the same as before.
    } else {
      // Taking a counted order back needs a re-fold (first and last order times are a min and a
      // max); adding one is a fold step.
      if (before >= 0 && wasCounted) this.refoldOrders(before);
      if (after >= 0 && isCounted && !(after === before && wasCounted)) addOrder(this.acc, after, o.orderTs[row], o.amountCents[row]);
    }
    this.note(repeated ? K.cdc_repeated : o.isDelete[row] === 1 ? K.order_deleted : K.order_upserted, after >= 0 ? after : before);
  }

  private addClickTo(p: number, r: number): void {
    const k = this.messages.clickstream;
    const t = k.eventTs[r];
    addClick(this.acc, p, t, k.productView[r] === 1, k.addToCart[r] === 1);
    if (t > this.since30d && t <= this.nowMs && !Number.isNaN(k.sessionId[r])) (this.sessions[p] ??= new Set()).add(k.sessionId[r]);
  }

  private click(row: number): boolean {
    const k = this.messages.clickstream;
    if (!this.firstArrival('clickstream', row)) return false;
    const rec = k.rec[row];
    const hasDevice = !Number.isNaN(k.device[row]);
    const d = hasDevice ? this.deviceSlot.rowSlot[row] : -1;
    if (rec >= 0) {
      this.clicksOf.add(rec, row);
      const p = this.personOf(rec);
      if (p >= 0) this.addClickTo(p, row);
      this.note(p >= 0 ? K.event_applied : K.unattributed, p);
      if (d >= 0) this.restitch(d, row);
      return true;
    }
    if (d < 0) {
      this.note(K.unattributed, -1);
      return true;
    }
    this.anonymousOf.add(d, row);
    const best = this.deviceBest[d];
    const p = best < 0 ? -1 : this.personOf(k.rec[best]);
    if (p >= 0) this.addClickTo(p, row);
    this.note(p >= 0 ? K.event_applied : K.unattributed, p);
    return true;
  }

  /** A logged-in event on a device: if it is the device's latest, the device's anonymous events follow it. */
  private restitch(d: number, row: number): void {
    const k = this.messages.clickstream;
    const best = this.deviceBest[d];
    if (best >= 0 && !isLater(k.eventTs[row], k.eventId[row], k.eventTs[best], k.eventId[best])) return;
    this.deviceBest[d] = row;
    const oldRec = best < 0 ? -1 : k.rec[best], newRec = k.rec[row];
    if (oldRec === newRec) return;
    if (oldRec >= 0) this.devicesOf.remove(oldRec, d);
    this.devicesOf.add(newRec, d);
    if (this.anonymousOf.isEmpty(d)) return;
    const before = this.personOf(oldRec), after = this.personOf(newRec);
    if (before === after) return;
    if (before >= 0) this.refoldClicks(before);
    if (after >= 0) this.foldAnonymousOf(after, d);
    this.note(K.device_stitched, after);
  }

  private ticket(row: number): boolean {
    const t = this.messages.support_tickets;
    if (!this.firstArrival('support_tickets', row)) return false;
    const v = t.email[row];
    if (v < 0) {
      this.note(K.unattributed, -1);
      return true;
    }
    // The email's first ticket: from now on it follows the email's owner (settleEmails).
    if (this.ticketsOfEmail.isEmpty(v)) this.emailOwner[v] = this.ownerOf(v);
    this.ticketsOfEmail.add(v, row);
    const p = this.emailOwner[v];
    if (p >= 0) addTicket(this.acc, p, t.isOpen[row] === 1, t.csat[row]);
    this.note(p >= 0 ? K.event_applied : K.unattributed, p);
    return true;
  }

  private campaign(row: number): boolean {
    const m = this.messages.campaign_events;
    if (!this.firstArrival('campaign_events', row)) return false;
    const rec = m.rec[row];
    if (rec >= 0) this.campaignsOf.add(rec, row);
    const p = this.personOf(rec);
    if (p >= 0) addCampaignEvent(this.acc, p, m.eventTs[row], m.type[row]);
    this.note(p >= 0 ? K.event_applied : K.unattributed, p);
    return true;
  }

  private consent(row: number): boolean {
    const m = this.messages.consent_events;
    if (!this.firstArrival('consent_events', row)) return false;
    const rec = m.rec[row];
    if (rec >= 0) this.consentOf.add(rec, row);
    const p = this.personOf(rec);
    if (p >= 0) addConsentEvent(this.acc, p, m.purpose[row], row, m.eventTs, m.eventId);
    this.note(p >= 0 ? K.event_applied : K.unattributed, p);
    return true;
  }

  // --- reading the state

  /** Whether a record slot has an accepted customer row, and that row. */
  customerRowOf(rec: number): number {
    return this.exists[rec] === 1 ? this.customerRow[rec] : -1;
  }

  /** The current raw row of each order, -1 for none; deleted orders keep their delete row. */
  currentOrderRows(): { row: Int32Array; deleted: Uint8Array } {
    const deleted = new Uint8Array(this.orderRow.length);
    for (let s = 0; s < deleted.length; s++) if (this.orderRow[s] >= 0 && this.messages.orders.isDelete[this.orderRow[s]] === 1) deleted[s] = 1;
    return { row: this.orderRow, deleted };
  }

  /** Devices' latest logged-in event rows (for checks against the batch's stitching). */
  deviceBestRow(device: number): number {
    const slot = this.deviceSlot.find(device);
    return slot < 0 ? -1 : this.deviceBest[slot];
  }

  sessionCount(p: number): number {
    return this.sessions[p]?.size ?? 0;
  }

  /**
   * Person p's windowed columns against another clock: the 30d and 90d windows ending at `clockMs`
   * (the replay clock) instead of the run's now, from the person's events. O(its events), for the
   * one profile a view follows; the accumulators (and the files) keep the run's now.
   */
  windowsAt(p: number, clockMs: number): LiveWindows {
    // The same fold functions as the live and batch folds, into a one-person accumulator whose
    // windows end at the clock: one definition of "in 30d" and "in 90d".
    const acc = emptyAccumulators(1, clockMs, CONSENT_PURPOSES.length);
    const { orders: o, clickstream: k, campaign_events: m } = this.messages;
    const sessions = new Set<number>();
    const click = (r: number) => {
      const t = k.eventTs[r];
      addClick(acc, 0, t, k.productView[r] === 1, k.addToCart[r] === 1);
      if (t > acc.since30d && t <= clockMs && !Number.isNaN(k.sessionId[r])) sessions.add(k.sessionId[r]);
    };
    for (const rec of p >= 0 && p < this.graph.components ? this.graph.membersOf(p) : []) {
      for (let slot = this.ordersOf.first(rec); slot >= 0; slot = this.ordersOf.after(slot)) {
        const r = this.orderRow[slot];
        if (o.counted[r] === 1) addOrder(acc, 0, o.orderTs[r], o.amountCents[r]);
      }
      for (let r = this.clicksOf.first(rec); r >= 0; r = this.clicksOf.after(r)) click(r);
      for (let d = this.devicesOf.first(rec); d >= 0; d = this.devicesOf.after(d)) {
        for (let r = this.anonymousOf.first(d); r >= 0; r = this.anonymousOf.after(r)) click(r);
      }
      for (let r = this.campaignsOf.first(rec); r >= 0; r = this.campaignsOf.after(r)) addCampaignEvent(acc, 0, m.eventTs[r], m.type[r]);
    }
    return {
      orders90d: acc.orders90d[0], revenue90dCents: acc.revenue90dCents[0], productViews30d: acc.productViews30d[0],
      addToCart30d: acc.addToCart30d[0], sessions30d: sessions.size, campaignSent90d: acc.campaignSent90d[0],
      campaignOpened90d: acc.campaignOpened90d[0], campaignClicked90d: acc.campaignClicked90d[0],
    };
  }
}

/** The windowed columns of one person against a chosen clock. */
export interface LiveWindows {
  orders90d: number;
  revenue90dCents: number;
  productViews30d: number;
  addToCart30d: number;
  sessions30d: number;
  campaignSent90d: number;
  campaignOpened90d: number;
  campaignClicked90d: number;
}

const sameNumber = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** (ts, id) order; a missing event_ts sorts first (the batch stitching's order). */
function isLater(ts: number, id: number, bestTs: number, bestId: number): boolean {
  const a = Number.isNaN(ts) ? -Infinity : ts;
  const b = Number.isNaN(bestTs) ? -Infinity : bestTs;
  return a > b || (a === b && id > bestId);
}
