// People and their customer records: one row per record in customers.csv, one row per record
// key in truth/person_map.csv. A person has records in one, two or three systems (web, store,
// crm), each with the person's name, email, phone and loyalty card as that system wrote them.
import type { Rng } from '../random';
import { code, id, makeTable, num, text, type Column, type Table } from '../table';
import { rawCustomers, truthPersonMap } from '../schema/raw';
import { between, cumulative, DAY_S, HOUR_S, pickWeighted, soon, type Clock, type Rhythm } from './calendar';
import { EmailRegistry, emailInvalid, emailLocal, emailVariant, formatPhone, PhoneNumbers, PHONE_STYLES, type PhoneStyle } from './contact';
import { U32Builder, U8Builder } from './builders';
import {
  asciiFold, DE_TURKISH_NAME_SHARE, emailPart, LOCALES, PLACEHOLDER_EMAILS, PLACEHOLDER_LOYALTY, PLACEHOLDER_PHONE_TR,
} from './locales';
import { badTimestamp, futureTimestamp, malformedCount, Malformations, planReasons } from './malformed';
import { orderByKey } from './sort';

export const WEB = 0;
export const STORE = 1;
export const CRM = 2;
const ID_PREFIX = ['W', 'S', 'C'];

/** Record flags: what a record is, so later injections leave it alone. */
const F_JUNK = 1; // a QA test account, its own person
const F_HOUSEHOLD = 2; // holds a phone shared with another person
const F_PLACEHOLDER = 4; // holds a placeholder email, phone or loyalty id
const F_FORMULA = 8; // a name that a spreadsheet would run
const F_CHANGED = 16; // the person's newer identity: new email, no shared phone or loyalty

const YEAR_S = 365 * DAY_S;

export interface People {
  /** Real persons (`params.customers`); junk test accounts come after them. */
  readonly realCount: number;
  readonly count: number;
  readonly locale: Uint8Array;
  /** Relative appetite for shopping and browsing, mean 1, long right tail. */
  readonly activity: Float64Array;
  /** When the person's first record was created, and when they stop shopping (churn or `now`). */
  readonly startT: Uint32Array;
  readonly endT: Uint32Array;
  /** The address the person uses today (what they type into a support form). */
  readonly email: string[];
  /** Records of person p are recStart[p] .. recStart[p + 1] - 1; the first is the oldest. */
  readonly recStart: Uint32Array;
  /** Index of the person's web, store and crm record, or -1. */
  readonly webRecord: Int32Array;
  readonly storeRecord: Int32Array;
  readonly crmRecord: Int32Array;
}

export interface CustomerRecords {
  readonly count: number;
  readonly person: Uint32Array;
  readonly system: Uint8Array;
  readonly idNum: Float64Array;
  /** `W0000042`: one string instance per record, reused by every event that references it. */
  readonly id: string[];
  readonly firstName: (string | null)[];
  readonly lastName: (string | null)[];
  readonly email: (string | null)[];
  readonly phone: (string | null)[];
  readonly city: (string | null)[];
  readonly country: string[];
  readonly loyalty: (string | null)[];
  readonly createdT: Uint32Array;
  readonly updatedT: Uint32Array;
  readonly flags: Uint8Array;
  /** What was done to the email / phone field (see FIELD_*), for exact counts. */
  readonly emailState: Uint8Array;
  readonly phoneState: Uint8Array;
}

/** States of an email or phone field. */
const FIELD_CLEAN = 0, FIELD_MISSING = 1, FIELD_INVALID = 2, FIELD_VARIANT = 3, FIELD_PLACEHOLDER = 4;

export interface CustomersResult {
  readonly people: People;
  readonly records: CustomerRecords;
  readonly customers: Table;
  readonly personMap: Table;
  /** Customer ids that existed and were erased (GDPR): what orphan orders point to. */
  readonly erasedIds: readonly (readonly string[])[];
  readonly injected: Record<string, number>;
}

