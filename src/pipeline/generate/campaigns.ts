// campaign_events.csv: the CRM's marketing funnel over the last ~18 months. Seasonal campaigns
// (Ramadan, Nowruz, summer sale, Black Friday...) go to CRM records that had granted the channel's
// consent at send time; each recipient's events narrow: sent > delivered > opened (email only) >
// clicked > converted, and some unsubscribe, which withdraws their consent in the ledger.
import type { Rng } from '../random';
import { code, id, makeTable, num, type Column, type Table } from '../table';
import { rawCampaignEvents } from '../schema/raw';
import { CAMPAIGN_CHANNELS, CAMPAIGN_EVENT_TYPES } from '../schema/enums';
import { between, DAY_S, HOUR_S, MINUTE_S, soon, type Clock } from './calendar';
import { ColumnArena, RowBuilder } from './builders';
import { give, take } from './pool';
import { CRM, type CustomerRecords } from './customers';
import { EMAIL_MARKETING, PERSONALIZED_ADS, SMS_MARKETING, type ConsentLedger, type Timelines } from './consent';
import { normalizeEmail } from './contact';
import { badTimestamp, futureTimestamp, malformedCount, Malformations, planReasons } from './malformed';
import { orderByKey } from './sort';
import { civilFromDays, daysFromCivil } from '../time';

const EMAIL = 0, SMS = 1, ADS = 2;
const SENT = 0, DELIVERED = 1, OPENED = 2, CLICKED = 3, UNSUBSCRIBED = 4, CONVERTED = 5;
const PURPOSE_OF_CHANNEL = [EMAIL_MARKETING, SMS_MARKETING, PERSONALIZED_ADS];
const LOOKBACK_DAYS = 548;

type When = { month: number; day: number } | 'ramadan' | 'black_friday' | 'cyber_monday';
const CALENDAR: readonly { when: When; name: string; channel: number }[] = [
  { when: { month: 1, day: 6 }, name: 'New Year Gifts', channel: EMAIL },
  { when: { month: 2, day: 10 }, name: "Valentine's Day", channel: EMAIL },
  { when: 'ramadan', name: 'Ramadan Specials', channel: EMAIL },
  { when: { month: 3, day: 17 }, name: 'Nowruz Offers', channel: SMS },
  { when: { month: 6, day: 18 }, name: 'Summer Sale', channel: EMAIL },
  { when: { month: 7, day: 12 }, name: 'Summer Sale Last Chance', channel: SMS },
  { when: { month: 8, day: 22 }, name: 'Back to School', channel: ADS },
  { when: { month: 10, day: 14 }, name: 'Loyalty Double Points', channel: SMS },
  { when: 'black_friday', name: 'Black Friday', channel: EMAIL },
  { when: 'cyber_monday', name: 'Cyber Monday', channel: ADS },
];
/** First day of Ramadan (the campaign starts five days earlier). */
const RAMADAN_STARTS = [
  [2019, 5, 6], [2020, 4, 24], [2021, 4, 13], [2022, 4, 2], [2023, 3, 23], [2024, 3, 11], [2025, 3, 1],
  [2026, 2, 18], [2027, 2, 8], [2028, 1, 28], [2029, 1, 16], [2030, 1, 6], [2030, 12, 26], [2031, 12, 15], [2032, 12, 4],
] as const;

interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly channel: number;
  readonly sendT: number;
}

/** The campaigns sent in the ~18 months before `now`, oldest first. */
export function campaignSchedule(clock: Clock): Campaign[] {
  const [nowYear] = clock.civil(clock.nowT);
  const found: { name: string; channel: number; sendT: number; y: number; m: number }[] = [];
  for (let year = nowYear - 2; year <= nowYear; year++) {
    for (const c of CALENDAR) {
      const dates: [number, number, number][] = [];
      if (c.when === 'ramadan') {
        for (const [y, m, d] of RAMADAN_STARTS) if (y === year) dates.push(civilPlusDays(y, m, d, -5));
      } else if (c.when === 'black_friday' || c.when === 'cyber_monday') {
        const friday = blackFriday(year);
        dates.push(civilPlusDays(year, 11, friday, c.when === 'black_friday' ? -3 : 3));
      } else {
        dates.push([year, c.when.month, c.when.day]);
      }
      for (const [y, m, d] of dates) {
        const sendT = clock.dateT(y, m, d) + 7 * HOUR_S; // 10:00 in Istanbul
        if (sendT >= clock.nowT - LOOKBACK_DAYS * DAY_S && sendT <= clock.nowT - DAY_S) {
          found.push({ name: `${c.name} ${y}`, channel: c.channel, sendT, y, m });
        }
      }
    }
  }
  found.sort((a, b) => a.sendT - b.sendT);
  const perMonth = new Map<string, number>();
  return found.map((c) => {
    const month = `${c.y}${String(c.m).padStart(2, '0')}`;
    const k = perMonth.get(month) ?? 0;
    perMonth.set(month, k + 1);
    return { id: `CMP-${month}-${String.fromCharCode(65 + k)}`, name: c.name, channel: c.channel, sendT: c.sendT };
  });
}

