// What a consumer of each topic reads from a message: the fields the live rules need, decoded once
// per row into typed arrays (the stream's deserialisation), with customer references resolved to
// dense record slots and identifier values interned, so the per-event rules touch only numbers.
import type { Table } from '../table';
import { columnIndex } from '../table';
import type { SourceName } from '../run';
import { SOURCE_NAMES } from '../run';
import { CONSENT_PURPOSES } from '../schema/enums';
import { gatherCodes, gatherDictionary, gatherNumbers } from '../silver/columns';
import { textsAt } from '../silver/customer-records';
import { normalizeEmail, phoneE164 } from '../silver/normalize';

/** (source_system, source_customer_id) → a dense record slot, for customers and every event that names one. */
export class RecordSlots {
  private readonly slotOf = new Map<string, number>();
  readonly system: string[] = [];
  readonly id: string[] = [];

  slot(system: string | null, id: string | null): number {
    if (system === null || id === null || system === '' || id === '') return -1;
    const key = system + '\u0000' + id;
    let s = this.slotOf.get(key);
    if (s === undefined) {
      s = this.system.length;
      this.slotOf.set(key, s);
      this.system.push(system);
      this.id.push(id);
    }
    return s;
  }

  /** The slot of a key, -1 when no row named it. */
  find(system: string, id: string): number {
    return this.slotOf.get(system + '\u0000' + id) ?? -1;
  }

  get count(): number {
    return this.system.length;
  }
}

/** Identifier values of one kind, interned: value id → text. */
export class ValueIds {
  private readonly idOf = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string | null): number {
    if (value === null) return -1;
    let v = this.idOf.get(value);
    if (v === undefined) {
      v = this.values.length;
      this.idOf.set(value, v);
      this.values.push(value);
    }
    return v;
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
  /** Interned values per identifier kind (email, phone, loyalty). */
  readonly valueIds: readonly [ValueIds, ValueIds, ValueIds];
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

/** A numeric column over all rows: the stored values themselves when no cell carries override text. */
function numbers(raw: Table, name: string, rows: Int32Array): Float64Array {
  const col = raw.columns[columnIndex(raw.schema, name)];
  const clean = col.overrides === undefined || col.overrides.size === 0;
  if (clean && col.kind === 'number') return col.values;
  if (clean && col.kind === 'id') return col.nums;
  return gatherNumbers(raw, name, rows);
}

/** A code column over all rows: the stored codes themselves when no cell carries override text. */
function codes(raw: Table, name: string, rows: Int32Array): { codes: Int32Array; dict: readonly string[] } {
  const col = raw.columns[columnIndex(raw.schema, name)];
  if (col.kind === 'code' && (col.overrides === undefined || col.overrides.size === 0)) return { codes: col.codes, dict: col.dict };
  return col.kind === 'code' ? gatherCodes(raw, name, rows) : gatherDictionary(raw, name, rows);
}

/** 1 where a code is 1, else 0. */
function flags(codes: Int8Array): Uint8Array {
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] === 1 ? 1 : 0;
  return out;
}

function codesAs(raw: Table, name: string, rows: Int32Array, meaning: (value: string) => number): Int8Array {
  const c = codes(raw, name, rows);
  const map = c.dict.map(meaning);
  const out = new Int8Array(c.codes.length);
  for (let i = 0; i < c.codes.length; i++) out[i] = c.codes[i] < 0 ? -1 : map[c.codes[i]];
  return out;
}

/** Slot of each row's customer: `system` is a fixed system or the row's source_system column. Each distinct pair is looked up once. */
function recordsOf(raw: Table, rows: Int32Array, slots: RecordSlots, system: string | 'column'): Int32Array {
  const ids = codes(raw, 'source_customer_id', rows);
  const systems = system === 'column' ? codes(raw, 'source_system', rows) : { codes: new Int32Array(rows.length), dict: [system] };
  const width = Math.max(1, systems.dict.length);
  const memo = new Int32Array(ids.dict.length * width).fill(-2);
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const s = systems.codes[i], k = ids.codes[i];
    if (s < 0 || k < 0) {
      out[i] = -1;
      continue;
    }
    const at = k * width + s;
    if (memo[at] === -2) memo[at] = slots.slot(systems.dict[s], ids.dict[k]);
    out[i] = memo[at];
  }
  return out;
}

