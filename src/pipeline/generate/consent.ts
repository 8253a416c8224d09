// consent_events.csv: every consent decision of every customer record, per purpose. At sign-up a
// record grants or refuses each purpose it is asked about (grant rates differ by purpose and, for
// ads, by region); later the person changes their mind in the preference centre, at checkout or
// with support, and unsubscribe links in campaigns withdraw consent. Campaigns read this ledger to
// send only to records with consent at send time.
import type { Rng } from '../random';
import { code, id, makeTable, num, type Column, type Table } from '../table';
import { rawConsentEvents } from '../schema/raw';
import { CAPTURE_POINTS, CONSENT_PURPOSES, CONSENT_STATUSES, SOURCE_SYSTEMS } from '../schema/enums';
import { between, DAY_S, type Clock } from './calendar';
import { ColumnArena, RowBuilder } from './builders';
import { give, take } from './pool';
import { CRM, STORE, WEB, type CustomerRecords } from './customers';
import { badTimestamp, futureTimestamp, malformedCount, Malformations, planReasons } from './malformed';
import { wordCode } from './name-tables';
import { sortRows } from './sort';

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

/** Ledger rows (array of structs, see RowBuilder): record, time, and purpose | status << 2 |
 *  capture point << 3 | the record's system << 6, with CAMPAIGN set on a campaign's unsubscribe. */
const L_RECORD = 0, L_T = 1, L_BITS = 2;
const STRIDE = 3;
const CAMPAIGN = 1 << 8;
/** Records in creation order (RowBuilder rows): record, created, system | EUROPE. */
const R_RECORD = 0, R_CREATED = 1, R_SYSTEM = 2;
const EUROPE = 1 << 2;

/**
 * The consent rows of some records, copied out of the ledger in one given order: campaigns read
 * the timelines of the same records in the same order campaign after campaign, and a compact
 * copy reads front to back instead of jumping through the whole ledger for each record.
 */
export interface Timelines {
  /** Rows of the k-th record: start[k] .. start[k + 1] - 1. */
  readonly start: Uint32Array;
  readonly t: Uint32Array;
  /** purpose | status << 2 */
  readonly bits: Uint8Array;
}

export class ConsentLedger {
  private readonly rows: RowBuilder;
  /** Ledger rows of record i (before unsubscribes): first[i] .. first[i] + count[i] - 1. */
  private readonly first: Uint32Array;
  private readonly count: Uint8Array;
  /** Time of the campaign unsubscribe per record and purpose (+1), 0 = none. */
  private readonly unsubscribedT: Uint32Array;

  constructor(rng: Rng, clock: Clock, private readonly records: CustomerRecords) {
    const nowT = clock.nowT;
    this.rows = new RowBuilder(STRIDE, Math.ceil(records.count * 2.7), true);
    this.first = new Uint32Array(records.count);
    this.count = new Uint8Array(records.count);
    this.unsubscribedT = new Uint32Array(records.count * 3);
    // Records in creation order: sign-up decisions then come out nearly in time order.
    const byCreation = recordsByCreation(records);
    for (let b = 0, end = records.count * 3; b < end; b += 3) {
      const i = byCreation[b + R_RECORD];
      const created = byCreation[b + R_CREATED];
      const sys = byCreation[b + R_SYSTEM] & 3;
      const europe = (byCreation[b + R_SYSTEM] & EUROPE) !== 0;
      this.first[i] = this.rows.length;
      for (let q = 0; q < 3; q++) {
        let current = -1;
        if (rng.chance(ASKED[sys][q])) {
          current = rng.chance(q === PERSONALIZED_ADS && europe ? GRANT_ADS_EUROPE : GRANT[q]) ? GRANTED : WITHDRAWN;
          this.push(i, sys, q, current, created, SIGNUP);
        }
        if (!rng.chance(CHANGE_RATE) || nowT - created < 2 * DAY_S) continue;
        let at = created + between(rng, DAY_S, nowT - created);
        for (let change = 0; change < 2 && at <= nowT; change++) {
          const next = current === GRANTED ? WITHDRAWN : GRANTED;
          this.push(i, sys, q, next, at, changePoint(rng, next, q, sys));
          current = next;
          if (!rng.chance(0.25)) break;
          at += between(rng, DAY_S, 200 * DAY_S);
        }
      }
      this.count[i] = this.rows.length - this.first[i];
    }
    give(byCreation);
  }

  /** The timelines of records `list` (before unsubscribes), in the list's order. */
  timelines(list: Uint32Array): Timelines {
    const start = new Uint32Array(list.length + 1);
    for (let k = 0; k < list.length; k++) start[k + 1] = start[k] + this.count[list[k]];
    const t = new Uint32Array(start[list.length]);
    const bits = new Uint8Array(start[list.length]);
    const buf = this.rows.buf;
    for (let k = 0, to = 0; k < list.length; k++) {
      for (let e = this.first[list[k]], end = e + this.count[list[k]]; e < end; e++, to++) {
        t[to] = buf[e * STRIDE + L_T];
        bits[to] = buf[e * STRIDE + L_BITS] & 7;
      }
    }
    return { start, t, bits };
  }

