// support_tickets.csv: help-desk tickets, keyed only by the email the contact typed. Most follow
// an order by hours or days (where is it, it arrived broken, refund please); some are about the
// account; some come from people the shop has no record of. Old tickets are solved or closed,
// recent ones still open or pending; about 60% of closed tickets carry a satisfaction score.
import type { Rng } from '../random';
import { code, id, makeTable, num, text, type Column, type Table } from '../table';
import { rawSupportTickets } from '../schema/raw';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '../schema/enums';
import { between, cumulative, DAY_S, HOUR_S, MINUTE_S, pickWeighted, soon, type Clock } from './calendar';
import { ColumnArena, U32Builder, U8Builder } from './builders';
import type { People } from './customers';
import type { OrderFacts } from './orders';
import { emailPart, LOCALES } from './locales';
import { emailVariant } from './contact';
import { badTimestamp, futureTimestamp, malformedCount, Malformations, planReasons } from './malformed';
import { orderByKey } from './sort';

const OPEN = 0, PENDING = 1, SOLVED = 2, CLOSED = 3;
const PHONE_CHANNEL = 2;
/** Order statuses (placed, shipped, delivered, cancelled, returned). */
const CANCELLED = 3, RETURNED = 4, DELIVERED = 2;

export const TICKET_TOPICS = [
  'order_status', 'delivery_delay', 'damaged_item', 'return_request', 'refund', 'payment_issue',
  'account_access', 'loyalty_points', 'product_question', 'gdpr_request', 'other',
] as const;
const T = Object.fromEntries(TICKET_TOPICS.map((t, i) => [t, i])) as Record<(typeof TICKET_TOPICS)[number], number>;
/** A topic typed by someone probing the help desk: a spreadsheet would run it. */
const FORMULA_TOPIC = "-2+3+cmd|' /C calc'!A0";
const TOPICS: readonly string[] = [...TICKET_TOPICS, FORMULA_TOPIC];
const UNHAPPY = new Set([T.delivery_delay, T.damaged_item, T.refund, T.payment_issue]);

const TICKET_PER_ORDER = 0.085;
const TICKET_PER_TROUBLED_ORDER = 0.35;
const ACCOUNT_TICKET_RATE = 0.08;
const UNKNOWN_CONTACT_SHARE = 0.07;
const RATED_SHARE = 0.6;
const CSAT_HAPPY = cumulative([5, 7, 13, 30, 45]);
const CSAT_UNHAPPY = cumulative([15, 15, 20, 25, 25]);
const PRIORITY = cumulative([25, 55, 15, 5]);
const PRIORITY_URGENT_TOPIC = cumulative([5, 45, 35, 15]);
const CHANNEL = cumulative([45, 35, 20]);

const COL = Object.fromEntries(rawSupportTickets.columns.map((c, i) => [c.name, i])) as Record<string, number>;

