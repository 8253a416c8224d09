// clickstream.csv: tracking events by session, in arrival (ingest) order. Every customer with a
// web account browses on one or two devices; events carry the web id only from a `login` on, so
// earlier events of the device are anonymous until stitched. Checkouts precede web orders. Some
// devices never log in at all (anonymous visitors), and a few are shared by two customers.
import type { Rng } from '../random';
import { code, id, makeTable, num, type Column, type Table } from '../table';
import { rawClickstream } from '../schema/raw';
import { CLICK_EVENT_TYPES } from '../schema/enums';
import { between, DAY_S, HOUR_S, poisson, soon, type Clock } from './calendar';
import { ColumnArena, RowBuilder, U32Builder } from './builders';
import { give, take } from './pool';
import type { CustomerRecords, People } from './customers';
import type { OrderFacts } from './orders';
import { LOCALES } from './locales';
import { badTimestamp, futureTimestamp, malformedCount, Malformations, planReasons } from './malformed';
import { orderByKey, sortRows } from './sort';
import { Scrambler } from './scramble';

const PAGE_VIEW = 0, PRODUCT_VIEW = 1, ADD_TO_CART = 2, CHECKOUT = 3, SEARCH = 4, LOGIN = 5;
/** Session draft kinds: browse = login index + 1 (0: none) | length << 4; purchase = PURCHASE | login | views << 4. */
const PURCHASE = 8;
const YEAR_S = 365 * DAY_S;
const BROWSE_SESSIONS_PER_YEAR = 1.6;
const ANONYMOUS_SHARE = 0.09;
const SHARED_DEVICE_RATE = 0.012;
const LATE_SESSION_RATE = 0.01;
const DUPLICATE_RATE = 0.008;
const LATE_S = HOUR_S;
/** Event fates (issues on): in a late upload, or delivered twice. */
const LATE = 1, REDELIVERED = 2;

const PRODUCTS = 2400;
const FIRST_PRODUCT = 10001;
const STATIC_PAGES = [
  '/', '/search', '/login', '/cart', '/checkout', '/account', '/deals', '/c/electronics', '/c/home-garden',
  '/c/fashion', '/c/beauty', '/c/kids', '/c/grocery', '/c/sports', '/c/books',
];
const PAGE = { home: 0, search: 1, login: 2, cart: 3, checkout: 4, account: 5, deals: 6, firstCategory: 7 };
const CATEGORIES = STATIC_PAGES.length - PAGE.firstCategory;
/** Page paths: the static pages, then one `/product/P10001` page per product. */
export const CLICK_PAGES: readonly string[] = [
  ...STATIC_PAGES,
  ...Array.from({ length: PRODUCTS }, (_, i) => `/product/P${FIRST_PRODUCT + i}`),
];

/** Next event type after each type (page_view, product_view, add_to_cart, checkout, search). */
const NEXT: readonly (readonly number[])[] = [
  // page_view, product_view, add_to_cart, checkout, search (cumulative)
  [0.3, 0.8, 0.8, 0.8, 1],
  [0.2, 0.65, 0.85, 0.85, 1],
  [0.3, 0.75, 0.75, 0.95, 1],
  [1, 1, 1, 1, 1],
  [0.15, 0.85, 0.85, 0.85, 1],
];

export interface ClickstreamResult {
  readonly table: Table;
  readonly injected: Record<string, number>;
}

const COL = Object.fromEntries(rawClickstream.columns.map((c, i) => [c.name, i])) as Record<string, number>;

/** Event rows (array of structs, see RowBuilder): time, ingest time, the session's index,
 *  record + 1 (0: anonymous), and type | page << 3. A product event's product is its page's. */
const E_T = 0, E_INGEST = 1, E_SESSION = 2, E_RECORD = 3, E_TYPE_PAGE = 4;
const STRIDE = 5;
/** Session drafts (RowBuilder rows): start, device, record + 1, kind (see PURCHASE), order time. */
const D_START = 0, D_DEVICE = 1, D_RECORD = 2, D_KIND = 3, D_ORDER_T = 4;
const D_STRIDE = 5;
/** Event rows whose second delivery is a file row of its own carry this bit in the row's event. */
const SECOND = 0x80000000;

/** Product popularity: index = floor(PRODUCTS * u^2.5), tabulated once. */
let productTable: Uint16Array | null = null;
function popularProducts(): Uint16Array {
  if (productTable === null) {
    productTable = new Uint16Array(1 << 12);
    for (let i = 0; i < productTable.length; i++) productTable[i] = Math.floor(PRODUCTS * Math.pow((i + 0.5) / productTable.length, 2.5));
  }
  return productTable;
}