function civilPlusDays(y: number, m: number, d: number, days: number): [number, number, number] {
  return civilFromDays(daysFromCivil(y, m, d) + days);
}

/** Day of November of Black Friday: the day after the fourth Thursday. */
function blackFriday(year: number): number {
  const nov1 = daysFromCivil(year, 11, 1);
  const dow = (((nov1 + 4) % 7) + 7) % 7; // 0 = Sunday
  const firstThursday = 1 + ((4 - dow + 7) % 7);
  return firstThursday + 21 + 1;
}

const COL = Object.fromEntries(rawCampaignEvents.columns.map((c, i) => [c.name, i])) as Record<string, number>;

/** Campaign events as RowBuilder rows: time, record, campaign | type << 8. */
const E_T = 0, E_RECORD = 1, E_CAMPAIGN_TYPE = 2;
const E_STRIDE = 3;

/** The funnel's events as they happen; none after `now`. */
class CampaignLog {
  readonly rows: RowBuilder;

  constructor(
    private readonly nowT: number,
    expected: number,
  ) {
    this.rows = new RowBuilder(E_STRIDE, expected, true);
  }

  /** Records an event unless it would be after now; says whether it did. */
  push(campaign: number, record: number, type: number, t: number): boolean {
    if (t > this.nowT) return false;
    const b = this.rows.add();
    const buf = this.rows.buf;
    buf[b + E_T] = t;
    buf[b + E_RECORD] = record;
    buf[b + E_CAMPAIGN_TYPE] = campaign | (type << 8);
    return true;
  }
}

export function generateCampaignEvents(
  rng: Rng, clock: Clock, records: CustomerRecords, ledger: ConsentLedger, issues: boolean,
): { table: Table; injected: Record<string, number> } {
  const campaigns = campaignSchedule(clock);
  const crmAll = take(records.count, false);
  let crmCount = 0;
  for (let i = 0; i < records.count; i++) if (records.system[i] === CRM) crmAll[crmCount++] = i;
  const crm = crmAll.subarray(0, crmCount);
  const reachableByEmail = new Uint8Array(records.count);
  for (const i of crm) reachableByEmail[i] = records.email[i] !== null && normalizeEmail(records.email[i]!) !== null ? 1 : 0;

  const log = new CampaignLog(clock.nowT, Math.round(crmCount * campaigns.length * 0.2) + 1024);
  const timelines = ledger.timelines(crm);
  for (let ci = 0; ci < campaigns.length; ci++) sendCampaign(rng, clock, campaigns[ci], ci, crm, timelines, records, reachableByEmail, ledger, log);
  give(crmAll);

  const n = log.rows.length;
  const columns = campaignColumns(clock, campaigns, records, log);
  const eventTs = (columns[COL.event_ts] as Extract<Column, { kind: 'number' }>).values;
  const typeCol = (columns[COL.event_type] as Extract<Column, { kind: 'code' }>).codes;
  log.rows.release();
  const malformed = new Malformations(n);
  if (issues && n > 0) {
    const reasons = planReasons(rng, malformedCount(rng, n), ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'future_timestamp']);
    for (const reason of reasons) {
      for (let tries = 0; tries < 1000; tries++) {
        const f = rng.int(n);
        // Unsubscribes stay intact: each has its withdrawal in the consent ledger.
        if (malformed.has(f) || typeCol[f] === UNSUBSCRIBED) continue;
        malformCampaignEvent(rng, clock, malformed, f, reason, eventTs[f]);
        break;
      }
    }
  }
  const flagged = issues ? malformed.apply(columns, n) : undefined;
  const injected: Record<string, number> = {};
  malformed.addCounts(injected);
  return { table: makeTable(rawCampaignEvents, n, columns, flagged), injected };
}