const SYSTEM_RHYTHM: readonly Rhythm[] = ['online', 'store', 'office'];
/** Chance that a record has an email / a phone at all (issues on). */
const EMAIL_PRESENT = [1, 0.68, 0.9];
const PHONE_PRESENT = [0.62, 0.95, 0.85];
const EMAIL_VARIANT = [0.06, 0.12, 0.08];
const INVALID_EMAIL = 0.006;
/** How each system writes phones (issues on): web has a phone widget, stores type national numbers. */
const PHONE_STYLE_WEIGHTS: readonly (readonly number[])[] = [
  // e164, national, national_grouped, intl_grouped, intl_00, national_brackets, intl_dashed
  [70, 10, 0, 20, 0, 0, 0],
  [10, 25, 45, 0, 5, 15, 0],
  [40, 0, 0, 35, 10, 0, 15],
];
const HOUSEHOLD_RATE = 0.008;
const CHANGED_IDENTITY_RATE = 0.05;
const LOYALTY_RATE = 0.4;
const REPEATED_KEY_RATE = 0.015;
const FORMULA_NAMES = [
  '=HYPERLINK("http://evil.example","Click")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '+Ali',
  '=1+1',
  "-2+3+cmd|' /C calc'!A0",
  '@Ayse',
];
const TEST_LAST_NAMES = ['User', 'Tester', 'Demo', 'QA'];

class RecordBuilder {
  readonly person: U32Builder;
  readonly system: U8Builder;
  readonly firstName: (string | null)[] = [];
  readonly lastName: (string | null)[] = [];
  readonly email: (string | null)[] = [];
  readonly phone: (string | null)[] = [];
  readonly city: (string | null)[] = [];
  readonly country: string[] = [];
  readonly loyalty: (string | null)[] = [];
  readonly createdT: U32Builder;
  readonly updatedT: U32Builder;
  readonly flags: U8Builder;
  readonly emailState: U8Builder;
  readonly phoneState: U8Builder;

  constructor(expected: number) {
    this.person = new U32Builder(expected);
    this.system = new U8Builder(expected);
    this.createdT = new U32Builder(expected);
    this.updatedT = new U32Builder(expected);
    this.flags = new U8Builder(expected);
    this.emailState = new U8Builder(expected);
    this.phoneState = new U8Builder(expected);
  }

  get length(): number {
    return this.person.length;
  }
}

