// orders.csv: the change log of the orders table, one row per captured change, in arrival order.
// An order is created (`c`, placed), then updated (`u`) as it ships and is delivered, cancelled or
// returned; some cancelled orders are purged (`d`). Changes that would happen after `now` have
// not happened yet, so recent orders are still placed or shipped.
import type { Rng } from '../random';
import { code, id, makeTable, num, text, type Column, type Table } from '../table';
import { rawOrders } from '../schema/raw';
import { CDC_OPS, ORDER_CHANNELS, ORDER_STATUSES, SOURCE_SYSTEMS } from '../schema/enums';
import { between, DAY_S, HOUR_S, MINUTE_S, poisson, soon, type Clock } from './calendar';
import { RowBuilder } from './builders';
import { give, take } from './pool';
import { CRM, customerIdText, STORE, WEB, type CustomerRecords, type People } from './customers';
import { LOCALES } from './locales';
import { badAmount, badTimestamp, futureTimestamp, malformedCount, Malformations, planReasons } from './malformed';
import { orderByKey } from './sort';

const OP_C = 0, OP_U = 1, OP_D = 2;
const PLACED = 0, SHIPPED = 1, DELIVERED = 2, CANCELLED = 3, RETURNED = 4;
const CH_WEB = 0, CH_APP = 1, CH_STORE = 2;
const YEAR_S = 365 * DAY_S;
/** Orders per person-year of activity at activity 1 (tuned for ~3 orders per person). */
const ORDERS_PER_YEAR = 3.6;
const ORPHAN_RATE = 0.005;
const OUT_OF_ORDER_RATE = 0.004;
const DUPLICATE_RATE = 0.005;

/** exp(0.75 z) at 4096 quantiles of the standard normal: a lognormal by table lookup. */
const BASKET_SPREAD = Float64Array.from({ length: 4096 }, (_, i) => Math.exp(0.75 * normalQuantile((i + 0.5) / 4096)));

/** Inverse of the standard normal CDF (Acklam's rational approximation, error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** What later generators (tickets, clickstream) need to know about each order. */
export interface OrderFacts {
  readonly count: number;
  /** Person of the order, or -1 for orphans. */
  readonly person: Int32Array;
  /** Orders of person p, in time order: byPerson[personStart[p]] .. byPerson[personStart[p + 1] - 1]. */
  readonly personStart: Uint32Array;
  readonly byPerson: Uint32Array;
  readonly orderT: Uint32Array;
  readonly channel: Uint8Array;
  /** Status of the newest change (before a delete) and when it happened. */
  readonly lastStatus: Uint8Array;
  readonly lastT: Uint32Array;
}

export interface OrdersResult {
  readonly table: Table;
  readonly facts: OrderFacts;
  readonly injected: Record<string, number>;
}

const COL = Object.fromEntries(rawOrders.columns.map((c, i) => [c.name, i])) as Record<string, number>;

/** Orders and their changes as array-of-structs rows (see RowBuilder). An order row keeps the
 *  changes after its create (at most three) until they are written out as change rows. */
const O_PERSON = 0, O_T = 1, O_CHANNEL = 2, O_SYSTEM = 3, O_AMOUNT = 4, O_ID = 5, O_LAST_STATUS = 6, O_LAST_T = 7;
const O_STEPS = 8, O_STEP_T = 9; // O_STEPS: count | (op | status << 2) << (4 + 5k); O_STEP_T + k: time of step k
const O_STRIDE = 12;
const C_ORDER = 0, C_OP_STATUS = 1, C_T = 2, C_LSN = 3;

class OrderBook {
  readonly orders: RowBuilder;
  readonly customer: string[] = [];
  /** Changes in all orders, creates included. */
  changeCount = 0;
  private status = 0;
  private at = 0;
  private row = 0;

  constructor(
    private readonly rng: Rng,
    private readonly nowT: number,
    expectedOrders: number,
  ) {
    this.orders = new RowBuilder(O_STRIDE, expectedOrders, true);
  }