/** The sessions as they are played out: their events (rows, see E_*), and per session its first
 *  event, its device and its id. */
class Sessions {
  readonly events: RowBuilder;
  readonly first: U32Builder;
  readonly device: U32Builder;
  readonly id: U32Builder;
  private readonly products = popularProducts();

  constructor(
    private readonly rng: Rng,
    private readonly ids: Scrambler,
    private readonly lastEventT: number,
    expectedEvents: number,
    expectedSessions: number,
  ) {
    this.events = new RowBuilder(STRIDE, expectedEvents, true);
    this.first = new U32Builder(expectedSessions);
    this.device = new U32Builder(expectedSessions);
    this.id = new U32Builder(expectedSessions);
  }

  /** A browsing session of `len` events from `start`; `loginAt` is the event index of the login, or -1. */
  browse(start: number, device: number, record: number, loginAt: number, len: number): void {
    const rng = this.rng;
    this.open(device);
    let t = start;
    let type = rng.chance(0.7) ? PAGE_VIEW : SEARCH;
    let product = -1;
    let loggedIn = false;
    for (let i = 0; i < len && t <= this.lastEventT; i++) {
      if (i === loginAt) {
        loggedIn = true;
        this.push(t, record, LOGIN, -1);
        t += soon(rng, 3, 60);
        if (t > this.lastEventT) break;
      }
      // add_to_cart only ever follows a product_view, so `product` is set by then.
      if (type === PRODUCT_VIEW) product = this.pickProduct();
      this.push(t, loggedIn ? record : -1, type, type === PRODUCT_VIEW || type === ADD_TO_CART ? product : -1);
      t += soon(rng, 5, 240);
      const u = rng.next();
      const next = NEXT[type];
      type = 0;
      while (u >= next[type]) type++;
    }
  }

  /** A session of `views` product views that ends with the checkout of an order placed at `orderT`. */
  purchase(orderT: number, device: number, record: number, login: boolean, views: number): void {
    const rng = this.rng;
    this.open(device);
    // entry, views, add_to_cart, [login], checkout: walk back from the checkout.
    let t = orderT - between(rng, 20, 120);
    const checkoutT = t;
    const loginT = login ? (t -= soon(rng, 5, 200)) : -1;
    const cartT = (t -= soon(rng, 5, 200));
    const viewT0 = t - views * 100;
    const entryT = viewT0 - soon(rng, 5, 200);
    this.push(entryT, -1, rng.chance(0.6) ? PAGE_VIEW : SEARCH, -1);
    let product = 0;
    for (let i = 0; i < views; i++) {
      product = this.pickProduct();
      this.push(viewT0 + i * 100 + rng.int(40), -1, PRODUCT_VIEW, product);
    }
    this.push(cartT, -1, ADD_TO_CART, product);
    if (login) this.push(loginT, record, LOGIN, -1);
    this.push(checkoutT, login ? record : -1, CHECKOUT, -1);
  }

  private open(device: number): void {
    this.first.push(this.events.length);
    this.device.push(device);
    this.id.push(this.ids.map(this.id.length));
  }

  private pickProduct(): number {
    return this.products[(this.rng.next() * this.products.length) | 0];
  }

  private push(t: number, record: number, type: number, product: number): void {
    const rng = this.rng;
    let page: number;
    if (type === PRODUCT_VIEW || type === ADD_TO_CART) page = STATIC_PAGES.length + product;
    else if (type === SEARCH) page = PAGE.search;
    else if (type === CHECKOUT) page = PAGE.checkout;
    else if (type === LOGIN) page = PAGE.login;
    else {
      const u = rng.next();
      page = u < 0.4 ? PAGE.home : u < 0.5 ? PAGE.deals : u < 0.55 ? PAGE.account : u < 0.6 ? PAGE.cart : PAGE.firstCategory + rng.int(CATEGORIES);
    }
    const b = this.events.add();
    const buf = this.events.buf;
    buf[b + E_T] = t;
    buf[b + E_INGEST] = t + 1 + rng.int(8);
    buf[b + E_SESSION] = this.first.length - 1;
    buf[b + E_RECORD] = record + 1;
    buf[b + E_TYPE_PAGE] = type | (page << 3);
  }
}

