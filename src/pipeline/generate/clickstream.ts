// clickstream.csv: tracking events by session, in arrival (ingest) order. Every customer with a
// web account browses on one or two devices; events carry the web id only from a `login` on, so
// earlier events of the device are anonymous until stitched. Checkouts precede web orders. Some
// devices never log in at all (anonymous visitors), and a few are shared by two customers.
import type { Rng } from '../random';
import { code, id, makeTable, num, text, type Column, type Table } from '../table';
import { rawClickstream } from '../schema/raw';
import { CLICK_EVENT_TYPES } from '../schema/enums';
import { between, DAY_S, HOUR_S, poisson, soon, type Clock } from './calendar';
import { RowBuilder, U32Builder } from './builders';
import { give, take } from './pool';
import type { CustomerRecords, People } from './customers';
import type { OrderFacts } from './orders';
import { LOCALES } from './locales';
import { badTimestamp, futureTimestamp, malformedCount, Malformations, planReasons } from './malformed';
import { orderByKey } from './sort';
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

/** Event rows (array of structs, see RowBuilder): field offsets. */
const E_T = 0, E_INGEST = 1, E_SESSION = 2, E_DEVICE = 3, E_RECORD = 4, E_TYPE_PAGE = 5, E_PRODUCT = 6, E_ID = 7;
const STRIDE = 8;

/** Product popularity: index = floor(PRODUCTS * u^2.5), tabulated once. */
let productTable: Uint16Array | null = null;
function popularProducts(): Uint16Array {
  if (productTable === null) {
    productTable = new Uint16Array(1 << 12);
    for (let i = 0; i < productTable.length; i++) productTable[i] = Math.floor(PRODUCTS * Math.pow((i + 0.5) / productTable.length, 2.5));
  }
  return productTable;
}