  /** An order and its life so far: placed, then shipped/delivered/returned or cancelled (and purged). */
  add(person: number, t: number, channel: number, sys: number, customerId: string, orphan: boolean): void {
    const rng = this.rng;
    // Lognormal basket: median $45 online, $38 in store, a long tail to several hundred.
    const median = channel === CH_STORE ? 38 : 45;
    let cents = Math.round(median * BASKET_SPREAD[(rng.next() * BASKET_SPREAD.length) | 0] * 100);
    cents = Math.max(199, Math.floor(cents / 10) * 10 + 9);
    const b = this.orders.add();
    const buf = this.orders.buf;
    buf[b + O_PERSON] = person + 1;
    buf[b + O_T] = t;
    buf[b + O_CHANNEL] = channel;
    buf[b + O_SYSTEM] = sys;
    buf[b + O_AMOUNT] = cents;
    this.customer.push(customerId);

    this.row = b;
    this.status = PLACED;
    this.at = t;
    this.changeCount++;
    if (channel === CH_STORE) {
      if (rng.chance(0.02)) this.step(OP_U, CANCELLED, between(rng, MINUTE_S, 10 * MINUTE_S));
      else if (this.step(OP_U, DELIVERED, between(rng, MINUTE_S, 20 * MINUTE_S)) && rng.chance(0.04)) {
        this.step(OP_U, RETURNED, between(rng, DAY_S, 20 * DAY_S));
      }
    } else if (rng.chance(0.06)) {
      if (this.step(OP_U, CANCELLED, soon(rng, 5 * MINUTE_S, 36 * HOUR_S)) && !orphan && rng.chance(0.35)) {
        const at = this.at;
        this.step(OP_D, CANCELLED, between(rng, DAY_S, 30 * DAY_S));
        this.at = at; // the purge is not a status change
      }
    } else if (
      this.step(OP_U, SHIPPED, between(rng, 4 * HOUR_S, 3 * DAY_S)) &&
      this.step(OP_U, DELIVERED, between(rng, DAY_S, 6 * DAY_S)) &&
      rng.chance(0.05)
    ) {
      this.step(OP_U, RETURNED, between(rng, 2 * DAY_S, 25 * DAY_S));
    }
    const ob = this.orders.buf;
    ob[b + O_LAST_STATUS] = this.status;
    ob[b + O_LAST_T] = this.at;
  }

  /** The next change `lag` seconds later, unless that is after now. */
  private step(op: number, status: number, lag: number): boolean {
    if (this.at + lag > this.nowT) return false;
    this.at += lag;
    this.status = status;
    const buf = this.orders.buf;
    const steps = buf[this.row + O_STEPS];
    const k = steps & 15;
    buf[this.row + O_STEPS] = (steps + 1) | ((op | (status << 2)) << (4 + 5 * k));
    buf[this.row + O_STEP_T + k] = this.at;
    this.changeCount++;
    return true;
  }

  /** Change rows (create, then steps), order by order: nearly in commit order already. */
  changes(): Uint32Array {
    const out = take(this.changeCount * 4);
    const ob = this.orders.buf;
    let c = 0;
    for (let o = 0; o < this.orders.length; o++) {
      const b = o * O_STRIDE;
      out[c + C_ORDER] = o;
      out[c + C_OP_STATUS] = OP_C | (PLACED << 4);
      out[c + C_T] = ob[b + O_T];
      c += 4;
      const steps = ob[b + O_STEPS];
      for (let k = 0; k < (steps & 15); k++) {
        const bits = (steps >>> (4 + 5 * k)) & 31;
        out[c + C_ORDER] = o;
        out[c + C_OP_STATUS] = (bits & 3) | ((bits >> 2) << 4);
        out[c + C_T] = ob[b + O_STEP_T + k];
        c += 4;
      }
    }
    return out;
  }
}