export function generateCustomers(rng: Rng, clock: Clock, realCount: number, issues: boolean): CustomersResult {
  const nowT = clock.nowT;
  const countryCum = cumulative(LOCALES.map((l) => l.weight));
  const cityCum = LOCALES.map((l) => cumulative(l.cities.map((c) => c[1])));
  const providerCum = LOCALES.map((l) => cumulative(l.providers.map((c) => c[1])));
  const styleCum = PHONE_STYLE_WEIGHTS.map((w) => cumulative(w));
  const trIndex = LOCALES.findIndex((l) => l.code === 'TR');
  const deIndex = LOCALES.findIndex((l) => l.code === 'DE');

  const emails = new EmailRegistry();
  const phones = new PhoneNumbers(rng);
  const folded = new Map<string, string>();
  const fold = (s: string, translit: 'turkic' | 'german'): string => {
    let v = folded.get(s);
    if (v === undefined) folded.set(s, (v = asciiFold(s, translit)));
    return v;
  };
  const rb = new RecordBuilder(Math.ceil(realCount * (issues ? 1.62 : 1)) + 64);

  const testCount = issues ? placeholderHolders(rng, realCount) : 0;
  const count = realCount + testCount;
  const locale = new Uint8Array(count);
  const activity = new Float64Array(count);
  const startT = new Uint32Array(count);
  const endT = new Uint32Array(count);
  const personEmail: string[] = new Array(count);
  const recStart = new Uint32Array(count + 1);

  const partCache = new Map<string, string>();
  const part = (name: string, translit: 'turkic' | 'german'): string => {
    let v = partCache.get(name);
    if (v === undefined) partCache.set(name, (v = emailPart(name, translit)));
    return v;
  };
  const uniqueEmail = (li: number, nameLi: number, first: string, last: string, yy: string): string => {
    const tr = LOCALES[nameLi].translit;
    const f = part(first, tr);
    const l = part(last, tr);
    const provider = LOCALES[li].providers[pickWeighted(rng, providerCum[li])][0];
    let local = emailLocal(rng, f, l, yy);
    while (!emails.claim(local, provider)) local = f + '.' + l + between(rng, 1, 999);
    return local + '@' + provider;
  };

  // Household: the head's phone (E.164 on every record) is shared with the next person.
  const heads = issues ? chooseHouseholdHeads(rng, realCount) : new Uint8Array(realCount);
  let household: Household | null = null;
  let households = 0;

  for (let p = 0; p < realCount; p++) {
    recStart[p] = rb.length;
    const member: Household | null = household;
    household = null;
    const li: number = member ? member.li : pickWeighted(rng, countryCum);
    const loc = LOCALES[li];
    const nameLi: number = member ? member.nameLi : li === deIndex && rng.chance(DE_TURKISH_NAME_SHARE) ? trIndex : li;
    const nl = LOCALES[nameLi];
    const city: number = member ? member.city : pickWeighted(rng, cityCum[li]);
    const lastIdx: number = member ? member.last : rng.int(nl.lastNames.length);
    const female = rng.chance(0.5);
    const first = female ? rng.pick(nl.femaleNames) : rng.pick(nl.maleNames);
    const last = nl.lastNames[lastIdx] + (female ? nl.femaleSuffix : '');
    const yy = String((55 + rng.int(52)) % 100).padStart(2, '0'); // born 1955-2006
    const email = uniqueEmail(li, nameLi, first, last, yy);
    const nsn = phones.next(rng, li, city);
    const loyaltyId = rng.chance(LOYALTY_RATE) ? loyaltyText(p) : null;
    const isHead = heads[p] === 1;

    locale[p] = li;
    activity[p] = Math.exp(1.05 * rng.normal() - 0.55);
    // More sign-ups lately: the business grows.
    const windowStart = Math.min(nowT - 2 * HOUR_S, nowT - Math.floor(3 * YEAR_S * (1 - Math.sqrt(rng.next()))));
    const systems = chooseSystems(rng, issues);
    const t0 = clock.sample(rng, windowStart, Math.min(windowStart + 6 * DAY_S, nowT - HOUR_S), SYSTEM_RHYTHM[systems[0]], loc.utcOffsetHours);
    startT[p] = t0;
    endT[p] = rng.chance(0.6) ? nowT : t0 + Math.floor((nowT - t0) * rng.next());

    const changedK = issues && systems.length >= 2 && !member && !isHead && rng.chance(CHANGED_IDENTITY_RATE) ? systems.length - 1 : -1;
    const altEmail = changedK >= 0 ? uniqueEmail(li, nameLi, first, last, String(between(rng, 10, 99))) : null;
    personEmail[p] = altEmail ?? email;
    const hasStore = systems.includes(STORE);
    const hasCrm = systems.includes(CRM);
    let holders = 0;
    let sharedLeft = member ? 5 - member.holders : 0;

    let created = t0;
    for (let k = 0; k < systems.length; k++) {
      const sys = systems[k];
      if (k > 0) created = t0 + Math.floor((nowT - HOUR_S - t0) * Math.pow(rng.next(), 1.3));
      const updated = rng.chance(0.35) ? created : created + soon(rng, 60, Math.max(60, nowT - created));
      const changed = k === changedK;
      let flags = changed ? F_CHANGED : 0;

      // Names: the old store system has no Turkish or German letters.
      const ascii = sys === STORE && rng.chance(0.2);
      rb.firstName.push(ascii ? fold(first, nl.translit) : first);
      rb.lastName.push(ascii ? fold(last, nl.translit) : last);
      rb.city.push(ascii ? fold(loc.cities[city][0], loc.translit) : loc.cities[city][0]);
      rb.country.push(loc.code);

      // Email: the same address, as this system holds it.
      const baseEmail = changed ? altEmail! : email;
      let rawEmail: string | null = baseEmail;
      let emailState = FIELD_CLEAN;
      if (issues) {
        if (!rng.chance(EMAIL_PRESENT[sys])) {
          rawEmail = null;
          emailState = FIELD_MISSING;
        } else if (rng.chance(INVALID_EMAIL)) {
          rawEmail = emailInvalid(rng, baseEmail);
          emailState = FIELD_INVALID;
        } else if (rng.chance(EMAIL_VARIANT[sys])) {
          rawEmail = emailVariant(rng, baseEmail);
          emailState = FIELD_VARIANT;
        }
      }
      rb.email.push(rawEmail);
      rb.emailState.push(emailState);

      // Phone: households first, then the person's own number in this system's style.
      let rawPhone: string | null;
      let phoneState = FIELD_CLEAN;
      if (member && sharedLeft > 0 && (k === 0 || rng.chance(0.5))) {
        rawPhone = formatPhone(loc.phone, member.nsn, 'e164');
        sharedLeft--;
        flags |= F_HOUSEHOLD;
      } else if (isHead) {
        // The head's number is the household's: on a record it is written plainly or not at all.
        if (k === 0 || rng.chance(PHONE_PRESENT[sys])) {
          rawPhone = formatPhone(loc.phone, nsn, 'e164');
          holders++;
          flags |= F_HOUSEHOLD;
        } else {
          rawPhone = null;
          phoneState = FIELD_MISSING;
        }
      } else if (!issues) {
        rawPhone = formatPhone(loc.phone, nsn, 'e164');
      } else if (!rng.chance(PHONE_PRESENT[sys]) || (changed && rng.chance(0.5))) {
        rawPhone = null;
        phoneState = FIELD_MISSING;
      } else {
        const style: PhoneStyle = PHONE_STYLES[pickWeighted(rng, styleCum[sys])];
        rawPhone = formatPhone(loc.phone, changed ? phones.next(rng, li, city) : nsn, style);
        if (style !== 'e164') phoneState = FIELD_VARIANT;
      }
      rb.phone.push(rawPhone);
      rb.phoneState.push(phoneState);

      // Loyalty card: scanned at the till, copied to the CRM; web only when it is the only system.
      const holdsLoyalty =
        loyaltyId !== null && !changed &&
        (sys === STORE || (sys === CRM && (!hasStore || rng.chance(0.5))) || (sys === WEB && !hasStore && !hasCrm));
      rb.loyalty.push(holdsLoyalty ? loyaltyId : null);

      rb.person.push(p);
      rb.system.push(sys);
      rb.createdT.push(created);
      rb.updatedT.push(Math.min(updated, nowT));
      rb.flags.push(flags);
    }
    if (isHead) {
      household = { li, nameLi, city, last: lastIdx, nsn, holders };
      households++;
    }
  }

  // QA test accounts: junk records, each its own person, all with the same test email.
  for (let j = 0; j < testCount; j++) {
    const p = realCount + j;
    recStart[p] = rb.length;
    const created = clock.sample(rng, nowT - 2 * YEAR_S, nowT - DAY_S, 'office', 3);
    locale[p] = trIndex;
    startT[p] = created;
    endT[p] = created;
    personEmail[p] = PLACEHOLDER_EMAILS.test;
    rb.person.push(p);
    rb.system.push(WEB);
    rb.firstName.push('Test');
    rb.lastName.push(rng.pick(TEST_LAST_NAMES));
    rb.email.push(PLACEHOLDER_EMAILS.test);
    rb.phone.push(null);
    rb.city.push('İstanbul');
    rb.country.push('TR');
    rb.loyalty.push(null);
    rb.createdT.push(created);
    rb.updatedT.push(Math.min(nowT, created + soon(rng, 0, 30 * DAY_S)));
    rb.flags.push(F_JUNK | F_PLACEHOLDER);
    rb.emailState.push(FIELD_PLACEHOLDER);
    rb.phoneState.push(FIELD_MISSING);
  }
  recStart[count] = rb.length;

  const n = rb.length;
  const records: CustomerRecords = {
    count: n,
    person: rb.person.toArray(),
    system: rb.system.toArray(),
    idNum: new Float64Array(n),
    id: new Array<string>(n),
    firstName: rb.firstName,
    lastName: rb.lastName,
    email: rb.email,
    phone: rb.phone,
    city: rb.city,
    country: rb.country,
    loyalty: rb.loyalty,
    createdT: rb.createdT.toArray(),
    updatedT: rb.updatedT.toArray(),
    flags: rb.flags.toArray(),
    emailState: rb.emailState.toArray(),
    phoneState: rb.phoneState.toArray(),
  };

  const injected: Record<string, number> = {
    duplicate_source_records: n - count,
    household_phones: households,
    placeholder_identifiers: 0,
    formula_text: 0,
  };
  if (issues) {
    injected.formula_text = injectFormulaNames(rng, records, realCount);
    injected.placeholder_identifiers = (testCount > 0 ? 1 : 0) + injectPlaceholders(rng, records, realCount, trIndex);
  }
  countContactProblems(records, injected);

  const { fileOrder, erasedIds } = assignIds(rng, records, issues);
  const people: People = {
    realCount, count, locale, activity, startT, endT, email: personEmail, recStart,
    ...recordsBySystem(records, count),
  };
  const { customers, repeated, malformed } = buildCustomersTable(rng, clock, records, fileOrder, issues);
  injected.repeated_customer_keys = repeated;
  malformed.addCounts(injected);
  const personMap = buildPersonMap(records, fileOrder);
  return { people, records, customers, personMap, erasedIds, injected };
}

