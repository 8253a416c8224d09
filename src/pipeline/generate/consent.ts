// consent_events.csv: every consent decision of every customer record, per purpose. At sign-up a
// record grants or refuses each purpose it is asked about (grant rates differ by purpose and, for
// ads, by region); later the person changes their mind in the preference centre, at checkout or
// with support, and unsubscribe links in campaigns withdraw consent. Campaigns read this ledger to
// send only to records with consent at send time.
import type { Rng } from '../random';
import { code, id, makeTable, text, num, type Column, type Table } from '../table';
import { rawConsentEvents } from '../schema/raw';
import { CAPTURE_POINTS, CONSENT_PURPOSES, CONSENT_STATUSES, SOURCE_SYSTEMS } from '../schema/enums';
import { between, DAY_S, type Clock } from './calendar';
import { RowBuilder } from './builders';
import { give, take } from './pool';
import { CRM, STORE, WEB, type CustomerRecords } from './customers';
import { badTimestamp, futureTimestamp, malformedCount, Malformations, planReasons } from './malformed';
import { orderByKey } from './sort';

export const EMAIL_MARKETING = 0, SMS_MARKETING = 1, PERSONALIZED_ADS = 2;
const GRANTED = 0, WITHDRAWN = 1;
const SIGNUP = 0, PREFERENCE_CENTER = 1, CHECKOUT = 2, UNSUBSCRIBE_LINK = 3, SUPPORT = 4;

/** Chance that sign-up asks about each purpose, per system (web, store, crm). */
const ASKED: readonly (readonly number[])[] = [
  [1, 0.9, 0.9],
  [0.6, 0.55, 0.2],
  [0.9, 0.9, 0.8],
];
/** Chance of granting at sign-up, per purpose; ads consent is rarer in the UK and Germany. */
const GRANT = [0.65, 0.35, 0.5];
const GRANT_ADS_EUROPE = 0.3;
const CHANGE_RATE = 0.1;

const COL = Object.fromEntries(rawConsentEvents.columns.map((c, i) => [c.name, i])) as Record<string, number>;

/** Ledger rows (array of structs, see RowBuilder): record, time, purpose | status << 2 | point << 3. */
const L_RECORD = 0, L_T = 1, L_BITS = 2;
const STRIDE = 3;

export class ConsentLedger {
  private readonly rows: RowBuilder;
  /** Ledger rows of record i (before unsubscribes): first[i] .. first[i] + count[i] - 1. */
  private readonly first: Uint32Array;
  private readonly count: Uint8Array;
  private readonly timelineCount: number;
  /** Time of the campaign unsubscribe per record and purpose (+1), 0 = none. */
  private readonly unsubscribedT: Uint32Array;

  constructor(rng: Rng, clock: Clock, private readonly records: CustomerRecords) {
    const nowT = clock.nowT;
    this.rows = new RowBuilder(STRIDE, Math.ceil(records.count * 2.7), true);
    this.first = new Uint32Array(records.count);
    this.count = new Uint8Array(records.count);
    this.unsubscribedT = new Uint32Array(records.count * 3);
    // Records in creation order: sign-up decisions then come out nearly in time order.
    const byCreation = orderByKey(records.createdT, records.count, 1, 0, take(records.count));
    for (let k = 0; k < records.count; k++) {
      const i = byCreation[k];
      this.first[i] = this.rows.length;
      const sys = records.system[i];
      const created = records.createdT[i];
      const europe = records.country[i] === 'DE' || records.country[i] === 'GB';
      for (let q = 0; q < 3; q++) {
        let current = -1;
        if (rng.chance(ASKED[sys][q])) {
          current = rng.chance(q === PERSONALIZED_ADS && europe ? GRANT_ADS_EUROPE : GRANT[q]) ? GRANTED : WITHDRAWN;
          this.push(i, q, current, created, SIGNUP);
        }
        if (!rng.chance(CHANGE_RATE) || nowT - created < 2 * DAY_S) continue;
        let at = created + between(rng, DAY_S, nowT - created);
        for (let change = 0; change < 2 && at <= nowT; change++) {
          const next = current === GRANTED ? WITHDRAWN : GRANTED;
          this.push(i, q, next, at, changePoint(rng, next, q, sys));
          current = next;
          if (!rng.chance(0.25)) break;
          at += between(rng, DAY_S, 200 * DAY_S);
        }
      }
      this.count[i] = this.rows.length - this.first[i];
    }
    give(byCreation);
    this.timelineCount = this.rows.length;
  }

  /** Whether record `i` had granted `purpose` at time `at` (no decision yet counts as no). */
  grantedAt(i: number, purpose: number, at: number): boolean {
    const buf = this.rows.buf;
    let latestT = -1;
    let latest = -1;
    for (let e = this.first[i], end = e + this.count[i]; e < end; e++) {
      const bits = buf[e * STRIDE + L_BITS];
      if ((bits & 3) !== purpose) continue;
      const t = buf[e * STRIDE + L_T];
      if (t <= at && t >= latestT) {
        latestT = t;
        latest = (bits >> 2) & 1;
      }
    }
    const unsub = this.unsubscribedT[i * 3 + purpose] - 1;
    if (unsub >= 0 && unsub <= at && unsub >= latestT) return false;
    return latest === GRANTED;
  }