export function generateOrders(
  rng: Rng, clock: Clock, people: People, records: CustomerRecords, erasedIds: readonly (readonly string[])[], issues: boolean,
): OrdersResult {
  const nowT = clock.nowT;
  // Drafts first (who orders when, where), then the orders in time order: their changes come out
  // almost in commit order, so sorting and filing them touches memory nearly sequentially.
  const drafts = new RowBuilder(4, Math.round(people.realCount * 3.4), true);
  const orphanIds: string[] = [];
  const draft = (person: number, t: number, channel: number, sys: number, ref: number): void => {
    const b = drafts.add();
    const buf = drafts.buf;
    buf[b] = person + 1;
    buf[b + 1] = t;
    buf[b + 2] = channel | (sys << 4);
    buf[b + 3] = ref;
  };

  for (let p = 0; p < people.realCount; p++) {
    const tz = LOCALES[people.locale[p]].utcOffsetHours;
    const web = people.webRecord[p], store = people.storeRecord[p];
    const first = people.recStart[p];
    // Where this person shops.
    const pWeb = web >= 0 ? (store >= 0 ? 0.45 : 0.6) : store >= 0 ? 0.08 : 0.4;
    const pApp = web >= 0 ? (store >= 0 ? 0.25 : 0.4) : store >= 0 ? 0.04 : 0.3;
    const start = people.startT[p];
    const end = Math.min(people.endT[p], nowT - MINUTE_S);
    let n = poisson(rng, ((ORDERS_PER_YEAR * people.activity[p]) * (end - start)) / YEAR_S);
    // Many accounts are opened at the first checkout.
    const signupOrder = records.system[first] !== CRM && rng.chance(0.45);
    if (signupOrder) n++;
    for (let k = 0; k < n; k++) {
      const u = rng.next();
      let channel = u < pWeb ? CH_WEB : u < pWeb + pApp ? CH_APP : CH_STORE;
      let t: number;
      if (k === 0 && signupOrder) {
        channel = records.system[first] === STORE ? CH_STORE : u < 0.6 ? CH_WEB : CH_APP;
        t = Math.min(nowT - MINUTE_S, start + between(rng, MINUTE_S, 15 * MINUTE_S));
      } else {
        t = clock.sample(rng, start, end, channel === CH_STORE ? 'store' : 'online', tz);
      }
      // The record of the system that took the order, if the person had one by then.
      const wanted = channel === CH_STORE ? store : web;
      const rec = wanted >= 0 && records.createdT[wanted] <= t ? wanted : first;
      draft(p, t, channel, records.system[rec], rec);
    }
  }

  // Orphans: orders of erased accounts, and of accounts created after the customer snapshot.
  let orphans = 0;
  if (issues) {
    orphans = Math.max(1, Math.round(drafts.length * ORPHAN_RATE));
    let maxWeb = 0;
    for (let i = 0; i < records.count; i++) if (records.system[i] === WEB) maxWeb = Math.max(maxWeb, records.idNum[i]);
    const pool = [...erasedIds[WEB], ...erasedIds[STORE]];
    for (let k = 0; k < orphans; k++) {
      const erased = pool.length > 0 && rng.chance(0.6);
      const customerId = erased ? rng.pick(pool) : customerIdText(WEB, maxWeb + 1 + rng.int(40));
      const sys = customerId.charAt(0) === 'S' ? STORE : WEB;
      const channel = sys === STORE ? CH_STORE : rng.chance(0.6) ? CH_WEB : CH_APP;
      const t = erased
        ? clock.sample(rng, nowT - YEAR_S, nowT - HOUR_S, sys === STORE ? 'store' : 'online', 3)
        : between(rng, nowT - 3 * DAY_S, nowT - HOUR_S);
      draft(-1, t, channel, sys, orphanIds.length);
      orphanIds.push(customerId);
    }
  }

  const byTime = orderByKey(drafts.buf, drafts.length, 4, 1, take(drafts.length));
  const book = new OrderBook(rng, nowT, drafts.length);
  const db = drafts.buf;
  for (let k = 0; k < byTime.length; k++) {
    const b = byTime[k] * 4;
    const person = db[b] - 1;
    const cs = db[b + 2];
    const customerId = person >= 0 ? records.id[db[b + 3]] : orphanIds[db[b + 3]];
    book.add(person, db[b + 1], cs & 15, cs >> 4, customerId, person < 0);
  }
  give(byTime);
  drafts.release();

  const orderCount = book.orders.length;
  const ob = book.orders.buf;
  const cb = book.changes();
  const n = book.changeCount;

  // Commit order: lsn increases with updated_at; order ids follow the creates in commit order.
  const byCommit = orderByKey(cb, n, 4, C_T, take(n));
  let nextLsn = 21_000_000 + rng.int(1_000_000);
  let nextOrderId = 1;
  for (let k = 0; k < n; k++) {
    const c = byCommit[k] * 4;
    nextLsn += between(rng, 1, 40);
    cb[c + C_LSN] = nextLsn;
    if ((cb[c + C_OP_STATUS] & 15) === OP_C) ob[cb[c + C_ORDER] * O_STRIDE + O_ID] = nextOrderId++;
  }
  const orderOf = (r: number) => cb[r * 4 + C_ORDER];

  // Arrival: commit order, except delayed changes (out of order) and second deliveries (duplicates).
  const insertAfter: number[] = [];
  const insertRow: number[] = [];
  const delayed = new Uint8Array(n);
  const touched = new Uint8Array(orderCount); // orders that already carry an injected problem
  for (let o = 0; o < orderCount; o++) if (ob[o * O_STRIDE + O_PERSON] === 0) touched[o] = 1;
  const malformed = new Malformations(n);
  if (issues) {
    // Position (in commit order) of the next change of the same order, or -1.
    const nextPos = new Int32Array(take(n).buffer, 0, n).fill(-1);
    const lastPos = new Int32Array(take(orderCount).buffer, 0, orderCount).fill(-1);
    for (let k = 0; k < n; k++) {
      const o = orderOf(byCommit[k]);
      if (lastPos[o] >= 0) nextPos[lastPos[o]] = k;
      lastPos[o] = k;
    }
    give(new Uint32Array(lastPos.buffer));
    const pickPosition = (ok: (k: number) => boolean): number => {
      for (let tries = 0; tries < 10_000; tries++) {
        const k = rng.int(n);
        if (!touched[orderOf(byCommit[k])] && ok(k)) return k;
      }
      return -1;
    };
    const outOfOrder = Math.max(1, Math.round(n * OUT_OF_ORDER_RATE));
    for (let i = 0; i < outOfOrder; i++) {
      const k = pickPosition((k) => nextPos[k] >= 0);
      if (k < 0) break;
      touched[orderOf(byCommit[k])] = 1;
      delayed[byCommit[k]] = 1;
      insertAfter.push(Math.min(n - 1, nextPos[k] + between(rng, 0, 20)));
      insertRow.push(byCommit[k]);
    }
    const duplicates = Math.max(1, Math.round(n * DUPLICATE_RATE));
    for (let i = 0; i < duplicates; i++) {
      const k = pickPosition(() => true);
      if (k < 0) break;
      touched[orderOf(byCommit[k])] = 1;
      // Redelivered before the order's next change arrives, so it is a duplicate and nothing else.
      const limit = nextPos[k] >= 0 ? nextPos[k] - 1 : Math.min(n - 1, k + 200);
      insertAfter.push(k + between(rng, 0, Math.min(50, limit - k)));
      insertRow.push(byCommit[k]);
    }
    give(new Uint32Array(nextPos.buffer));
    // Malformed changes: on untouched orders of known customers, never a delete and never the
    // only change of its order (the order keeps a good state).
    const changesOf = new Uint8Array(orderCount);
    for (let r = 0; r < n; r++) changesOf[orderOf(r)]++;
    const reasons = planReasons(rng, malformedCount(rng, n), ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'unparseable_amount', 'future_timestamp']);
    for (const reason of reasons) {
      const k = pickPosition((k) => (cb[byCommit[k] * 4 + C_OP_STATUS] & 15) !== OP_D && changesOf[orderOf(byCommit[k])] >= 2);
      if (k < 0) break;
      const r = byCommit[k];
      const o = orderOf(r);
      touched[o] = 1;
      malformOrderChange(rng, clock, malformed, r, reason, cb[r * 4 + C_OP_STATUS] >> 4, ob[o * O_STRIDE + O_T], cb[r * 4 + C_T], ob[o * O_STRIDE + O_AMOUNT]);
    }
  }

  // Final arrival order.
  const inserts = insertAfter.map((_, i) => i).sort((a, b) => insertAfter[a] - insertAfter[b] || a - b);
  let delayedCount = 0;
  for (let r = 0; r < n; r++) delayedCount += delayed[r];
  const rows = n + insertRow.length - delayedCount;
  const arrival = take(rows);
  let at = 0;
  let next = 0;
  for (let k = 0; k < n; k++) {
    const r = byCommit[k];
    if (!delayed[r]) arrival[at++] = r;
    while (next < inserts.length && insertAfter[inserts[next]] === k) arrival[at++] = insertRow[inserts[next++]];
  }
  if (at !== rows) throw new Error(`orders: arrival has ${at} rows, expected ${rows}`);

  const lsnCol = new Float64Array(rows);
  const opCol = new Int32Array(rows);
  const orderIdCol = new Float64Array(rows);
  const systemCol = new Int32Array(rows);
  const customerCol: (string | null)[] = new Array(rows);
  const orderTsCol = new Float64Array(rows);
  const statusCol = new Int32Array(rows);
  const channelCol = new Int32Array(rows);
  const amountCol = new Float64Array(rows);
  const currencyCol: (string | null)[] = new Array(rows);
  const updatedCol = new Float64Array(rows);
  const baseMs = clock.toMs(0);
  for (let f = 0; f < rows; f++) {
    const r = arrival[f];
    const c = r * 4;
    const o = cb[c + C_ORDER];
    const ox = o * O_STRIDE;
    const op = cb[c + C_OP_STATUS] & 15;
    lsnCol[f] = cb[c + C_LSN];
    opCol[f] = op;
    orderIdCol[f] = ob[ox + O_ID];
    updatedCol[f] = baseMs + cb[c + C_T] * 1000;
    if (op === OP_D) {
      // A delete carries the key only.
      systemCol[f] = -1;
      customerCol[f] = null;
      orderTsCol[f] = NaN;
      statusCol[f] = -1;
      channelCol[f] = -1;
      amountCol[f] = NaN;
      currencyCol[f] = null;
    } else {
      systemCol[f] = ob[ox + O_SYSTEM];
      customerCol[f] = book.customer[o];
      orderTsCol[f] = baseMs + ob[ox + O_T] * 1000;
      statusCol[f] = cb[c + C_OP_STATUS] >> 4;
      channelCol[f] = ob[ox + O_CHANNEL];
      amountCol[f] = ob[ox + O_AMOUNT];
      currencyCol[f] = 'USD';
    }
  }
  const columns: Column[] = [
    num(lsnCol), code(opCol, CDC_OPS), id(orderIdCol, 'O', 8), code(systemCol, SOURCE_SYSTEMS), text(customerCol),
    num(orderTsCol), code(statusCol, ORDER_STATUSES), code(channelCol, ORDER_CHANNELS), num(amountCol), text(currencyCol),
    num(updatedCol),
  ];
  const flagged = issues ? malformed.apply(columns, rows, (f) => arrival[f]) : undefined;
  const table = makeTable(rawOrders, rows, columns, flagged);

  const injected: Record<string, number> = {
    orphan_orders: orphans,
    ...countCdcProblems(table, flagged),
  };
  malformed.addCounts(injected);

  // Orders of each person, in time order (a counting sort by person).
  const personStart = new Uint32Array(people.realCount + 1);
  const person = new Int32Array(orderCount);
  const orderChannel = new Uint8Array(orderCount);
  const lastStatus = new Uint8Array(orderCount);
  for (let o = 0; o < orderCount; o++) {
    const p = ob[o * O_STRIDE + O_PERSON] - 1;
    person[o] = p;
    orderChannel[o] = ob[o * O_STRIDE + O_CHANNEL];
    lastStatus[o] = ob[o * O_STRIDE + O_LAST_STATUS];
    if (p >= 0) personStart[p + 1]++;
  }
  for (let p = 0; p < people.realCount; p++) personStart[p + 1] += personStart[p];
  const byPerson = new Uint32Array(personStart[people.realCount]);
  const fill = personStart.slice(0, people.realCount);
  for (let o = 0; o < orderCount; o++) if (person[o] >= 0) byPerson[fill[person[o]]++] = o;
  const facts: OrderFacts = {
    count: orderCount, person, personStart, byPerson, orderT: book.orders.column(O_T), channel: orderChannel,
    lastStatus, lastT: book.orders.column(O_LAST_T),
  };
  for (const a of [arrival, byCommit, cb]) give(a);
  book.orders.release();
  return { table, facts, injected };
}