type Household = { li: number; nameLi: number; city: number; last: number; nsn: string; holders: number };

/** Persons whose phone the next person shares: ~0.8%, at least one, never two in a row. */
function chooseHouseholdHeads(rng: Rng, realCount: number): Uint8Array {
  const heads = new Uint8Array(realCount);
  const wanted = Math.max(1, Math.round(realCount * HOUSEHOLD_RATE));
  for (let made = 0, tries = 0; made < wanted && tries < wanted * 20; tries++) {
    const p = rng.int(realCount - 1);
    if (heads[p] || (p > 0 && heads[p - 1]) || heads[p + 1]) continue;
    heads[p] = 1;
    made++;
  }
  return heads;
}

/** LOY + 8 digits, unique per person: a fixed bijection of the person's index. */
function loyaltyText(p: number): string {
  return 'LOY' + String(10_000_000 + ((p * 7919 + 1_234_567) % 90_000_000));
}

/** 6 to 40 records for each placeholder value: more than the threshold of 5, growing with the run. */
function placeholderHolders(rng: Rng, realCount: number): number {
  return 6 + rng.int(Math.min(35, 1 + Math.floor(realCount / 600)));
}

/** One system, by share of records. A plain function: a closure made per person costs in the hot loop. */
function oneSystem(rng: Rng): number {
  const u = rng.next();
  return u < 0.5 ? WEB : u < 0.82 ? STORE : CRM;
}