  /** A campaign's unsubscribe link: withdraws the purpose (once per record and purpose). */
  unsubscribe(i: number, purpose: number, at: number): boolean {
    if (this.unsubscribedT[i * 3 + purpose] !== 0) return false;
    this.unsubscribedT[i * 3 + purpose] = at + 1;
    this.push(i, purpose, WITHDRAWN, at, UNSUBSCRIBE_LINK);
    return true;
  }

  /** consent_events.csv, by event time; event ids follow that order. */
  toTable(rng: Rng, clock: Clock, issues: boolean): { table: Table; injected: Record<string, number> } {
    const n = this.rows.length;
    const buf = this.rows.buf;
    const order = orderByKey(buf, n, STRIDE, L_T, take(n));
    const eventId = new Float64Array(n);
    const system = new Int32Array(n);
    const customer: (string | null)[] = new Array(n);
    const purpose = new Int32Array(n);
    const status = new Int32Array(n);
    const eventTs = new Float64Array(n);
    const point = new Int32Array(n);
    const baseMs = clock.toMs(0);
    for (let f = 0; f < n; f++) {
      const b = order[f] * STRIDE;
      const rec = buf[b + L_RECORD];
      const bits = buf[b + L_BITS];
      eventId[f] = f + 1;
      system[f] = this.records.system[rec];
      customer[f] = this.records.id[rec];
      purpose[f] = bits & 3;
      status[f] = (bits >> 2) & 1;
      eventTs[f] = baseMs + buf[b + L_T] * 1000;
      point[f] = bits >> 3;
    }
    const columns: Column[] = [
      id(eventId, 'CN', 8), code(system, SOURCE_SYSTEMS), text(customer), code(purpose, CONSENT_PURPOSES),
      code(status, CONSENT_STATUSES), num(eventTs), code(point, CAPTURE_POINTS),
    ];
    const malformed = new Malformations(n);
    if (issues) {
      // Campaign unsubscribes stay intact, so every `unsubscribed` campaign event has its withdrawal.
      const reasons = planReasons(rng, malformedCount(rng, n), ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'future_timestamp']);
      for (const reason of reasons) {
        for (let tries = 0; tries < 1000; tries++) {
          const f = rng.int(n);
          if (order[f] >= this.timelineCount || malformed.has(f)) continue;
          malformConsent(rng, clock, malformed, f, reason, eventTs[f]);
          break;
        }
      }
    }
    const flagged = issues ? malformed.apply(columns, n) : undefined;
    const injected: Record<string, number> = {};
    malformed.addCounts(injected);
    give(order);
    this.rows.release();
    return { table: makeTable(rawConsentEvents, n, columns, flagged), injected };
  }

  private push(i: number, purpose: number, status: number, at: number, point: number): void {
    const b = this.rows.add();
    const buf = this.rows.buf;
    buf[b + L_RECORD] = i;
    buf[b + L_T] = at;
    buf[b + L_BITS] = purpose | (status << 2) | (point << 3);
  }
}

function changePoint(rng: Rng, next: number, purpose: number, sys: number): number {
  const u = rng.next();
  if (next === GRANTED) return u < 0.5 ? PREFERENCE_CENTER : u < 0.9 ? (sys === CRM ? SUPPORT : CHECKOUT) : SUPPORT;
  if (purpose !== PERSONALIZED_ADS && u < 0.15) return UNSUBSCRIBE_LINK;
  return u < 0.75 || sys === WEB || sys === STORE ? PREFERENCE_CENTER : SUPPORT;
}

function malformConsent(rng: Rng, clock: Clock, m: Malformations, f: number, reason: string, ms: number): void {
  switch (reason) {
    case 'missing_key':
      m.add(f, COL.event_id, '', 'missing_key');
      break;
    case 'unknown_enum': {
      const which = rng.int(4);
      if (which === 0) m.add(f, COL.purpose, rng.pick(['marketing', 'newsletter', 'email']), 'unknown_enum');
      else if (which === 1) m.add(f, COL.status, rng.pick(['opt_in', 'yes', 'GRANTED', '']), 'unknown_enum');
      else if (which === 2) m.add(f, COL.capture_point, rng.pick(['cookie_banner', 'app', '']), 'unknown_enum');
      else m.add(f, COL.source_system, rng.pick(['pos', 'CRM', 'mobile']), 'unknown_enum');
      break;
    }
    case 'unparseable_timestamp':
      m.add(f, COL.event_ts, badTimestamp(rng, ms), 'unparseable_timestamp');
      break;
    default:
      m.add(f, COL.event_ts, futureTimestamp(rng, clock.nowMs), 'future_timestamp');
  }
}