export function decodeMessages(raw: Readonly<Record<SourceName, Table>>): Messages {
  const slots = new RecordSlots();
  const valueIds: [ValueIds, ValueIds, ValueIds] = [new ValueIds(), new ValueIds(), new ValueIds()];

  const c = raw.customers, cRows = allRows(c);
  const country = textsAt(c, 'country', cRows);
  const email = textsAt(c, 'email', cRows), phone = textsAt(c, 'phone', cRows), loyalty = textsAt(c, 'loyalty_id', cRows);
  const values: [Int32Array, Int32Array, Int32Array] = [new Int32Array(c.rowCount), new Int32Array(c.rowCount), new Int32Array(c.rowCount)];
  for (let r = 0; r < c.rowCount; r++) {
    values[0][r] = valueIds[0].id(normalizeEmail(email[r]));
    values[1][r] = valueIds[1].id(phoneE164(phone[r], country[r]));
    values[2][r] = valueIds[2].id(loyalty[r]);
  }
  const customers: CustomerMessages = { rec: recordsOf(c, cRows, slots, 'column'), updatedAt: numbers(c, 'updated_at', cRows), values };

  const o = raw.orders, oRows = allRows(o);
  const orders: OrderMessages = {
    orderId: numbers(o, 'order_id', oRows),
    lsn: numbers(o, 'lsn', oRows),
    isDelete: flags(codesAs(o, 'op', oRows, (v) => (v === 'd' ? 1 : 0))),
    rec: recordsOf(o, oRows, slots, 'column'),
    orderTs: numbers(o, 'order_ts', oRows),
    amountCents: numbers(o, 'amount', oRows),
    counted: flags(codesAs(o, 'status', oRows, (v) => (v === 'placed' || v === 'shipped' || v === 'delivered' ? 1 : 0))),
    updatedAt: numbers(o, 'updated_at', oRows),
  };

  const k = raw.clickstream, kRows = allRows(k);
  const clickType = codesAs(k, 'event_type', kRows, (v) => (v === 'product_view' ? 1 : v === 'add_to_cart' ? 2 : 0));
  const clickstream: ClickMessages = {
    eventId: numbers(k, 'event_id', kRows),
    eventTs: numbers(k, 'event_ts', kRows),
    sessionId: numbers(k, 'session_id', kRows),
    device: numbers(k, 'anonymous_id', kRows),
    rec: recordsOf(k, kRows, slots, 'web'),
    productView: flags(clickType),
    addToCart: flags(Int8Array.from(clickType, (v) => v - 1)),
  };

  const t = raw.support_tickets, tRows = allRows(t);
  const ticketEmail = textsAt(t, 'email', tRows);
  const opened = numbers(t, 'opened_at', tRows), closed = numbers(t, 'closed_at', tRows);
  const support_tickets: TicketMessages = {
    ticketId: numbers(t, 'ticket_id', tRows),
    email: Int32Array.from(ticketEmail, (e) => valueIds[0].id(normalizeEmail(e))),
    isOpen: flags(codesAs(t, 'status', tRows, (v) => (v === 'open' || v === 'pending' ? 1 : 0))),
    csat: numbers(t, 'csat_score', tRows),
    eventTs: Float64Array.from(opened, (a, i) => laterOf(a, closed[i])),
  };

  const m = raw.campaign_events, mRows = allRows(m);
  const campaign_events: CampaignMessages = {
    eventId: numbers(m, 'event_id', mRows),
    rec: recordsOf(m, mRows, slots, 'crm'),
    eventTs: numbers(m, 'event_ts', mRows),
    type: codesAs(m, 'event_type', mRows, (v) => (v === 'sent' ? 0 : v === 'opened' ? 1 : v === 'clicked' ? 2 : -1)),
  };

  const n = raw.consent_events, nRows = allRows(n);
  const consent_events: ConsentMessages = {
    eventId: numbers(n, 'event_id', nRows),
    rec: recordsOf(n, nRows, slots, 'column'),
    eventTs: numbers(n, 'event_ts', nRows),
    purpose: codesAs(n, 'purpose', nRows, (v) => (CONSENT_PURPOSES as readonly string[]).indexOf(v)),
    status: codesAs(n, 'status', nRows, (v) => (v === 'granted' ? 0 : v === 'withdrawn' ? 1 : 2)),
  };

  const eventTime: Record<SourceName, Float64Array> = {
    customers: customers.updatedAt, orders: orders.updatedAt, clickstream: clickstream.eventTs,
    support_tickets: support_tickets.eventTs, campaign_events: campaign_events.eventTs, consent_events: consent_events.eventTs,
  };
  for (const s of SOURCE_NAMES) if (eventTime[s].length !== raw[s].rowCount) throw new Error(`decode ${s}: row count mismatch`);
  const watermarkTime: Record<SourceName, Float64Array | null> = { ...eventTime, customers: null, support_tickets: opened };
  return { slots, valueIds, customers, orders, clickstream, support_tickets, campaign_events, consent_events, eventTime, watermarkTime };
}

function laterOf(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a > b ? a : b;
}
