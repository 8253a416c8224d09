// What a consumer of each topic reads from a message: the fields the live rules need, decoded once
// per row into typed arrays (the stream's deserialisation), with customer references resolved to
// dense record slots and identifier values interned, so the per-event rules touch only numbers.
import type { Table } from '../table';
import { columnIndex } from '../table';
import type { SourceName } from '../run';
import { SOURCE_NAMES } from '../run';
import { CONSENT_PURPOSES } from '../schema/enums';
import { columnCodes, columnNumbers, gatherDictionary } from '../silver/columns';
import { stringIds, type StringIds } from '../silver/string-ids';
import { textsAt } from '../silver/customer-records';
import { normalizeEmail, phoneE164 } from '../silver/normalize';

/** (source_system, source_customer_id) → a dense record slot, for customers and every event that names one. */
export class RecordSlots {
  // Per system, its ids interned (no joined key strings), and each interned id's slot.
  private readonly idsOf = new Map<string, { ids: StringIds; slot: number[] }>();
  readonly system: string[] = [];
  readonly id: string[] = [];

  /** `expected`: about how many records a system has, to size its id table. */
  constructor(private readonly expected = 0) {}

  slot(system: string | null, id: string | null): number {
    if (system === null || id === null || system === '' || id === '') return -1;
    let of = this.idsOf.get(system);
    if (of === undefined) this.idsOf.set(system, (of = { ids: stringIds(this.expected), slot: [] }));
    const local = of.ids.add(id);
    if (local < of.slot.length) return of.slot[local];
    const s = this.system.length;
    of.slot.push(s);
    this.system.push(system);
    this.id.push(id);
    return s;
  }

  /** The slot of a key, -1 when no row named it. */
  find(system: string, id: string): number {
    const of = this.idsOf.get(system);
    const local = of === undefined ? -1 : of.ids.find(id);
    return local < 0 ? -1 : of!.slot[local];
  }

  get count(): number {
    return this.system.length;
  }
}

export interface CustomerMessages {
  readonly rec: Int32Array;
  readonly updatedAt: Float64Array;
  /** Value id per identifier kind (email, phone, loyalty), -1 for none. */
  readonly values: readonly [Int32Array, Int32Array, Int32Array];
}

export interface OrderMessages {
  readonly orderId: Float64Array;
  readonly lsn: Float64Array;
  readonly isDelete: Uint8Array;
  readonly rec: Int32Array;
  readonly orderTs: Float64Array;
  readonly amountCents: Float64Array;
  readonly counted: Uint8Array;
  readonly updatedAt: Float64Array;
}

export interface ClickMessages {
  readonly eventId: Float64Array;
  readonly eventTs: Float64Array;
  readonly sessionId: Float64Array;
  /** anonymous_id as a number, NaN when empty. */
  readonly device: Float64Array;
  /** Slot of the web id when logged in, else -1. */
  readonly rec: Int32Array;
  readonly productView: Uint8Array;
  readonly addToCart: Uint8Array;
}

export interface TicketMessages {
  readonly ticketId: Float64Array;
  /** Normalized email as an email value id (shared with the customers'), -1 for none. */
  readonly email: Int32Array;
  readonly isOpen: Uint8Array;
  readonly csat: Float64Array;
  /** Later of opened_at and closed_at. */
  readonly eventTs: Float64Array;
}

export interface CampaignMessages {
  readonly eventId: Float64Array;
  readonly rec: Int32Array;
  readonly eventTs: Float64Array;
  /** 0 sent, 1 opened, 2 clicked, -1 another type. */
  readonly type: Int8Array;
}

export interface ConsentMessages {
  readonly eventId: Float64Array;
  readonly rec: Int32Array;
  readonly eventTs: Float64Array;
  /** Index in CONSENT_PURPOSES, -1 for another. */
  readonly purpose: Int8Array;
  /** 0 granted, 1 withdrawn, 2 another status. */
  readonly status: Int8Array;
}

export interface Messages {
  readonly slots: RecordSlots;
  /** Interned values per identifier kind (email, phone, loyalty): value id → text. */
  readonly valueIds: readonly [StringIds, StringIds, StringIds];
  readonly customers: CustomerMessages;
  readonly orders: OrderMessages;
  readonly clickstream: ClickMessages;
  readonly support_tickets: TicketMessages;
  readonly campaign_events: CampaignMessages;
  readonly consent_events: ConsentMessages;
  /** Each row's time for freshness (the contract's "latest time" column). */
  readonly eventTime: Readonly<Record<SourceName, Float64Array>>;
  /**
   * Each row's event time for the watermark: when the change or event happened (orders'
   * `updated_at`, tickets' `opened_at`). None for customers: a table snapshot is not an event stream.
   */
  readonly watermarkTime: Readonly<Record<SourceName, Float64Array | null>>;
}

