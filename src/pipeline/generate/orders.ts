// orders.csv: the change log of the orders table, one row per captured change, in arrival order.
// An order is created (`c`, placed), then updated (`u`) as it ships and is delivered, cancelled or
// returned; some cancelled orders are purged (`d`). Changes that would happen after `now` have
// not happened yet, so recent orders are still placed or shipped.
import { customerIdDictionary } from './customer-id-dictionary';
import type { Rng } from '../random';
import { code, id, makeTable, num, type Column, type Table } from '../table';
import { rawOrders } from '../schema/raw';
import { CDC_OPS, ORDER_CHANNELS, ORDER_STATUSES, SOURCE_SYSTEMS } from '../schema/enums';
import { between, DAY_S, HOUR_S, MINUTE_S, poisson, soon, type Clock } from './calendar';
import { ColumnArena, RowBuilder } from './builders';
import { give, take } from './pool';
import { CRM, customerIdText, STORE, WEB, type CustomerRecords, type People } from './customers';
import { LOCALES } from './locales';
import { badAmount, badTimestamp, futureTimestamp, malformedCount, Malformations, planReasons } from './malformed';
import { orderByKey, sortRows } from './sort';

const OP_C = 0, OP_U = 1, OP_D = 2;
const PLACED = 0, SHIPPED = 1, DELIVERED = 2, CANCELLED = 3, RETURNED = 4;
const CH_WEB = 0, CH_APP = 1, CH_STORE = 2;
const YEAR_S = 365 * DAY_S;
/** Orders per person-year of activity at activity 1 (tuned for ~3 orders per person). */
const ORDERS_PER_YEAR = 3.6;
const ORPHAN_RATE = 0.005;
const CURRENCIES = ['USD'] as const;
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

/**
 * What later generators (tickets, clickstream) need to know about each person's orders. Orders
 * are listed person by person, each person's in time order, and every field is stored in that
 * order: the generators that read them person by person then read them front to back.
 */