/** One campaign's funnel over the CRM records in its segment that had consent at send time. */
function sendCampaign(
  rng: Rng, clock: Clock, c: Campaign, ci: number, crm: Uint32Array, timelines: Timelines, records: CustomerRecords,
  reachableByEmail: Uint8Array, ledger: ConsentLedger, log: CampaignLog,
): void {
  const nowT = clock.nowT;
  const purpose = PURPOSE_OF_CHANNEL[c.channel];
  const share = 0.35 + 0.25 * rng.next(); // the campaign's segment
  for (let k = 0; k < crm.length; k++) {
    const i = crm[k];
    if (records.createdT[i] >= c.sendT || !rng.chance(share) || !ledger.grantedAt(timelines, k, i, purpose, c.sendT)) continue;
    const sent = c.sendT + rng.int(3 * HOUR_S);
    if (!log.push(ci, i, SENT, sent)) continue;
    const deliveredP = c.channel === EMAIL ? (reachableByEmail[i] ? 0.96 : 0) : c.channel === SMS ? (records.phone[i] !== null ? 0.97 : 0) : 0.75;
    if (!rng.chance(deliveredP)) continue;
    const delivered = sent + between(rng, 1, 5 * MINUTE_S);
    if (!log.push(ci, i, DELIVERED, delivered)) continue;
    let engaged = delivered;
    let clickP: number;
    if (c.channel === EMAIL) {
      if (!rng.chance(0.22)) continue;
      engaged = delivered + soon(rng, MINUTE_S, 3 * DAY_S);
      if (!log.push(ci, i, OPENED, engaged)) continue;
      if (rng.chance(0.03)) {
        const at = engaged + between(rng, 10, 10 * MINUTE_S);
        if (at <= nowT && ledger.unsubscribe(i, purpose, at)) log.push(ci, i, UNSUBSCRIBED, at);
        continue;
      }
      clickP = 0.18;
    } else if (c.channel === SMS) {
      if (rng.chance(0.012)) {
        const at = delivered + soon(rng, MINUTE_S, 2 * DAY_S);
        if (at <= nowT && ledger.unsubscribe(i, purpose, at)) log.push(ci, i, UNSUBSCRIBED, at);
        continue;
      }
      clickP = 0.07;
    } else {
      clickP = 0.025;
    }
    if (!rng.chance(clickP)) continue;
    const clicked = engaged + soon(rng, 5, DAY_S);
    if (!log.push(ci, i, CLICKED, clicked)) continue;
    if (rng.chance(0.15)) log.push(ci, i, CONVERTED, clicked + soon(rng, 5 * MINUTE_S, 3 * DAY_S));
  }
}

/** The columns of campaign_events.csv: the events by time; event ids follow that order. */
function campaignColumns(clock: Clock, campaigns: readonly Campaign[], records: CustomerRecords, log: CampaignLog): Column[] {
  const n = log.rows.length;
  const buf = log.rows.buf;
  const order = orderByKey(buf, n, E_STRIDE, E_T, take(n, false));
  const arena = new ColumnArena(n, 2, 4);
  const eventId = arena.float64();
  const campaignCol = arena.int32();
  const campaignNameCol = arena.int32();
  const channelCol = arena.int32();
  const customer = new Int32Array(n);
  const typeCol = arena.int32();
  const eventTs = arena.float64();
  const baseMs = clock.toMs(0);
  for (let f = 0; f < n; f++) {
    const b = order[f] * E_STRIDE;
    const c = buf[b + E_CAMPAIGN_TYPE] & 0xff;
    eventId[f] = f + 1;
    campaignCol[f] = c;
    campaignNameCol[f] = c;
    channelCol[f] = campaigns[c].channel;
    customer[f] = buf[b + E_RECORD];
    typeCol[f] = buf[b + E_CAMPAIGN_TYPE] >>> 8;
    eventTs[f] = baseMs + buf[b + E_T] * 1000;
  }
  give(order);
  return [
    id(eventId, 'CE', 9), code(campaignCol, campaigns.map((c) => c.id)), code(campaignNameCol, campaigns.map((c) => c.name)),
    code(channelCol, CAMPAIGN_CHANNELS), code(customer, records.id), code(typeCol, CAMPAIGN_EVENT_TYPES), num(eventTs),
  ];
}

function malformCampaignEvent(rng: Rng, clock: Clock, m: Malformations, f: number, reason: string, ms: number): void {
  switch (reason) {
    case 'missing_key':
      m.add(f, COL.event_id, '', 'missing_key');
      break;
    case 'unknown_enum':
      if (rng.chance(0.6)) m.add(f, COL.event_type, rng.pick(['bounced', 'Opened', 'open', '']), 'unknown_enum');
      else m.add(f, COL.channel, rng.pick(['push', 'EMAIL', 'whatsapp']), 'unknown_enum');
      break;
    case 'unparseable_timestamp':
      m.add(f, COL.event_ts, badTimestamp(rng, ms), 'unparseable_timestamp');
      break;
    default:
      m.add(f, COL.event_ts, futureTimestamp(rng, clock.nowMs), 'future_timestamp');
  }
}