const allRows = (t: Table) => {
  const rows = new Int32Array(t.rowCount);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  return rows;
};

/** A text-valued column over all rows as codes: event tables store customer ids as codes already. */
function codes(raw: Table, name: string): { codes: Int32Array; dict: readonly string[] } {
  return raw.columns[columnIndex(raw.schema, name)].kind === 'code' ? columnCodes(raw, name) : gatherDictionary(raw, name, allRows(raw));
}

/** 1 where a code is `value`, else 0. */
function flagsOf(codes: Int8Array, value: number): Uint8Array {
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] === value ? 1 : 0;
  return out;
}

const flags = (codes: Int8Array) => flagsOf(codes, 1);

function codesAs(raw: Table, name: string, meaning: (value: string) => number): Int8Array {
  const c = codes(raw, name);
  const map = c.dict.map(meaning);
  const out = new Int8Array(c.codes.length);
  for (let i = 0; i < c.codes.length; i++) out[i] = c.codes[i] < 0 ? -1 : map[c.codes[i]];
  return out;
}

/**
 * Slot per code of an id dictionary within one system, -2 until looked up. The event tables share
 * one dictionary of customer ids, so each (system, id) is hashed once for all of them.
 */
class SlotMemo {
  private readonly memos = new Map<readonly string[], Map<string, Int32Array>>();

  of(dict: readonly string[], system: string): Int32Array {
    let bySystem = this.memos.get(dict);
    if (bySystem === undefined) this.memos.set(dict, (bySystem = new Map()));
    let memo = bySystem.get(system);
    if (memo === undefined) bySystem.set(system, (memo = new Int32Array(dict.length).fill(-2)));
    return memo;
  }
}

/** Slot of each row's customer: `system` is a fixed system or the row's source_system column. */
function recordsOf(raw: Table, slots: RecordSlots, memo: SlotMemo, system: string | 'column'): Int32Array {
  const ids = codes(raw, 'source_customer_id');
  if (system !== 'column') return slotsByCode(ids.codes, memo.of(ids.dict, system), (k) => slots.slot(system, ids.dict[k]));
  const systems = codes(raw, 'source_system');
  const memos = systems.dict.map((name) => memo.of(ids.dict, name));
  return slotsBySystemAndCode(systems.codes, ids.codes, memos, (s, k) => slots.slot(systems.dict[s], ids.dict[k]));
}

// The two per-row loops, each small and monomorphic; a memo miss (once per distinct id) calls out.
function slotsByCode(idCodes: Int32Array, memo: Int32Array, resolve: (k: number) => number): Int32Array {
  const out = new Int32Array(idCodes.length);
  for (let i = 0; i < out.length; i++) {
    const k = idCodes[i];
    if (k < 0) out[i] = -1;
    else out[i] = memo[k] !== -2 ? memo[k] : (memo[k] = resolve(k));
  }
  return out;
}

function slotsBySystemAndCode(systemCodes: Int32Array, idCodes: Int32Array, memos: Int32Array[], resolve: (s: number, k: number) => number): Int32Array {
  const out = new Int32Array(idCodes.length);
  for (let i = 0; i < out.length; i++) {
    const s = systemCodes[i], k = idCodes[i];
    if (s < 0 || k < 0) out[i] = -1;
    else out[i] = memos[s][k] !== -2 ? memos[s][k] : (memos[s][k] = resolve(s, k));
  }
  return out;
}

/** Customers name each record once or a few times (versions): their id text is looked up row by row. */
function customerRecords(c: Table, rows: Int32Array, slots: RecordSlots): Int32Array {
  if (c.columns[columnIndex(c.schema, 'source_customer_id')].kind === 'code') return recordsOf(c, slots, new SlotMemo(), 'column');
  const systems = codes(c, 'source_system');
  const ids = textsAt(c, 'source_customer_id', rows);
  const out = new Int32Array(c.rowCount);
  for (let r = 0; r < out.length; r++) out[r] = systems.codes[r] < 0 ? -1 : slots.slot(systems.dict[systems.codes[r]], ids[r]);
  return out;
}

/** Interned identifier values (-1 for none): email, phone and loyalty id as silver normalizes them. */
function customerValues(c: Table, rows: Int32Array, ids: readonly [StringIds, StringIds, StringIds]): [Int32Array, Int32Array, Int32Array] {
  const country = textsAt(c, 'country', rows);
  const email = textsAt(c, 'email', rows), phone = textsAt(c, 'phone', rows), loyalty = textsAt(c, 'loyalty_id', rows);
  const values: [Int32Array, Int32Array, Int32Array] = [new Int32Array(c.rowCount), new Int32Array(c.rowCount), new Int32Array(c.rowCount)];
  for (let r = 0; r < c.rowCount; r++) {
    values[0][r] = idOf(ids[0], normalizeEmail(email[r]));
    values[1][r] = idOf(ids[1], phoneE164(phone[r], country[r]));
    values[2][r] = idOf(ids[2], loyalty[r]);
  }
  return values;
}