export function generateSupportTickets(
  rng: Rng, clock: Clock, people: People, orders: OrderFacts, issues: boolean,
): { table: Table; injected: Record<string, number> } {
  const nowT = clock.nowT;
  const tEmail: (string | null)[] = [];
  const tOpened = new U32Builder(Math.round(people.realCount * 0.5) + 64);
  const tTopic = new U8Builder(Math.round(people.realCount * 0.5) + 64);

  const add = (email: string | null, opened: number, topic: number): void => {
    tEmail.push(email);
    tOpened.push(opened);
    tTopic.push(topic);
  };
  const typed = (p: number): string => (issues && rng.chance(0.1) ? emailVariant(rng, people.email[p]) : people.email[p]);

  for (let p = 0; p < people.realCount; p++) {
    for (let k = orders.personStart[p]; k < orders.personStart[p + 1]; k++) {
      const last = orders.lastStatus[k];
      const troubled = last === CANCELLED || last === RETURNED;
      if (!rng.chance(troubled ? TICKET_PER_TROUBLED_ORDER : TICKET_PER_ORDER)) continue;
      let topic: number;
      let from = orders.orderT[k];
      if (last === RETURNED) {
        topic = rng.chance(0.6) ? T.return_request : T.refund;
        from = orders.lastT[k];
      } else if (last === CANCELLED) {
        topic = rng.chance(0.7) ? T.refund : T.order_status;
        from = orders.lastT[k];
      } else if (last === DELIVERED) {
        const u = rng.next();
        topic = u < 0.25 ? T.damaged_item : u < 0.45 ? T.return_request : u < 0.65 ? T.product_question : u < 0.8 ? T.order_status : u < 0.9 ? T.payment_issue : T.delivery_delay;
        from = orders.lastT[k];
      } else {
        const u = rng.next();
        topic = u < 0.5 ? T.delivery_delay : u < 0.9 ? T.order_status : T.payment_issue;
      }
      const opened = from + soon(rng, HOUR_S, 10 * DAY_S);
      if (opened > nowT) continue;
      add(typed(p), opened, topic);
    }
    if (rng.chance(ACCOUNT_TICKET_RATE)) {
      const u = rng.next();
      const topic = u < 0.35 ? T.account_access : u < 0.6 ? T.loyalty_points : u < 0.85 ? T.product_question : u < 0.92 ? T.gdpr_request : T.other;
      const tz = LOCALES[people.locale[p]].utcOffsetHours;
      add(typed(p), clock.sample(rng, people.startT[p], nowT - MINUTE_S, 'office', tz), topic);
    }
  }
  // People the shop has no record of: a four-digit suffix never appears in customers' emails.
  const unknown = Math.round((tOpened.length * UNKNOWN_CONTACT_SHARE) / (1 - UNKNOWN_CONTACT_SHARE));
  for (let k = 0; k < unknown; k++) {
    const loc = LOCALES[rng.int(LOCALES.length)];
    const female = rng.chance(0.5);
    const first = emailPart(rng.pick(female ? loc.femaleNames : loc.maleNames), loc.translit);
    const last = emailPart(rng.pick(loc.lastNames) + (female ? loc.femaleSuffix : ''), loc.translit);
    const email = `${first}.${last}${between(rng, 1000, 9999)}@${rng.pick(loc.providers)[0]}`;
    const u = rng.next();
    const topic = u < 0.5 ? T.product_question : u < 0.8 ? T.order_status : T.other;
    add(email, clock.sample(rng, nowT - 2 * 365 * DAY_S, nowT - MINUTE_S, 'office', loc.utcOffsetHours), topic);
  }

  const n = tOpened.length;
  const opened = tOpened.toArray();
  const order = orderByKey(opened, n);
  const arena = new ColumnArena(n, 4, 4);
  const idCol = arena.float64();
  const emailCol: (string | null)[] = new Array(n);
  const openedCol = arena.float64();
  const closedCol = arena.float64();
  const statusCol = arena.int32();
  const priorityCol = arena.int32();
  const channelCol = arena.int32();
  const topicCol = arena.int32();
  const csatCol = arena.float64();
  for (let f = 0; f < n; f++) {
    const e = order[f];
    const t = opened[e];
    const topic = tTopic.get(e);
    const age = nowT - t;
    const u = rng.next();
    let status = age < 2 * DAY_S ? (u < 0.5 ? OPEN : u < 0.8 ? PENDING : SOLVED)
      : age < 10 * DAY_S ? (u < 0.15 ? OPEN : u < 0.4 ? PENDING : u < 0.85 ? SOLVED : CLOSED)
      : u < 0.02 ? OPEN : u < 0.05 ? PENDING : u < 0.3 ? SOLVED : CLOSED;
    let closed = NaN;
    if (status === SOLVED || status === CLOSED) {
      const at = t + soon(rng, 10 * MINUTE_S, 6 * DAY_S);
      if (at > nowT) status = PENDING;
      else closed = clock.toMs(at);
    }
    const channel = pickWeighted(rng, CHANNEL);
    idCol[f] = f + 1;
    emailCol[f] = channel === PHONE_CHANNEL && rng.chance(0.4) ? null : tEmail[e];
    openedCol[f] = clock.toMs(t);
    closedCol[f] = closed;
    statusCol[f] = status;
    priorityCol[f] = pickWeighted(rng, topic === T.payment_issue || topic === T.damaged_item || topic === T.account_access ? PRIORITY_URGENT_TOPIC : PRIORITY);
    channelCol[f] = channel;
    topicCol[f] = topic;
    csatCol[f] = Number.isNaN(closed) || !rng.chance(RATED_SHARE) ? NaN : 1 + pickWeighted(rng, UNHAPPY.has(topic) ? CSAT_UNHAPPY : CSAT_HAPPY);
  }

  let formulaRows = 0;
  const malformed = new Malformations(n);
  if (issues && n > 0) {
    formulaRows = Math.min(n, Math.max(1, Math.round(n * 0.002)));
    for (let k = 0, tries = 0; k < formulaRows && tries < formulaRows * 50; tries++) {
      const f = rng.int(n);
      if (topicCol[f] === TOPICS.length - 1) continue;
      topicCol[f] = TOPICS.length - 1;
      k++;
    }
    const reasons = planReasons(rng, malformedCount(rng, n), ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'future_timestamp']);
    for (const reason of reasons) {
      for (let tries = 0; tries < 1000; tries++) {
        const f = rng.int(n);
        if (malformed.has(f) || topicCol[f] === TOPICS.length - 1) continue;
        malformTicket(rng, clock, malformed, f, reason, statusCol[f], openedCol[f], closedCol[f]);
        break;
      }
    }
  }
  const columns: Column[] = [
    id(idCol, 'T', 7), text(emailCol), num(openedCol), num(closedCol), code(statusCol, TICKET_STATUSES),
    code(priorityCol, TICKET_PRIORITIES), code(channelCol, TICKET_CHANNELS), code(topicCol, TOPICS), num(csatCol),
  ];
  const flagged = issues ? malformed.apply(columns, n) : undefined;
  const injected: Record<string, number> = { formula_text: formulaRows };
  malformed.addCounts(injected);
  return { table: makeTable(rawSupportTickets, n, columns, flagged), injected };
}

function malformTicket(
  rng: Rng, clock: Clock, m: Malformations, f: number, reason: string, status: number, openedMs: number, closedMs: number,
): void {
  switch (reason) {
    case 'missing_key':
      m.add(f, COL.ticket_id, '', 'missing_key');
      break;
    case 'unknown_enum': {
      const which = rng.int(3);
      if (which === 0) m.add(f, COL.status, rng.pick(['resolved', 'Closed', 'in_progress']), 'unknown_enum');
      else if (which === 1) m.add(f, COL.priority, rng.pick(['P1', 'critical', '']), 'unknown_enum');
      else m.add(f, COL.channel, rng.pick(['whatsapp', 'twitter', 'Email']), 'unknown_enum');
      break;
    }
    case 'unparseable_timestamp':
      if (!Number.isNaN(closedMs) && rng.chance(0.4)) m.add(f, COL.closed_at, badTimestamp(rng, closedMs), 'unparseable_timestamp');
      else m.add(f, COL.opened_at, badTimestamp(rng, openedMs), 'unparseable_timestamp');
      break;
    default:
      // Still-open tickets get a future opening; closed ones a closing stamped days ahead.
      m.add(f, status === SOLVED || status === CLOSED ? COL.closed_at : COL.opened_at, futureTimestamp(rng, clock.nowMs), 'future_timestamp');
  }
}