function chooseSystems(rng: Rng, issues: boolean): number[] {
  if (!issues) return [oneSystem(rng)];
  const u = rng.next();
  if (u < 0.55) return [oneSystem(rng)];
  if (u < 0.88) {
    const v = rng.next();
    const pair = v < 0.45 ? [WEB, STORE] : v < 0.75 ? [WEB, CRM] : [STORE, CRM];
    return rng.chance(0.5) ? pair : [pair[1], pair[0]];
  }
  const all = [WEB, STORE, CRM];
  for (let i = 2; i > 0; i--) {
    const j = rng.int(i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}

function pickCandidates(rng: Rng, candidates: number[], k: number): number[] {
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(candidates.length - i);
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }
  return candidates.slice(0, k);
}

function injectFormulaNames(rng: Rng, r: CustomerRecords, realCount: number): number {
  const candidates: number[] = [];
  for (let i = 0; i < r.count; i++) if (r.person[i] < realCount && r.system[i] === WEB && r.flags[i] === 0) candidates.push(i);
  const k = Math.min(candidates.length, Math.max(2, Math.round(realCount / 2500)));
  for (const i of pickCandidates(rng, candidates, k)) {
    if (rng.chance(0.6)) r.firstName[i] = rng.pick(FORMULA_NAMES);
    else r.lastName[i] = rng.pick(FORMULA_NAMES);
    r.flags[i] |= F_FORMULA;
  }
  return k;
}

/**
 * Store clerks' fillers: `noemail@turanmart.com`, the Turkish `0000000000`, the card `LOY00000000`.
 * Each goes to 6-40 store records (one per person) or not at all if there are too few. Returns how
 * many values were injected.
 */
function injectPlaceholders(rng: Rng, r: CustomerRecords, realCount: number, trIndex: number): number {
  let values = 0;
  const storeRecords = (extra: (i: number) => boolean): number[] => {
    const out: number[] = [];
    for (let i = 0; i < r.count; i++) if (r.person[i] < realCount && r.system[i] === STORE && r.flags[i] === 0 && extra(i)) out.push(i);
    return out;
  };
  const assign = (candidates: number[], set: (i: number) => void): void => {
    const k = placeholderHolders(rng, realCount);
    if (candidates.length < k) return;
    for (const i of pickCandidates(rng, candidates, k)) {
      set(i);
      r.flags[i] |= F_PLACEHOLDER;
    }
    values++;
  };
  assign(storeRecords(() => true), (i) => {
    r.email[i] = PLACEHOLDER_EMAILS.noEmail;
    r.emailState[i] = FIELD_PLACEHOLDER;
  });
  assign(storeRecords((i) => r.country[i] === LOCALES[trIndex].code), (i) => {
    r.phone[i] = PLACEHOLDER_PHONE_TR;
    r.phoneState[i] = FIELD_PLACEHOLDER;
  });
  // Only persons without a card of their own get the zero card.
  const hasLoyalty = new Set<number>();
  for (let i = 0; i < r.count; i++) if (r.loyalty[i] !== null) hasLoyalty.add(r.person[i]);
  assign(storeRecords((i) => !hasLoyalty.has(r.person[i])), (i) => (r.loyalty[i] = PLACEHOLDER_LOYALTY));
  return values;
}

/**
 * Record-level counts (repeated rows of a key carry the same values, so records and keys agree):
 * missing emails and phones, emails not of the form local@domain.tld, and emails and phones whose
 * raw text differs from its normal form only by format. Placeholders are none of these.
 */
function countContactProblems(r: CustomerRecords, injected: Record<string, number>): void {
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < r.count; i++) {
    counts[r.emailState[i]]++;
    counts[5 + r.phoneState[i]]++;
  }
  injected.missing_emails = counts[FIELD_MISSING];
  injected.invalid_emails = counts[FIELD_INVALID];
  injected.email_format_variants = counts[FIELD_VARIANT];
  injected.missing_phones = counts[5 + FIELD_MISSING];
  injected.phone_format_variants = counts[5 + FIELD_VARIANT];
}