/**
 * Measured on the final file, over rows without overrides:
 * - duplicate_cdc_changes: rows repeating a change (same order_id and lsn) that arrived before;
 * - out_of_order_cdc: rows whose lsn is lower than the highest lsn of the same order among the
 *   rows that arrived before them (a repeated change counts too if a newer one came in between).
 */
function countCdcProblems(table: Table, flagged: Uint8Array | undefined): Record<string, number> {
  const lsn = (table.columns[COL.lsn] as Extract<Column, { kind: 'number' }>).values;
  const orderId = (table.columns[COL.order_id] as Extract<Column, { kind: 'id' }>).nums;
  let maxId = 0;
  let minLsn = Infinity;
  let topLsn = 0;
  for (let f = 0; f < table.rowCount; f++) {
    if (flagged?.[f]) continue;
    if (orderId[f] > maxId) maxId = orderId[f];
    if (lsn[f] < minLsn) minLsn = lsn[f];
    if (lsn[f] > topLsn) topLsn = lsn[f];
  }
  const maxLsn = new Float64Array(maxId + 1).fill(-1);
  // Every change has its own lsn, so a change seen before is an lsn seen before (a bitset).
  const seen = new Uint32Array(Math.floor(Math.max(0, topLsn - minLsn) / 32) + 1);
  let duplicates = 0;
  let outOfOrder = 0;
  for (let f = 0; f < table.rowCount; f++) {
    if (flagged?.[f]) continue;
    const o = orderId[f];
    const bit = lsn[f] - minLsn;
    const word = Math.floor(bit / 32);
    const mask = 1 << (bit % 32);
    if (seen[word] & mask) duplicates++;
    seen[word] |= mask;
    if (lsn[f] < maxLsn[o]) outOfOrder++;
    else maxLsn[o] = lsn[f];
  }
  return { duplicate_cdc_changes: duplicates, out_of_order_cdc: outOfOrder };
}