export function generateClickstream(
  rng: Rng, clock: Clock, people: People, records: CustomerRecords, orders: OrderFacts, issues: boolean,
): ClickstreamResult {
  const nowT = clock.nowT;
  const lastEventT = nowT - 10;
  const devices = new Scrambler(rng, 99_999_999);
  const sessionIds = new Scrambler(rng, 99_999_999);

  // Sessions are drafted person by person, then played out in time order, so events come out
  // almost in event-time order and the sorts and the filing below run nearly sequentially.
  // A draft knows its length, so the event rows are allocated once.
  const drafts = new RowBuilder(D_STRIDE, Math.round(people.realCount * 3.2), true);
  const maxEvents = draftSessions(rng, clock, people, records, orders, devices, drafts);
  const sessions = new Sessions(rng, sessionIds, lastEventT, maxEvents, drafts.length);
  playSessions(sessions, drafts);
  drafts.release();

  const n = sessions.events.length;
  const buf = sessions.events.buf;
  const sessionStart = sessions.first.view();
  const sessionCount = sessionStart.length;

  // Per event: LATE (arrives in a late upload) and/or REDELIVERED (again: its second ingest time).
  const fate = new Uint8Array(n);
  const again = take(n);
  const malformed = new Malformations(n);
  if (issues) {
    // Late sessions: an app offline until hours or days later uploads the whole session at once.
    const lateSessions = Math.max(1, Math.round(sessionCount * LATE_SESSION_RATE));
    for (let k = 0, tries = 0; k < lateSessions && tries < lateSessions * 50; tries++) {
      const s = rng.int(sessionCount);
      const first = sessionStart[s];
      const last = (s + 1 < sessionCount ? sessionStart[s + 1] : n) - 1;
      if (last < first || fate[first] & LATE) continue;
      let end = 0;
      for (let i = first; i <= last; i++) end = Math.max(end, buf[i * STRIDE + E_T]);
      const room = nowT - end;
      if (room < LATE_S + 2 * HOUR_S) continue;
      const upload = end + LATE_S + 60 + soon(rng, 0, Math.min(3 * DAY_S, room - LATE_S - 60));
      for (let i = first; i <= last; i++) {
        fate[i] |= LATE;
        buf[i * STRIDE + E_INGEST] = upload;
      }
      k++;
    }
    // Redeliveries seconds to minutes later (never late: under an hour after the event).
    const duplicates = Math.max(1, Math.round(n * DUPLICATE_RATE));
    for (let k = 0, tries = 0; k < duplicates && tries < duplicates * 50; tries++) {
      const i = rng.int(n);
      if (fate[i]) continue;
      const at = buf[i * STRIDE + E_INGEST] + between(rng, 1, 600);
      if (at > nowT) continue;
      again[i] = at;
      fate[i] |= REDELIVERED;
      k++;
    }
    for (const reason of planReasons(rng, malformedCount(rng, n), ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'future_timestamp'])) {
      for (let tries = 0; tries < 1000; tries++) {
        const i = rng.int(n);
        if (fate[i] || malformed.has(i)) continue;
        malformClick(rng, clock, malformed, i, reason, buf[i * STRIDE + E_T], buf[i * STRIDE + E_INGEST]);
        break;
      }
    }
  }

  // Event ids in event-time order (event byEvent[k] has id k + 1); the file in ingest order,
  // ties by event id. A file row holds its event's position k in byEvent, with SECOND set for a
  // second delivery.
  const byEvent = orderByKey(buf, n, STRIDE, E_T, take(n, false));
  let rows = n;
  for (let i = 0; i < n; i++) if (fate[i] & REDELIVERED) rows++;
  const rowEvent = take(rows, false);
  const rowIngest = take(rows, false);
  for (let k = 0, at = 0; k < n; k++) {
    const i = byEvent[k];
    rowEvent[at] = k;
    rowIngest[at++] = buf[i * STRIDE + E_INGEST];
    if (fate[i] & REDELIVERED) {
      rowEvent[at] = k | SECOND;
      rowIngest[at++] = again[i];
    }
  }
  give(again);
  const fileOrder = orderByKey(rowIngest, rows, 1, 0, take(rows, false));

  // Each file row's event (generation row), -1 for a second delivery: where malformations land.
  const eventOf = new Int32Array(take(rows, false).buffer, 0, rows);
  const columns = clickColumns(clock, sessions, records, byEvent, rowEvent, rowIngest, fileOrder, eventOf);
  const flagged = issues ? malformed.apply(columns, rows, eventOf) : undefined;
  give(new Uint32Array(eventOf.buffer));
  const table = makeTable(rawClickstream, rows, columns, flagged);
  const injected = countClickProblems(table, flagged, n);
  malformed.addCounts(injected);
  for (const a of [byEvent, rowEvent, rowIngest, fileOrder]) give(a);
  sessions.events.release();
  return { table, injected };
}