/**
 * Customer ids per system in creation order (W0000001 is the oldest web account). With issues on,
 * a few numbers belong to accounts erased since: orders still point at them (orphans).
 * Returns the file order: by system, then id.
 */
function assignIds(rng: Rng, r: CustomerRecords, issues: boolean): { fileOrder: Uint32Array; erasedIds: string[][] } {
  const fileOrder = new Uint32Array(r.count);
  const erasedIds: string[][] = [[], [], []];
  let at = 0;
  for (let sys = 0; sys < 3; sys++) {
    const members: number[] = [];
    for (let i = 0; i < r.count; i++) if (r.system[i] === sys) members.push(i);
    const keys = new Uint32Array(members.length);
    members.forEach((i, k) => (keys[k] = r.createdT[i]));
    const order = orderByKey(keys);
    let next = 1;
    for (let k = 0; k < order.length; k++) {
      while (issues && sys !== CRM && rng.chance(0.004)) erasedIds[sys].push(customerIdText(sys, next++));
      const i = members[order[k]];
      r.idNum[i] = next;
      r.id[i] = customerIdText(sys, next++);
      fileOrder[at++] = i;
    }
  }
  return { fileOrder, erasedIds };
}

export function customerIdText(sys: number, n: number): string {
  const s = String(n);
  return ID_PREFIX[sys] + (s.length >= 7 ? s : '0'.repeat(7 - s.length) + s);
}