function malformOrderChange(
  rng: Rng, clock: Clock, m: Malformations, r: number, reason: string,
  status: number, orderT: number, changeT: number, cents: number,
): void {
  switch (reason) {
    case 'missing_key': {
      const which = rng.int(4);
      if (which === 0) m.add(r, COL.lsn, '', 'missing_key');
      // A Postgres LSN as the source database prints it, not the integer the contract asks for.
      else if (which === 1) m.add(r, COL.lsn, `0/${(0x1a000000 + rng.int(0xffffff)).toString(16).toUpperCase()}`, 'missing_key');
      else if (which === 2) m.add(r, COL.order_id, '', 'missing_key');
      else m.add(r, COL.op, '', 'missing_key');
      break;
    }
    case 'unknown_enum': {
      const which = rng.int(3);
      if (which === 0) m.add(r, COL.status, rng.pick([ORDER_STATUSES[status].toUpperCase(), 'in_transit', 'complete', '']), 'unknown_enum');
      else if (which === 1) m.add(r, COL.channel, rng.pick(['mobile', 'WEB', 'marketplace', '']), 'unknown_enum');
      else m.add(r, COL.source_system, rng.pick(['pos', 'ecom', 'Web']), 'unknown_enum');
      break;
    }
    case 'unparseable_timestamp':
      if (rng.chance(0.5)) m.add(r, COL.order_ts, badTimestamp(rng, clock.toMs(orderT)), 'unparseable_timestamp');
      else m.add(r, COL.updated_at, badTimestamp(rng, clock.toMs(changeT)), 'unparseable_timestamp');
      break;
    case 'unparseable_amount':
      m.add(r, COL.amount, badAmount(rng, cents), 'unparseable_amount');
      break;
    default:
      m.add(r, COL.updated_at, futureTimestamp(rng, clock.nowMs), 'future_timestamp');
  }
}