  /**
   * Whether record `i`, the k-th of `timelines`, had granted `purpose` at time `at` (no decision
   * yet counts as no).
   */
  grantedAt(timelines: Timelines, k: number, i: number, purpose: number, at: number): boolean {
    const { t, bits } = timelines;
    let latestT = -1;
    let latest = -1;
    for (let e = timelines.start[k], end = timelines.start[k + 1]; e < end; e++) {
      if ((bits[e] & 3) !== purpose) continue;
      if (t[e] <= at && t[e] >= latestT) {
        latestT = t[e];
        latest = (bits[e] >> 2) & 1;
      }
    }
    return this.decided(i, purpose, at, latestT, latest);
  }

  /** The latest decision up to `at`, unless a campaign's unsubscribe came after it. */
  private decided(i: number, purpose: number, at: number, latestT: number, latest: number): boolean {
    const unsub = this.unsubscribedT[i * 3 + purpose] - 1;
    if (unsub >= 0 && unsub <= at && unsub >= latestT) return false;
    return latest === GRANTED;
  }

  /** A campaign's unsubscribe link: withdraws the purpose (once per record and purpose). */
  unsubscribe(i: number, purpose: number, at: number): boolean {
    if (this.unsubscribedT[i * 3 + purpose] !== 0) return false;
    this.unsubscribedT[i * 3 + purpose] = at + 1;
    this.push(i, this.records.system[i], purpose, WITHDRAWN, at, UNSUBSCRIBE_LINK, CAMPAIGN);
    return true;
  }

  /** consent_events.csv, by event time; event ids follow that order. */
  toTable(rng: Rng, clock: Clock, issues: boolean): { table: Table; injected: Record<string, number> } {
    const n = this.rows.length;
    sortRows(this.rows.buf, n, STRIDE, L_T);
    const sorted = this.rows.buf;
    const arena = new ColumnArena(n, 2, 4);
    const eventId = arena.float64();
    const system = arena.int32();
    const customer = new Int32Array(n);
    const purpose = arena.int32();
    const status = arena.int32();
    const eventTs = arena.float64();
    const point = arena.int32();
    const baseMs = clock.toMs(0);
    const ids = this.records.id;
    for (let f = 0, b = 0; f < n; f++, b += STRIDE) {
      const bits = sorted[b + L_BITS];
      eventId[f] = f + 1;
      system[f] = (bits >> 6) & 3;
      customer[f] = sorted[b + L_RECORD];
      purpose[f] = bits & 3;
      status[f] = (bits >> 2) & 1;
      eventTs[f] = baseMs + sorted[b + L_T] * 1000;
      point[f] = (bits >> 3) & 7;
    }
    const columns: Column[] = [
      id(eventId, 'CN', 8), code(system, SOURCE_SYSTEMS), code(customer, ids), code(purpose, CONSENT_PURPOSES),
      code(status, CONSENT_STATUSES), num(eventTs), code(point, CAPTURE_POINTS),
    ];
    const malformed = new Malformations(n);
    if (issues) {
      // Campaign unsubscribes stay intact, so every `unsubscribed` campaign event has its withdrawal.
      const reasons = planReasons(rng, malformedCount(rng, n), ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'future_timestamp']);
      for (const reason of reasons) {
        for (let tries = 0; tries < 1000; tries++) {
          const f = rng.int(n);
          if (sorted[f * STRIDE + L_BITS] & CAMPAIGN || malformed.has(f)) continue;
          malformConsent(rng, clock, malformed, f, reason, eventTs[f]);
          break;
        }
      }
    }
    this.rows.release();
    const flagged = issues ? malformed.apply(columns, n) : undefined;
    const injected: Record<string, number> = {};
    malformed.addCounts(injected);
    return { table: makeTable(rawConsentEvents, n, columns, flagged), injected };
  }

  /** `campaign`: CAMPAIGN for a campaign's unsubscribe, else 0. */
  private push(i: number, sys: number, purpose: number, status: number, at: number, point: number, campaign = 0): void {
    const b = this.rows.add();
    const buf = this.rows.buf;
    buf[b + L_RECORD] = i;
    buf[b + L_T] = at;
    buf[b + L_BITS] = purpose | (status << 2) | (point << 3) | (sys << 6) | campaign;
  }
}

/** Every record as (record, created, system | EUROPE), ordered by creation. */
function recordsByCreation(records: CustomerRecords): Uint32Array {
  const rows = take(records.count * 3, false);
  const germany = wordCode('DE'), britain = wordCode('GB');
  for (let i = 0, b = 0; i < records.count; i++, b += 3) {
    const country = records.country[i];
    rows[b + R_RECORD] = i;
    rows[b + R_CREATED] = records.createdT[i];
    rows[b + R_SYSTEM] = records.system[i] | (country === germany || country === britain ? EUROPE : 0);
  }
  sortRows(rows, records.count, 3, R_CREATED);
  return rows;
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