function emailIds(emails: readonly (string | null)[], ids: StringIds): Int32Array {
  const out = new Int32Array(emails.length);
  for (let i = 0; i < out.length; i++) out[i] = idOf(ids, normalizeEmail(emails[i]));
  return out;
}

const idOf = (ids: StringIds, value: string | null) => (value === null ? -1 : ids.add(value));

export function decodeMessages(raw: Readonly<Record<SourceName, Table>>): Messages {
  const c = raw.customers, cRows = allRows(c);
  const slots = new RecordSlots(c.rowCount), memo = new SlotMemo();
  // Emails also come from tickets: room for both up front.
  const valueIds: [StringIds, StringIds, StringIds] = [stringIds(c.rowCount + raw.support_tickets.rowCount), stringIds(c.rowCount), stringIds(c.rowCount)];
  const customers: CustomerMessages = {
    rec: customerRecords(c, cRows, slots), updatedAt: columnNumbers(c, 'updated_at'), values: customerValues(c, cRows, valueIds),
  };

  const o = raw.orders;
  const orders: OrderMessages = {
    orderId: columnNumbers(o, 'order_id'),
    lsn: columnNumbers(o, 'lsn'),
    isDelete: flags(codesAs(o, 'op', (v) => (v === 'd' ? 1 : 0))),
    rec: recordsOf(o, slots, memo, 'column'),
    orderTs: columnNumbers(o, 'order_ts'),
    amountCents: columnNumbers(o, 'amount'),
    counted: flags(codesAs(o, 'status', (v) => (v === 'placed' || v === 'shipped' || v === 'delivered' ? 1 : 0))),
    updatedAt: columnNumbers(o, 'updated_at'),
  };

  const k = raw.clickstream;
  const clickType = codesAs(k, 'event_type', (v) => (v === 'product_view' ? 1 : v === 'add_to_cart' ? 2 : 0));
  const clickstream: ClickMessages = {
    eventId: columnNumbers(k, 'event_id'),
    eventTs: columnNumbers(k, 'event_ts'),
    sessionId: columnNumbers(k, 'session_id'),
    device: columnNumbers(k, 'anonymous_id'),
    rec: recordsOf(k, slots, memo, 'web'),
    productView: flagsOf(clickType, 1),
    addToCart: flagsOf(clickType, 2),
  };

  const t = raw.support_tickets, tRows = allRows(t);
  const ticketEmail = textsAt(t, 'email', tRows);
  const opened = columnNumbers(t, 'opened_at'), closed = columnNumbers(t, 'closed_at');
  const support_tickets: TicketMessages = {
    ticketId: columnNumbers(t, 'ticket_id'),
    email: emailIds(ticketEmail, valueIds[0]),
    isOpen: flags(codesAs(t, 'status', (v) => (v === 'open' || v === 'pending' ? 1 : 0))),
    csat: columnNumbers(t, 'csat_score'),
    eventTs: laterOfEach(opened, closed),
  };

  const m = raw.campaign_events;
  const campaign_events: CampaignMessages = {
    eventId: columnNumbers(m, 'event_id'),
    rec: recordsOf(m, slots, memo, 'crm'),
    eventTs: columnNumbers(m, 'event_ts'),
    type: codesAs(m, 'event_type', (v) => (v === 'sent' ? 0 : v === 'opened' ? 1 : v === 'clicked' ? 2 : -1)),
  };

  const n = raw.consent_events;
  const consent_events: ConsentMessages = {
    eventId: columnNumbers(n, 'event_id'),
    rec: recordsOf(n, slots, memo, 'column'),
    eventTs: columnNumbers(n, 'event_ts'),
    purpose: codesAs(n, 'purpose', (v) => (CONSENT_PURPOSES as readonly string[]).indexOf(v)),
    status: codesAs(n, 'status', (v) => (v === 'granted' ? 0 : v === 'withdrawn' ? 1 : 2)),
  };

  const eventTime: Record<SourceName, Float64Array> = {
    customers: customers.updatedAt, orders: orders.updatedAt, clickstream: clickstream.eventTs,
    support_tickets: support_tickets.eventTs, campaign_events: campaign_events.eventTs, consent_events: consent_events.eventTs,
  };
  for (const s of SOURCE_NAMES) if (eventTime[s].length !== raw[s].rowCount) throw new Error(`decode ${s}: row count mismatch`);
  const watermarkTime: Record<SourceName, Float64Array | null> = { ...eventTime, customers: null, support_tickets: opened };
  return { slots, valueIds, customers, orders, clickstream, support_tickets, campaign_events, consent_events, eventTime, watermarkTime };
}

function laterOfEach(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = laterOf(a[i], b[i]);
  return out;
}

function laterOf(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a > b ? a : b;
}