/**
 * Every session to come: per web customer, browsing sessions over their active time (logging in
 * or not) and checkout sessions before some web orders; then anonymous visitors. Returns an upper
 * bound of the events they will have.
 */
function draftSessions(
  rng: Rng, clock: Clock, people: People, records: CustomerRecords, orders: OrderFacts, devices: Scrambler, drafts: RowBuilder,
): number {
  const nowT = clock.nowT;
  const lastEventT = nowT - 10;
  let deviceCount = 0;
  let maxEvents = 0;
  const draft = (start: number, device: number, record: number, kind: number, orderT: number): void => {
    const len = kind >>> 4;
    maxEvents += kind & PURCHASE ? len + 3 + (kind & 1) : len + ((kind & 7) > 0 ? 1 : 0);
    const b = drafts.add();
    const d = drafts.buf;
    d[b + D_START] = start;
    d[b + D_DEVICE] = device;
    d[b + D_RECORD] = record + 1;
    d[b + D_KIND] = kind;
    d[b + D_ORDER_T] = orderT;
  };
  let lastDevice = -1;
  for (let p = 0; p < people.realCount; p++) {
    const web = people.webRecord[p];
    if (web < 0) continue;
    const tz = LOCALES[people.locale[p]].utcOffsetHours;
    const webCreated = records.createdT[web];
    const primary = devices.map(deviceCount++);
    const second = rng.chance(0.3) ? devices.map(deviceCount++) : -1;
    const from = Math.max(0, people.startT[p] - 20 * DAY_S);
    const to = Math.min(lastEventT - HOUR_S, people.endT[p] + 45 * DAY_S);
    const sessions = poisson(rng, 0.4 + (BROWSE_SESSIONS_PER_YEAR * Math.pow(people.activity[p], 0.6) * Math.max(0, to - from)) / YEAR_S);
    for (let s = 0; s < sessions; s++) {
      const start = clock.sample(rng, from, to, 'online', tz);
      const canLogin = start >= webCreated && rng.chance(0.55);
      // Now and then a customer logs in on someone else's device (a family laptop).
      const shared = lastDevice >= 0 && canLogin && s === 0 && rng.chance(SHARED_DEVICE_RATE);
      const device = shared ? lastDevice : second >= 0 && rng.chance(0.35) ? second : primary;
      draft(start, device, web, (canLogin ? 1 + rng.int(3) : 0) | (browseLength(rng) << 4), 0);
    }
    for (let k = orders.personStart[p]; k < orders.personStart[p + 1]; k++) {
      const t = orders.orderT[k];
      if (orders.channel[k] === 2 || t < webCreated + HOUR_S || !rng.chance(0.55)) continue;
      const device = second >= 0 && rng.chance(0.35) ? second : primary;
      draft(t - 600, device, web, PURCHASE | (rng.chance(0.85) ? 1 : 0) | ((1 + poisson(rng, 1.5)) << 4), t);
    }
    lastDevice = primary;
  }
  // Anonymous visitors: devices that never log in.
  const personSessions = drafts.length;
  const anonymousSessions = Math.round((personSessions * ANONYMOUS_SHARE) / (1 - ANONYMOUS_SHARE));
  while (drafts.length - personSessions < anonymousSessions) {
    const dev = devices.map(deviceCount++);
    const tz = LOCALES[rng.int(LOCALES.length)].utcOffsetHours;
    const sessions = 1 + poisson(rng, 0.5);
    for (let s = 0; s < sessions; s++) draft(clock.sample(rng, nowT - 2 * YEAR_S, lastEventT - HOUR_S, 'online', tz), dev, -1, browseLength(rng) << 4, 0);
  }
  return maxEvents;
}

function browseLength(rng: Rng): number {
  return 1 + Math.min(24, poisson(rng, 3));
}

/** The drafted sessions in order of their start. */
function playSessions(sessions: Sessions, drafts: RowBuilder): void {
  sortRows(drafts.buf, drafts.length, D_STRIDE, D_START);
  const d = drafts.buf;
  for (let b = 0, end = drafts.length * D_STRIDE; b < end; b += D_STRIDE) {
    const kind = d[b + D_KIND];
    if (kind & PURCHASE) sessions.purchase(d[b + D_ORDER_T], d[b + D_DEVICE], d[b + D_RECORD] - 1, (kind & 1) === 1, kind >>> 4);
    else sessions.browse(d[b + D_START], d[b + D_DEVICE], d[b + D_RECORD] - 1, (kind & 7) - 1, kind >>> 4);
  }
}