export function generateClickstream(
  rng: Rng, clock: Clock, people: People, records: CustomerRecords, orders: OrderFacts, issues: boolean,
): ClickstreamResult {
  const nowT = clock.nowT;
  const lastEventT = nowT - 10;
  let ev = new RowBuilder(STRIDE, 16);
  let sessionStarts = new U32Builder(16);
  const devScramble = new Scrambler(rng, 99_999_999);
  const sesScramble = new Scrambler(rng, 99_999_999);
  const products = popularProducts();
  let devices = 0;
  let sessionId = 0;

  const newDevice = (): number => devScramble.map(devices++);
  const newSession = (): void => {
    sessionStarts.push(ev.length);
    sessionId = sesScramble.map(sessionStarts.length - 1);
  };
  const pickProduct = (): number => products[(rng.next() * products.length) | 0];
  const browseLength = (): number => 1 + Math.min(24, poisson(rng, 3));
  const push = (t: number, device: number, record: number, type: number, product: number): void => {
    let page: number;
    if (type === PRODUCT_VIEW || type === ADD_TO_CART) page = STATIC_PAGES.length + product;
    else if (type === SEARCH) page = PAGE.search;
    else if (type === CHECKOUT) page = PAGE.checkout;
    else if (type === LOGIN) page = PAGE.login;
    else {
      const u = rng.next();
      page = u < 0.4 ? PAGE.home : u < 0.5 ? PAGE.deals : u < 0.55 ? PAGE.account : u < 0.6 ? PAGE.cart : PAGE.firstCategory + rng.int(CATEGORIES);
    }
    const b = ev.add();
    const buf = ev.buf;
    buf[b + E_T] = t;
    buf[b + E_INGEST] = t + 1 + rng.int(8);
    buf[b + E_SESSION] = sessionId;
    buf[b + E_DEVICE] = device;
    buf[b + E_RECORD] = record + 1;
    buf[b + E_TYPE_PAGE] = type | (page << 3);
    buf[b + E_PRODUCT] = product + 1;
  };

  /** A browsing session of `len` events from `start`; `loginAt` is the event index of the login, or -1. */
  const browse = (start: number, device: number, record: number, loginAt: number, len: number): void => {
    newSession();
    let t = start;
    let type = rng.chance(0.7) ? PAGE_VIEW : SEARCH;
    let product = -1;
    let loggedIn = false;
    for (let i = 0; i < len && t <= lastEventT; i++) {
      if (i === loginAt) {
        loggedIn = true;
        push(t, device, record, LOGIN, -1);
        t += soon(rng, 3, 60);
        if (t > lastEventT) break;
      }
      // add_to_cart only ever follows a product_view, so `product` is set by then.
      if (type === PRODUCT_VIEW) product = pickProduct();
      push(t, device, loggedIn ? record : -1, type, type === PRODUCT_VIEW || type === ADD_TO_CART ? product : -1);
      t += soon(rng, 5, 240);
      const u = rng.next();
      const next = NEXT[type];
      type = 0;
      while (u >= next[type]) type++;
    }
  };

  /** A session of `views` product views that ends with the checkout of an order placed at `orderT`. */
  const purchase = (orderT: number, device: number, record: number, login: boolean, views: number): void => {
    newSession();
    // entry, views, add_to_cart, [login], checkout: walk back from the checkout.
    let t = orderT - between(rng, 20, 120);
    const checkoutT = t;
    const loginT = login ? (t -= soon(rng, 5, 200)) : -1;
    const cartT = (t -= soon(rng, 5, 200));
    const viewT0 = t - views * 100;
    const entryT = viewT0 - soon(rng, 5, 200);
    push(entryT, device, -1, rng.chance(0.6) ? PAGE_VIEW : SEARCH, -1);
    let product = 0;
    for (let i = 0; i < views; i++) {
      product = pickProduct();
      push(viewT0 + i * 100 + rng.int(40), device, -1, PRODUCT_VIEW, product);
    }
    push(cartT, device, -1, ADD_TO_CART, product);
    if (login) push(loginT, device, record, LOGIN, -1);
    push(checkoutT, device, login ? record : -1, CHECKOUT, -1);
  };

  // Sessions are drafted person by person, then generated in time order, so events come out
  // almost in event-time order and the sorts and the filing below run nearly sequentially.
  // A draft knows its length, so the event rows are allocated once.
  const drafts = new RowBuilder(5, Math.round(people.realCount * 3.2), true);
  let maxEvents = 0;
  const draft = (start: number, device: number, record: number, kind: number, orderT: number): void => {
    const len = kind >>> 4;
    maxEvents += kind & PURCHASE ? len + 3 + (kind & 1) : len + ((kind & 7) > 0 ? 1 : 0);
    const b = drafts.add();
    const d = drafts.buf;
    d[b] = start;
    d[b + 1] = device;
    d[b + 2] = record + 1;
    d[b + 3] = kind;
    d[b + 4] = orderT;
  };
  let lastDevice = -1;
  for (let p = 0; p < people.realCount; p++) {
    const web = people.webRecord[p];
    if (web < 0) continue;
    const tz = LOCALES[people.locale[p]].utcOffsetHours;
    const webCreated = records.createdT[web];
    const primary = newDevice();
    const second = rng.chance(0.3) ? newDevice() : -1;
    const from = Math.max(0, people.startT[p] - 20 * DAY_S);
    const to = Math.min(lastEventT - HOUR_S, people.endT[p] + 45 * DAY_S);
    const sessions = poisson(rng, 0.4 + (BROWSE_SESSIONS_PER_YEAR * Math.pow(people.activity[p], 0.6) * Math.max(0, to - from)) / YEAR_S);
    for (let s = 0; s < sessions; s++) {
      const start = clock.sample(rng, from, to, 'online', tz);
      const canLogin = start >= webCreated && rng.chance(0.55);
      // Now and then a customer logs in on someone else's device (a family laptop).
      const shared = lastDevice >= 0 && canLogin && s === 0 && rng.chance(SHARED_DEVICE_RATE);
      const device = shared ? lastDevice : second >= 0 && rng.chance(0.35) ? second : primary;
      draft(start, device, web, (canLogin ? 1 + rng.int(3) : 0) | (browseLength() << 4), 0);
    }
    for (let k = orders.personStart[p]; k < orders.personStart[p + 1]; k++) {
      const o = orders.byPerson[k];
      const t = orders.orderT[o];
      if (orders.channel[o] === 2 || t < webCreated + HOUR_S || !rng.chance(0.55)) continue;
      const device = second >= 0 && rng.chance(0.35) ? second : primary;
      draft(t - 600, device, web, PURCHASE | (rng.chance(0.85) ? 1 : 0) | ((1 + poisson(rng, 1.5)) << 4), t);
    }
    lastDevice = primary;
  }
  // Anonymous visitors: devices that never log in.
  const personSessions = drafts.length;
  const anonymousSessions = Math.round((personSessions * ANONYMOUS_SHARE) / (1 - ANONYMOUS_SHARE));
  while (drafts.length - personSessions < anonymousSessions) {
    const dev = newDevice();
    const tz = LOCALES[rng.int(LOCALES.length)].utcOffsetHours;
    const sessions = 1 + poisson(rng, 0.5);
    for (let s = 0; s < sessions; s++) draft(clock.sample(rng, nowT - 2 * YEAR_S, lastEventT - HOUR_S, 'online', tz), dev, -1, browseLength() << 4, 0);
  }

  const byStart = orderByKey(drafts.buf, drafts.length, 5, 0, take(drafts.length));
  ev = new RowBuilder(STRIDE, maxEvents, true);
  sessionStarts = new U32Builder(drafts.length);
  const d = drafts.buf;
  for (let k = 0; k < byStart.length; k++) {
    const b = byStart[k] * 5;
    const kind = d[b + 3];
    if (kind & PURCHASE) purchase(d[b + 4], d[b + 1], d[b + 2] - 1, (kind & 1) === 1, kind >>> 4);
    else browse(d[b], d[b + 1], d[b + 2] - 1, (kind & 7) - 1, kind >>> 4);
  }
  give(byStart);
  drafts.release();

  const n = ev.length;
  const buf = ev.buf;
  const sessionStart = sessionStarts.toArray();
  const sessionCount = sessionStart.length;

  // Per event: LATE (arrives in a late upload) and/or REDELIVERED (with its second ingest time).
  const fate = new Uint8Array(n);
  const LATE = 1, REDELIVERED = 2;
  const dupIngest = new Map<number, number>();
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
      const again = buf[i * STRIDE + E_INGEST] + between(rng, 1, 600);
      if (again > nowT) continue;
      dupIngest.set(i, again);
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

  // Event ids in event-time order; the file in ingest order, ties by event id.
  const byEvent = orderByKey(buf, n, STRIDE, E_T, take(n));
  for (let k = 0; k < n; k++) buf[byEvent[k] * STRIDE + E_ID] = k + 1;
  const rows = n + dupIngest.size;
  const rowEvent = take(rows);
  const rowIngest = take(rows);
  for (let k = 0, at = 0; k < n; k++) {
    const i = byEvent[k];
    rowEvent[at] = i;
    rowIngest[at++] = buf[i * STRIDE + E_INGEST];
    if (fate[i] & REDELIVERED) {
      rowEvent[at] = i | 0x80000000; // high bit: the second delivery
      rowIngest[at++] = dupIngest.get(i)!;
    }
  }
  give(byEvent);
  const fileOrder = orderByKey(rowIngest, rows, 1, 0, take(rows));

  const eventIdCol = new Float64Array(rows);
  const eventTsCol = new Float64Array(rows);
  const ingestCol = new Float64Array(rows);
  const sessionCol = new Float64Array(rows);
  const deviceCol = new Float64Array(rows);
  const customerCol: (string | null)[] = new Array(rows);
  const typeCol = new Int32Array(rows);
  const productCol = new Float64Array(rows);
  const pageCol = new Int32Array(rows);
  const baseMs = clock.toMs(0);
  for (let f = 0; f < rows; f++) {
    const row = fileOrder[f];
    const tagged = rowEvent[row];
    const i = tagged & 0x7fffffff;
    const b = i * STRIDE;
    eventIdCol[f] = buf[b + E_ID];
    eventTsCol[f] = baseMs + buf[b + E_T] * 1000;
    ingestCol[f] = baseMs + rowIngest[row] * 1000;
    sessionCol[f] = buf[b + E_SESSION];
    deviceCol[f] = buf[b + E_DEVICE];
    const rec = buf[b + E_RECORD];
    customerCol[f] = rec ? records.id[rec - 1] : null;
    const typePage = buf[b + E_TYPE_PAGE];
    typeCol[f] = typePage & 7;
    pageCol[f] = typePage >>> 3;
    const product = buf[b + E_PRODUCT];
    productCol[f] = product ? FIRST_PRODUCT + product - 1 : NaN;
  }
  const columns: Column[] = [
    id(eventIdCol, 'E', 9), num(eventTsCol), num(ingestCol), id(sessionCol, 'SES', 8), id(deviceCol, 'ANON', 8),
    text(customerCol), code(typeCol, CLICK_EVENT_TYPES), id(productCol, 'P', 5), code(pageCol, CLICK_PAGES),
  ];
  const flagged = issues
    ? malformed.apply(columns, rows, (f) => (rowEvent[fileOrder[f]] & 0x80000000 ? -1 : rowEvent[fileOrder[f]]))
    : undefined;
  const table = makeTable(rawClickstream, rows, columns, flagged);
  const injected = countClickProblems(table, flagged);
  malformed.addCounts(injected);
  for (const a of [rowEvent, rowIngest, fileOrder]) give(a);
  ev.release();
  return { table, injected };
}

/**
 * Measured on the final file, over rows without overrides:
 * - duplicate_click_events: rows whose event_id arrived before;
 * - late_click_events: events whose first arrival has ingest_ts - event_ts over one hour.
 */
function countClickProblems(table: Table, flagged: Uint8Array | undefined): Record<string, number> {
  const ids = (table.columns[COL.event_id] as Extract<Column, { kind: 'id' }>).nums;
  const eventTs = (table.columns[COL.event_ts] as Extract<Column, { kind: 'number' }>).values;
  const ingest = (table.columns[COL.ingest_ts] as Extract<Column, { kind: 'number' }>).values;
  let max = 0;
  for (let f = 0; f < table.rowCount; f++) if (ids[f] > max) max = ids[f];
  const seen = new Uint8Array(max + 1);
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