function recordsBySystem(r: CustomerRecords, count: number) {
  const webRecord = new Int32Array(count).fill(-1);
  const storeRecord = new Int32Array(count).fill(-1);
  const crmRecord = new Int32Array(count).fill(-1);
  const bySystem = [webRecord, storeRecord, crmRecord];
  for (let i = 0; i < r.count; i++) bySystem[r.system[i]][r.person[i]] = i;
  return { webRecord, storeRecord, crmRecord };
}

type Extra = { record: number; updatedT: number; city: string | null; before: boolean; reason: ExtraReason };
type ExtraReason = 'repeat' | 'missing_key' | 'unknown_enum' | 'unparseable_timestamp' | 'future_timestamp';
const COL = Object.fromEntries(rawCustomers.columns.map((c, i) => [c.name, i])) as Record<string, number>;

/**
 * customers.csv: every record, by system and id. With issues on, some keys arrive twice (an
 * older or newer version next to the current one; the latest `updated_at` wins in silver), and a
 * few extra copies are malformed so that validation quarantines them.
 */
function buildCustomersTable(
  rng: Rng, clock: Clock, r: CustomerRecords, fileOrder: Uint32Array, issues: boolean,
): { customers: Table; repeated: number; malformed: Malformations } {
  const extraOf = new Map<number, Extra>();
  let repeated = 0;
  if (issues) {
    const eligible = (i: number) => (r.flags[i] & (F_JUNK | F_FORMULA)) === 0 && !extraOf.has(i);
    const wanted = Math.round(r.count * REPEATED_KEY_RATE);
    for (let tries = 0; repeated < wanted && tries < wanted * 4; tries++) {
      const i = rng.int(r.count);
      if (!eligible(i)) continue;
      const created = r.createdT[i], updated = r.updatedT[i];
      const newerRoom = clock.nowT - updated > 2 * HOUR_S;
      const olderRoom = updated - created > 2 * HOUR_S;
      if (!newerRoom && !olderRoom) continue;
      const newer = newerRoom && (!olderRoom || rng.chance(0.5));
      const t = newer ? between(rng, updated + HOUR_S, clock.nowT) : between(rng, created, updated - HOUR_S);
      // A newer version sometimes has moved house; the older row keeps the old city.
      const cities = LOCALES.find((l) => l.code === r.country[i])!.cities;
      const city = newer && rng.chance(0.3) ? rng.pick(cities)[0] : r.city[i];
      extraOf.set(i, { record: i, updatedT: t, city, before: rng.chance(0.5), reason: 'repeat' });
      repeated++;
    }
    const reasons = planReasons(rng, malformedCount(rng, r.count), ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'future_timestamp']);
    for (const reason of reasons) {
      for (let tries = 0; tries < 1000; tries++) {
        const i = rng.int(r.count);
        if (!eligible(i)) continue;
        extraOf.set(i, { record: i, updatedT: r.updatedT[i], city: r.city[i], before: rng.chance(0.5), reason: reason as ExtraReason });
        break;
      }
    }
  }

  const rows = r.count + extraOf.size;
  const rowRecord = new Uint32Array(rows);
  const rowExtra: (Extra | null)[] = new Array(rows).fill(null);
  let at = 0;
  for (let k = 0; k < fileOrder.length; k++) {
    const i = fileOrder[k];
    const extra = extraOf.get(i);
    if (extra && extra.before) {
      rowRecord[at] = i;
      rowExtra[at++] = extra;
    }
    rowRecord[at++] = i;
    if (extra && !extra.before) {
      rowRecord[at] = i;
      rowExtra[at++] = extra;
    }
  }

  const system = new Int32Array(rows);
  const ids: (string | null)[] = new Array(rows);
  const first: (string | null)[] = new Array(rows);
  const last: (string | null)[] = new Array(rows);
  const email: (string | null)[] = new Array(rows);
  const phone: (string | null)[] = new Array(rows);
  const city: (string | null)[] = new Array(rows);
  const country: (string | null)[] = new Array(rows);
  const loyalty: (string | null)[] = new Array(rows);
  const createdAt = new Float64Array(rows);
  const updatedAt = new Float64Array(rows);
  const malformed = new Malformations(rows);
  for (let row = 0; row < rows; row++) {
    const i = rowRecord[row];
    const extra = rowExtra[row];
    system[row] = r.system[i];
    ids[row] = r.id[i];
    first[row] = r.firstName[i];
    last[row] = r.lastName[i];
    email[row] = r.email[i];
    phone[row] = r.phone[i];
    city[row] = extra ? extra.city : r.city[i];
    country[row] = r.country[i];
    loyalty[row] = r.loyalty[i];
    createdAt[row] = clock.toMs(r.createdT[i]);
    updatedAt[row] = clock.toMs(extra ? extra.updatedT : r.updatedT[i]);
    if (!extra || extra.reason === 'repeat') continue;
    switch (extra.reason) {
      case 'missing_key':
        if (rng.chance(0.7)) malformed.add(row, COL.source_customer_id, '', 'missing_key');
        else malformed.add(row, COL.source_system, '', 'missing_key');
        break;
      case 'unknown_enum':
        malformed.add(row, COL.source_system, rng.pick(['pos', 'WEB', 'Store', 'mobile_app', 'erp']), 'unknown_enum');
        break;
      case 'unparseable_timestamp': {
        const col = rng.chance(0.5) ? COL.created_at : COL.updated_at;
        malformed.add(row, col, badTimestamp(rng, col === COL.created_at ? createdAt[row] : updatedAt[row]), 'unparseable_timestamp');
        break;
      }
      case 'future_timestamp':
        malformed.add(row, COL.updated_at, futureTimestamp(rng, clock.nowMs), 'future_timestamp');
        break;
    }
  }
  const columns: Column[] = [
    code(system, rawCustomers.columns[COL.source_system].values!),
    text(ids), text(first), text(last), text(email), text(phone), text(city), text(country), text(loyalty),
    num(createdAt), num(updatedAt),
  ];
  const flagged = issues ? malformed.apply(columns, rows) : undefined;
  return { customers: makeTable(rawCustomers, rows, columns, flagged), repeated, malformed };
}

/** truth/person_map.csv: every record key (in file order) with its person, PER0000001... */
function buildPersonMap(r: CustomerRecords, fileOrder: Uint32Array): Table {
  const n = fileOrder.length;
  const system = new Int32Array(n);
  const ids: (string | null)[] = new Array(n);
  const person = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = fileOrder[k];
    system[k] = r.system[i];
    ids[k] = r.id[i];
    person[k] = r.person[i] + 1;
  }
  return makeTable(truthPersonMap, n, [code(system, truthPersonMap.columns[0].values!), text(ids), id(person, 'PER', 7)]);
}