export interface OrderFacts {
  /** Orders of person p: positions personStart[p] .. personStart[p + 1] - 1 (orphans have none). */
  readonly personStart: Uint32Array;
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

/** Order drafts (who orders when, where), as RowBuilder rows: person + 1 (0: orphan), time,
 *  channel | system << 4, and the customer: a record index, or an index into the orphans' ids. */
const D_PERSON = 0, D_T = 1, D_CHANNEL_SYSTEM = 2, D_CUSTOMER = 3;
const D_STRIDE = 4;

/** Orders as RowBuilder rows (fields as in the drafts, then the order's life). An order row keeps
 *  the changes after its create (at most three) until they are written out as change rows. */
const O_PERSON = 0, O_T = 1, O_CHANNEL_SYSTEM = 2, O_CUSTOMER = 3, O_AMOUNT = 4, O_LAST_STATUS = 5, O_LAST_T = 6;
const O_STEPS = 7, O_STEP_T = 8; // O_STEPS: count | (op | status << 2) << (4 + 5k); O_STEP_T + k: time of step k
const O_STRIDE = 11;

/** Change rows carry what their file row shows, so that filing them never goes back to the order.
 *  C_ORDER is the order's row until commit order is known, then its order id. C_CUSTOMER has
 *  ORPHAN set for an orphan's order. */
const C_ORDER = 0, C_OP_STATUS = 1, C_T = 2, C_LSN = 3, C_ORDER_T = 4, C_AMOUNT = 5, C_CHANNEL_SYSTEM = 6, C_CUSTOMER = 7;
const C_STRIDE = 8;
const ORPHAN = 0x80000000;

class OrderBook {
  readonly orders: RowBuilder;
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
  add(person: number, t: number, channelSystem: number, customer: number): void {
    const rng = this.rng;
    const channel = channelSystem & 15;
    // Lognormal basket: median $45 online, $38 in store, a long tail to several hundred.
    const median = channel === CH_STORE ? 38 : 45;
    let cents = Math.round(median * BASKET_SPREAD[(rng.next() * BASKET_SPREAD.length) | 0] * 100);
    cents = Math.max(199, Math.floor(cents / 10) * 10 + 9);
    const b = this.orders.add();
    const buf = this.orders.buf;
    buf[b + O_PERSON] = person + 1;
    buf[b + O_T] = t;
    buf[b + O_CHANNEL_SYSTEM] = channelSystem;
    buf[b + O_CUSTOMER] = customer;
    buf[b + O_AMOUNT] = cents;

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
      if (this.step(OP_U, CANCELLED, soon(rng, 5 * MINUTE_S, 36 * HOUR_S)) && person >= 0 && rng.chance(0.35)) {
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

  /**
   * Change rows (create, then steps) in commit order, without order ids and lsns yet: a first
   * pass over the orders collects the change times, a stable sort ranks them, and a second pass
   * writes each change straight to its place (no second copy of the rows to permute).
   */
  changesInCommitOrder(): Uint32Array {
    const n = this.changeCount;
    const rank = this.changeTimes(take(n, false));
    const byCommit = orderByKey(rank, n, 1, 0, take(n, false));
    for (let k = 0; k < n; k++) rank[byCommit[k]] = k;
    give(byCommit);
    const out = this.writeChanges(rank, take(n * C_STRIDE, false));
    give(rank);
    return out;
  }

  /** The time of every change, order by order (creates first). */
  private changeTimes(times: Uint32Array): Uint32Array {
    const ob = this.orders.buf;
    for (let o = 0, b = 0, c = 0; o < this.orders.length; o++, b += O_STRIDE) {
      times[c++] = ob[b + O_T];
      for (let k = 0; k < (ob[b + O_STEPS] & 15); k++) times[c++] = ob[b + O_STEP_T + k];
    }
    return times;
  }

  /** Each change row at its place: the c-th change (order by order) goes to row rank[c]. */
  private writeChanges(rank: Uint32Array, out: Uint32Array): Uint32Array {
    const ob = this.orders.buf;
    for (let o = 0, b = 0, c = 0; o < this.orders.length; o++, b += O_STRIDE) {
      const orderT = ob[b + O_T];
      const customer = ob[b + O_PERSON] === 0 ? ob[b + O_CUSTOMER] | ORPHAN : ob[b + O_CUSTOMER];
      const steps = ob[b + O_STEPS];
      for (let k = -1; k < (steps & 15); k++) {
        const bits = k < 0 ? OP_C | (PLACED << 2) : (steps >>> (4 + 5 * k)) & 31;
        const at = rank[c++] * C_STRIDE;
        out[at + C_ORDER] = o;
        out[at + C_OP_STATUS] = (bits & 3) | ((bits >> 2) << 4);
        out[at + C_T] = k < 0 ? orderT : ob[b + O_STEP_T + k];
        out[at + C_LSN] = 0;
        out[at + C_ORDER_T] = orderT;
        out[at + C_AMOUNT] = ob[b + O_AMOUNT];
        out[at + C_CHANNEL_SYSTEM] = ob[b + O_CHANNEL_SYSTEM];
        out[at + C_CUSTOMER] = customer;
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
  const drafts = new RowBuilder(D_STRIDE, Math.round(people.realCount * 3.4), true);
  draftOrders(rng, clock, people, records, drafts);
  // Orphans: orders of erased accounts, and of accounts created after the customer snapshot.
  const orphanIds = issues ? draftOrphans(rng, clock, records, erasedIds, drafts) : [];

  const book = new OrderBook(rng, nowT, drafts.length);
  fillBook(book, drafts);
  drafts.release();
  const changes = book.changesInCommitOrder();
  const n = book.changeCount;
  const lsns = numberChanges(rng, changes, n, book.orders.length);

  // Arrival: commit order, except delayed changes (out of order) and second deliveries (duplicates).
  const malformed = new Malformations(n);
  const arrival = issues ? arrivalWithProblems(rng, clock, changes, n, book.orders.length, malformed) : inCommitOrder(n);
  const rows = arrival.length;

  const columns = orderColumns(clock, changes, arrival, records, orphanIds);
  const flagged = issues ? malformed.apply(columns, rows, arrival) : undefined;
  const table = makeTable(rawOrders, rows, columns, flagged);

  const injected: Record<string, number> = {
    orphan_orders: orphanIds.length,
    ...countCdcProblems(table, flagged, book.orders.length, lsns),
  };
  malformed.addCounts(injected);

  const facts = orderFacts(book, people.realCount);
  for (const a of [arrival, changes]) give(a);
  book.orders.release();
  return { table, facts, injected };
}

/** Who orders when and where: a Poisson number of orders over each person's active time. */
function draftOrders(rng: Rng, clock: Clock, people: People, records: CustomerRecords, drafts: RowBuilder): void {
  const nowT = clock.nowT;
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
      const b = drafts.add();
      const d = drafts.buf;
      d[b + D_PERSON] = p + 1;
      d[b + D_T] = t;
      d[b + D_CHANNEL_SYSTEM] = channel | (records.system[rec] << 4);
      d[b + D_CUSTOMER] = rec;
    }
  }
}

/** Orders of erased accounts and of accounts newer than the snapshot; returns their customer ids. */
function draftOrphans(
  rng: Rng, clock: Clock, records: CustomerRecords, erasedIds: readonly (readonly string[])[], drafts: RowBuilder,
): string[] {
  const nowT = clock.nowT;
  const orphans = Math.max(1, Math.round(drafts.length * ORPHAN_RATE));
  let maxWeb = 0;
  for (let i = 0; i < records.count; i++) if (records.system[i] === WEB) maxWeb = Math.max(maxWeb, records.idNum[i]);
  const pool = [...erasedIds[WEB], ...erasedIds[STORE]];
  const orphanIds: string[] = [];
  for (let k = 0; k < orphans; k++) {
    const erased = pool.length > 0 && rng.chance(0.6);
    const customerId = erased ? rng.pick(pool) : customerIdText(WEB, maxWeb + 1 + rng.int(40));
    const sys = customerId.charAt(0) === 'S' ? STORE : WEB;
    const channel = sys === STORE ? CH_STORE : rng.chance(0.6) ? CH_WEB : CH_APP;
    const t = erased
      ? clock.sample(rng, nowT - YEAR_S, nowT - HOUR_S, sys === STORE ? 'store' : 'online', 3)
      : between(rng, nowT - 3 * DAY_S, nowT - HOUR_S);
    const b = drafts.add();
    const d = drafts.buf;
    d[b + D_PERSON] = 0;
    d[b + D_T] = t;
    d[b + D_CHANNEL_SYSTEM] = channel | (sys << 4);
    d[b + D_CUSTOMER] = orphanIds.length;
    orphanIds.push(customerId);
  }
  return orphanIds;
}

/** The orders, in time order of placement (so their random draws come in that order too). */
function fillBook(book: OrderBook, drafts: RowBuilder): void {
  sortRows(drafts.buf, drafts.length, D_STRIDE, D_T);
  const d = drafts.buf;
  for (let b = 0, end = drafts.length * D_STRIDE; b < end; b += D_STRIDE) {
    book.add(d[b + D_PERSON] - 1, d[b + D_T], d[b + D_CHANNEL_SYSTEM], d[b + D_CUSTOMER]);
  }
}

/**
 * Commit order: lsns increase with updated_at, and order ids follow the creates (a create commits
 * before its order's updates). Replaces each change's order row with its order id. Returns the
 * first and the last lsn.
 */
function numberChanges(rng: Rng, changes: Uint32Array, n: number, orderCount: number): [number, number] {
  const orderId = take(orderCount, false);
  const firstLsn = 21_000_000 + rng.int(1_000_000);
  let nextLsn = firstLsn;
  let nextOrderId = 1;
  for (let c = 0, end = n * C_STRIDE; c < end; c += C_STRIDE) {
    const o = changes[c + C_ORDER];
    nextLsn += between(rng, 1, 40);
    if ((changes[c + C_OP_STATUS] & 15) === OP_C) orderId[o] = nextOrderId++;
    changes[c + C_ORDER] = orderId[o];
    changes[c + C_LSN] = nextLsn;
  }
  give(orderId);
  return [firstLsn, nextLsn];
}

/** Every change once, in commit order (positions into the commit-ordered change rows). */
function inCommitOrder(n: number): Uint32Array {
  const arrival = take(n, false);
  for (let k = 0; k < n; k++) arrival[k] = k;
  return arrival;
}

/**
 * The arrival order with delivery problems, as positions in commit order: some changes arrive
 * late (out of order), some twice (duplicates), and a few are malformed (recorded in `malformed`
 * by commit position). Each problem goes to a different order; orphans' orders get none.
 */
function arrivalWithProblems(
  rng: Rng, clock: Clock, changes: Uint32Array, n: number, orderCount: number, malformed: Malformations,
): Uint32Array {
  const idx = (k: number) => changes[k * C_STRIDE + C_ORDER] - 1; // order ids are 1..orderCount
  const insertAfter: number[] = [];
  const insertRow: number[] = [];
  const delayed = new Uint8Array(n);
  const touched = new Uint8Array(orderCount); // orders that already carry an injected problem
  const changesOf = new Uint8Array(orderCount);
  const nextPos = new Int32Array(take(n, false).buffer, 0, n);
  linkChanges(changes, n, orderCount, nextPos, changesOf, touched);
  const pickPosition = (ok: (k: number) => boolean): number => {
    for (let tries = 0; tries < 10_000; tries++) {
      const k = rng.int(n);
      if (!touched[idx(k)] && ok(k)) return k;
    }
    return -1;
  };
  const outOfOrder = Math.max(1, Math.round(n * OUT_OF_ORDER_RATE));
  const hasNext = (k: number) => nextPos[k] >= 0;
  for (let i = 0; i < outOfOrder; i++) {
    const k = pickPosition(hasNext);
    if (k < 0) break;
    touched[idx(k)] = 1;
    delayed[k] = 1;
    insertAfter.push(Math.min(n - 1, nextPos[k] + between(rng, 0, 20)));
    insertRow.push(k);
  }
  const duplicates = Math.max(1, Math.round(n * DUPLICATE_RATE));
  const any = () => true;
  for (let i = 0; i < duplicates; i++) {
    const k = pickPosition(any);
    if (k < 0) break;
    touched[idx(k)] = 1;
    // Redelivered before the order's next change arrives, so it is a duplicate and nothing else.
    const limit = nextPos[k] >= 0 ? nextPos[k] - 1 : Math.min(n - 1, k + 200);
    insertAfter.push(k + between(rng, 0, Math.min(50, limit - k)));
    insertRow.push(k);
  }
  give(new Uint32Array(nextPos.buffer));
  // Malformed changes: on untouched orders of known customers, never a delete and never the
  // only change of its order (the order keeps a good state).
  const reasons = planReasons(rng, malformedCount(rng, n), ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'unparseable_amount', 'future_timestamp']);
  const malformable = (k: number) => (changes[k * C_STRIDE + C_OP_STATUS] & 15) !== OP_D && changesOf[idx(k)] >= 2;
  for (const reason of reasons) {
    const k = pickPosition(malformable);
    if (k < 0) break;
    touched[idx(k)] = 1;
    const c = k * C_STRIDE;
    malformOrderChange(rng, clock, malformed, k, reason, changes[c + C_OP_STATUS] >> 4, changes[c + C_ORDER_T], changes[c + C_T], changes[c + C_AMOUNT]);
  }

  return arrivalOrder(n, delayed, insertAfter, insertRow);
}

/**
 * Per change (commit position): the position of its order's next change (-1: none); per order
 * (id - 1): its number of changes, and whether it is an orphan's (touched: takes no problem).
 */
function linkChanges(
  changes: Uint32Array, n: number, orderCount: number, nextPos: Int32Array, changesOf: Uint8Array, touched: Uint8Array,
): void {
  const lastPos = new Int32Array(take(orderCount, false).buffer, 0, orderCount).fill(-1);
  for (let k = 0; k < n; k++) {
    const o = changes[k * C_STRIDE + C_ORDER] - 1;
    nextPos[k] = -1;
    if (lastPos[o] >= 0) nextPos[lastPos[o]] = k;
    lastPos[o] = k;
    changesOf[o]++;
    if (changes[k * C_STRIDE + C_CUSTOMER] & ORPHAN) touched[o] = 1;
  }
  give(new Uint32Array(lastPos.buffer));
}

/** Commit positions in arrival order: without the delayed ones, with each insert after its position. */
function arrivalOrder(n: number, delayed: Uint8Array, insertAfter: readonly number[], insertRow: readonly number[]): Uint32Array {
  const inserts = insertAfter.map((_, i) => i).sort((a, b) => insertAfter[a] - insertAfter[b] || a - b);
  let delayedCount = 0;
  for (let k = 0; k < n; k++) delayedCount += delayed[k];
  const rows = n + insertRow.length - delayedCount;
  const arrival = take(rows, false);
  let at = 0;
  let next = 0;
  for (let k = 0; k < n; k++) {
    if (!delayed[k]) arrival[at++] = k;
    while (next < inserts.length && insertAfter[inserts[next]] === k) arrival[at++] = insertRow[inserts[next++]];
  }
  if (at !== rows) throw new Error(`orders: arrival has ${at} rows, expected ${rows}`);
  return arrival;
}

/** The columns of orders.csv: row f is the change at commit position arrival[f]. */
function orderColumns(
  clock: Clock, changes: Uint32Array, arrival: Uint32Array, records: CustomerRecords, orphanIds: readonly string[],
): Column[] {
  const rows = arrival.length;
  const arena = new ColumnArena(rows, 5, 5);
  const lsnCol = arena.float64();
  const opCol = arena.int32();
  const orderIdCol = arena.float64();
  const systemCol = arena.int32();
  const customerCol = new Int32Array(rows);
  const customerIds = customerIdDictionary(records.id, orphanIds);
  const orderTsCol = arena.float64();
  const statusCol = arena.int32();
  const channelCol = arena.int32();
  const amountCol = arena.float64();
  // One currency: codes into ['USD'] rather than a string pointer per row (millions of them at
  // scale, all of which a full garbage collection would visit).
  const currencyCol = arena.int32();
  const updatedCol = arena.float64();
  const baseMs = clock.toMs(0);
  for (let f = 0; f < rows; f++) {
    const c = arrival[f] * C_STRIDE;
    const op = changes[c + C_OP_STATUS] & 15;
    lsnCol[f] = changes[c + C_LSN];
    opCol[f] = op;
    orderIdCol[f] = changes[c + C_ORDER];
    updatedCol[f] = baseMs + changes[c + C_T] * 1000;
    if (op === OP_D) {
      // A delete carries the key only.
      systemCol[f] = -1;
      customerCol[f] = -1;
      orderTsCol[f] = NaN;
      statusCol[f] = -1;
      channelCol[f] = -1;
      amountCol[f] = NaN;
      currencyCol[f] = -1;
    } else {
      const customer = changes[c + C_CUSTOMER];
      const channelSystem = changes[c + C_CHANNEL_SYSTEM];
      systemCol[f] = channelSystem >> 4;
      customerCol[f] = customer & ORPHAN ? customerIds.codeOfExtra[customer & ~ORPHAN] : customer;
      orderTsCol[f] = baseMs + changes[c + C_ORDER_T] * 1000;
      statusCol[f] = changes[c + C_OP_STATUS] >> 4;
      channelCol[f] = channelSystem & 15;
      amountCol[f] = changes[c + C_AMOUNT];
      currencyCol[f] = 0;
    }
  }
  return [
    num(lsnCol), code(opCol, CDC_OPS), id(orderIdCol, 'O', 8), code(systemCol, SOURCE_SYSTEMS), code(customerCol, customerIds.dict),
    num(orderTsCol), code(statusCol, ORDER_STATUSES), code(channelCol, ORDER_CHANNELS), num(amountCol), code(currencyCol, CURRENCIES),
    num(updatedCol),
  ];
}

/** What tickets and clickstream need: each person's orders in time order, with their outcome. */
function orderFacts(book: OrderBook, realCount: number): OrderFacts {
  const orderCount = book.orders.length;
  const ob = book.orders.buf;
  // A counting sort by person: orders are in time order, so each person's stay in time order.
  const personStart = new Uint32Array(realCount + 1);
  for (let b = 0, end = orderCount * O_STRIDE; b < end; b += O_STRIDE) if (ob[b + O_PERSON] > 0) personStart[ob[b + O_PERSON]]++;
  for (let p = 0; p < realCount; p++) personStart[p + 1] += personStart[p];
  const n = personStart[realCount];
  const orderT = new Uint32Array(n);
  const channel = new Uint8Array(n);
  const lastStatus = new Uint8Array(n);
  const lastT = new Uint32Array(n);
  const next = personStart.slice(0, realCount);
  for (let b = 0, end = orderCount * O_STRIDE; b < end; b += O_STRIDE) {
    const p = ob[b + O_PERSON] - 1;
    if (p < 0) continue;
    const at = next[p]++;
    orderT[at] = ob[b + O_T];
    channel[at] = ob[b + O_CHANNEL_SYSTEM] & 15;
    lastStatus[at] = ob[b + O_LAST_STATUS];
    lastT[at] = ob[b + O_LAST_T];
  }
  return { personStart, orderT, channel, lastStatus, lastT };
}

/**
 * Measured on the final file, over rows without overrides:
 * - duplicate_cdc_changes: rows repeating a change (same order_id and lsn) that arrived before;
 * - out_of_order_cdc: rows whose lsn is lower than the highest lsn of the same order among the
 *   rows that arrived before them (a repeated change counts too if a newer one came in between).
 */
function countCdcProblems(
  table: Table, flagged: Uint8Array | undefined, orderCount: number, [lowLsn, highLsn]: readonly [number, number],
): Record<string, number> {
  const lsn = (table.columns[COL.lsn] as Extract<Column, { kind: 'number' }>).values;
  const orderId = (table.columns[COL.order_id] as Extract<Column, { kind: 'id' }>).nums;
  // Highest lsn seen per order id (0: none yet; lsns are far above 0).
  const maxLsn = take(orderCount + 1);
  // Every change has its own lsn, so a change seen before is an lsn seen before (a bitset).
  const seen = take(((highLsn - lowLsn) >>> 5) + 1);
  let duplicates = 0;
  let outOfOrder = 0;
  for (let f = 0; f < table.rowCount; f++) {
    if (flagged?.[f]) continue;
    const o = orderId[f];
    const bit = lsn[f] - lowLsn;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if (seen[word] & mask) duplicates++;
    seen[word] |= mask;
    if (lsn[f] < maxLsn[o]) outOfOrder++;
    else maxLsn[o] = lsn[f];
  }
  give(maxLsn);
  give(seen);
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