/** The columns of clickstream.csv: file row f is row fileOrder[f] (see generateClickstream), of event eventOf[f]. */
function clickColumns(
  clock: Clock, sessions: Sessions, records: CustomerRecords,
  byEvent: Uint32Array, rowEvent: Uint32Array, rowIngest: Uint32Array, fileOrder: Uint32Array, eventOf: Int32Array,
): Column[] {
  const rows = fileOrder.length;
  const arena = new ColumnArena(rows, 6, 2);
  const eventIdCol = arena.float64();
  const eventTsCol = arena.float64();
  const ingestCol = arena.float64();
  const sessionCol = arena.float64();
  const deviceCol = arena.float64();
  const customerCol = new Int32Array(rows);
  const typeCol = arena.int32();
  const productCol = arena.float64();
  const pageCol = arena.int32();
  const buf = sessions.events.buf;
  const sessionId = sessions.id.view();
  const sessionDevice = sessions.device.view();
  const baseMs = clock.toMs(0);
  for (let f = 0; f < rows; f++) {
    const row = fileOrder[f];
    const k = rowEvent[row] & ~SECOND;
    const event = byEvent[k];
    eventOf[f] = rowEvent[row] & SECOND ? -1 : event;
    const b = event * STRIDE;
    const session = buf[b + E_SESSION];
    eventIdCol[f] = k + 1;
    eventTsCol[f] = baseMs + buf[b + E_T] * 1000;
    ingestCol[f] = baseMs + rowIngest[row] * 1000;
    sessionCol[f] = sessionId[session];
    deviceCol[f] = sessionDevice[session];
    const rec = buf[b + E_RECORD];
    customerCol[f] = rec - 1;
    const typePage = buf[b + E_TYPE_PAGE];
    const type = typePage & 7;
    const page = typePage >>> 3;
    typeCol[f] = type;
    pageCol[f] = page;
    productCol[f] = type === PRODUCT_VIEW || type === ADD_TO_CART ? FIRST_PRODUCT + page - STATIC_PAGES.length : NaN;
  }
  return [
    id(eventIdCol, 'E', 9), num(eventTsCol), num(ingestCol), id(sessionCol, 'SES', 8), id(deviceCol, 'ANON', 8),
    code(customerCol, records.id), code(typeCol, CLICK_EVENT_TYPES), id(productCol, 'P', 5), code(pageCol, CLICK_PAGES),
  ];
}

/**
 * Measured on the final file, over rows without overrides:
 * - duplicate_click_events: rows whose event_id arrived before;
 * - late_click_events: events whose first arrival has ingest_ts - event_ts over one hour.
 */
function countClickProblems(table: Table, flagged: Uint8Array | undefined, events: number): Record<string, number> {
  const ids = (table.columns[COL.event_id] as Extract<Column, { kind: 'id' }>).nums;
  const eventTs = (table.columns[COL.event_ts] as Extract<Column, { kind: 'number' }>).values;
  const ingest = (table.columns[COL.ingest_ts] as Extract<Column, { kind: 'number' }>).values;
  const seen = new Uint8Array(events + 1); // event ids are 1 .. events
  let duplicates = 0;
  let late = 0;
  for (let f = 0; f < table.rowCount; f++) {
    if (flagged?.[f]) continue;
    const e = ids[f];
    if (seen[e]) duplicates++;
    else if (ingest[f] - eventTs[f] > LATE_S * 1000) late++;
    seen[e] = 1;
  }
  return { duplicate_click_events: duplicates, late_click_events: late };
}

function malformClick(rng: Rng, clock: Clock, m: Malformations, i: number, reason: string, eventT: number, ingestT: number): void {
  switch (reason) {
    case 'missing_key':
      m.add(i, COL.event_id, '', 'missing_key');
      break;
    case 'unknown_enum':
      m.add(i, COL.event_type, rng.pick(['purchase', 'PageView', 'scroll', 'page-view', '']), 'unknown_enum');
      break;
    case 'unparseable_timestamp':
      if (rng.chance(0.6)) m.add(i, COL.event_ts, badTimestamp(rng, clock.toMs(eventT)), 'unparseable_timestamp');
      else m.add(i, COL.ingest_ts, badTimestamp(rng, clock.toMs(ingestT)), 'unparseable_timestamp');
      break;
    default:
      // A device clock days ahead.
      m.add(i, COL.event_ts, futureTimestamp(rng, clock.nowMs), 'future_timestamp');
  }
}
