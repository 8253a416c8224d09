// People and their customer records: one row per record in customers.csv, one row per record
// key in truth/person_map.csv. A person has records in one, two or three systems (web, store,
// crm), each with the person's name, email, phone and loyalty card as that system wrote them.
import type { Rng } from '../random';
import { code, id, makeTable, num, text, type Column, type Table } from '../table';
import { rawCustomers, truthPersonMap } from '../schema/raw';
import { between, DAY_S, HOUR_S, pickWeighted, soon, type Clock, type Rhythm } from './calendar';
import { EmailRegistry, emailInvalid, emailLocal, emailVariant, formatPhone, PhoneNumbers, PHONE_STYLES, type EmailParts } from './contact';
import { DE_TURKISH_NAME_SHARE, LOCALES, PLACEHOLDER_EMAILS, PLACEHOLDER_LOYALTY, PLACEHOLDER_PHONE_TR, type Locale } from './locales';
import { FEMALE, MALE, nameTables, wordCode, wordList } from './name-tables';
import { ColumnArena } from './builders';
import { give, take } from './pool';
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
  /** Codes into `words` (see name-tables.ts). */
  readonly firstName: Uint16Array;
  readonly lastName: Uint16Array;
  readonly city: Uint16Array;
  readonly country: Uint16Array;
  readonly words: readonly string[];
  readonly email: (string | null)[];
  readonly phone: (string | null)[];
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
const FORMULA_CODES = FORMULA_NAMES.map(wordCode);
const TEST_LAST_NAME_CODES = TEST_LAST_NAMES.map(wordCode);
/** Index of the E.164 style in PHONE_STYLES. */
const E164 = 0;
/** `00` .. `99`: birth years in email addresses. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/**
 * Records as they are made, field by field. The text fields are sized for the expected count up
 * front: arrays grown by doubling leave their old copies as garbage that the engine must collect.
 */
class RecordBuilder {
  count = 0;
  private capacity: number;
  person: Uint32Array;
  system: Uint8Array;
  createdT: Uint32Array;
  updatedT: Uint32Array;
  flags: Uint8Array;
  emailState: Uint8Array;
  phoneState: Uint8Array;
  /** Word codes, see name-tables.ts. */
  firstName: Uint16Array;
  lastName: Uint16Array;
  city: Uint16Array;
  country: Uint16Array;
  readonly email: (string | null)[];
  readonly phone: (string | null)[];
  readonly loyalty: (string | null)[];

  constructor(expected: number) {
    this.capacity = expected;
    this.person = new Uint32Array(expected);
    this.system = new Uint8Array(expected);
    this.createdT = new Uint32Array(expected);
    this.updatedT = new Uint32Array(expected);
    this.flags = new Uint8Array(expected);
    this.emailState = new Uint8Array(expected);
    this.phoneState = new Uint8Array(expected);
    this.firstName = new Uint16Array(expected);
    this.lastName = new Uint16Array(expected);
    this.city = new Uint16Array(expected);
    this.country = new Uint16Array(expected);
    this.email = new Array(expected);
    this.phone = new Array(expected);
    this.loyalty = new Array(expected);
  }

  /** A new record's index; write its fields at that index. */
  add(): number {
    if (this.count === this.capacity) this.grow();
    return this.count++;
  }

  /** The records made, as CustomerRecords (ids are assigned later). */
  finish(): CustomerRecords {
    const n = this.count;
    for (const a of [this.email, this.phone, this.loyalty]) a.length = n;
    return {
      count: n,
      person: this.person.subarray(0, n),
      system: this.system.subarray(0, n),
      idNum: new Float64Array(n),
      id: new Array<string>(n),
      firstName: this.firstName.subarray(0, n),
      lastName: this.lastName.subarray(0, n),
      city: this.city.subarray(0, n),
      country: this.country.subarray(0, n),
      words: wordList(),
      email: this.email,
      phone: this.phone,
      loyalty: this.loyalty,
      createdT: this.createdT.subarray(0, n),
      updatedT: this.updatedT.subarray(0, n),
      flags: this.flags.subarray(0, n),
      emailState: this.emailState.subarray(0, n),
      phoneState: this.phoneState.subarray(0, n),
    };
  }

  /** Typed fields grow by copying; the text arrays grow by themselves when written past their end. */
  private grow(): void {
    const next = Math.ceil(this.capacity * 1.5) + 16;
    const widen = <T extends Uint32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(next);
      b.set(a);
      return b;
    };
    this.person = widen(this.person, (n) => new Uint32Array(n));
    this.system = widen(this.system, (n) => new Uint8Array(n));
    this.createdT = widen(this.createdT, (n) => new Uint32Array(n));
    this.updatedT = widen(this.updatedT, (n) => new Uint32Array(n));
    this.flags = widen(this.flags, (n) => new Uint8Array(n));
    this.emailState = widen(this.emailState, (n) => new Uint8Array(n));
    this.phoneState = widen(this.phoneState, (n) => new Uint8Array(n));
    this.firstName = widen(this.firstName, (n) => new Uint16Array(n));
    this.lastName = widen(this.lastName, (n) => new Uint16Array(n));
    this.city = widen(this.city, (n) => new Uint16Array(n));
    this.country = widen(this.country, (n) => new Uint16Array(n));
    this.capacity = next;
  }
}

/** Per-person columns of People, filled as persons are made. */
type PersonColumns = Pick<People, 'locale' | 'activity' | 'startT' | 'endT' | 'email' | 'recStart'>;

/** Unique addresses: a shape of the person's name at one of the country's providers. */
class EmailMaker {
  private readonly registry: EmailRegistry;
  private readonly tables = nameTables();
  private readonly parts: EmailParts = ['', '', '', '', '@', ''];

  /** `expected`: about how many addresses will be made. */
  constructor(
    private readonly rng: Rng,
    expected: number,
  ) {
    this.registry = new EmailRegistry(expected);
  }

  /** `nameLi`, `sex`, `firstIdx`, `lastIdx` say which names (see NameTables); `li` the country. */
  make(li: number, nameLi: number, sex: number, firstIdx: number, lastIdx: number, yy: string): string {
    const rng = this.rng;
    const parts = this.parts;
    const f = this.tables.firstParts[nameLi][sex][firstIdx];
    const l = this.tables.lastParts[nameLi][sex][lastIdx];
    parts[5] = LOCALES[li].providers[pickWeighted(rng, this.tables.providerCum[li])][0];
    emailLocal(rng, f, l, yy, parts);
    while (!this.registry.claim(parts)) {
      parts[0] = f;
      parts[1] = '.';
      parts[2] = l;
      parts[3] = String(between(rng, 1, 999));
    }
    // Joined in one go, the address is one flat string (concatenation would keep its pieces).
    return parts.join('');
  }
}

export function generateCustomers(rng: Rng, clock: Clock, realCount: number, issues: boolean): CustomersResult {
  const nowT = clock.nowT;
  const trIndex = LOCALES.findIndex((l) => l.code === 'TR');
  const phones = new PhoneNumbers(rng);
  const rb = new RecordBuilder(Math.ceil(realCount * (issues ? 1.62 : 1)) + 64);

  const testCount = issues ? placeholderHolders(rng, realCount) : 0;
  const count = realCount + testCount;
  const columns: PersonColumns = {
    locale: new Uint8Array(count),
    activity: new Float64Array(count),
    startT: new Uint32Array(count),
    endT: new Uint32Array(count),
    email: new Array(count),
    recStart: new Uint32Array(count + 1),
  };
  // Household: the head's phone (E.164 on every record) is shared with the next person.
  const heads = issues ? chooseHouseholdHeads(rng, realCount) : new Uint8Array(realCount);
  const households = generatePeople(rng, clock, realCount, issues, phones, heads, rb, columns);

  // QA test accounts: junk records, each its own person, all with the same test email.
  for (let j = 0; j < testCount; j++) {
    const p = realCount + j;
    columns.recStart[p] = rb.count;
    const created = clock.sample(rng, nowT - 2 * YEAR_S, nowT - DAY_S, 'office', 3);
    columns.locale[p] = trIndex;
    columns.startT[p] = created;
    columns.endT[p] = created;
    columns.email[p] = PLACEHOLDER_EMAILS.test;
    const i = rb.add();
    rb.person[i] = p;
    rb.system[i] = WEB;
    rb.firstName[i] = wordCode('Test');
    rb.lastName[i] = rng.pick(TEST_LAST_NAME_CODES);
    rb.email[i] = PLACEHOLDER_EMAILS.test;
    rb.phone[i] = null;
    rb.city[i] = wordCode('İstanbul');
    rb.country[i] = wordCode('TR');
    rb.loyalty[i] = null;
    rb.createdT[i] = created;
    rb.updatedT[i] = Math.min(nowT, created + soon(rng, 0, 30 * DAY_S));
    rb.flags[i] = F_JUNK | F_PLACEHOLDER;
    rb.emailState[i] = FIELD_PLACEHOLDER;
    rb.phoneState[i] = FIELD_MISSING;
  }
  columns.recStart[count] = rb.count;

  const records = rb.finish();
  const n = records.count;
  const injected: Record<string, number> = {
    duplicate_source_records: n - count,
    household_phones: households,
    placeholder_identifiers: 0,
    formula_text: 0,
  };
  if (issues) {
    injected.formula_text = injectFormulaNames(rng, records, realCount);
    injected.placeholder_identifiers = (testCount > 0 ? 1 : 0) + injectPlaceholders(rng, records, realCount, count, trIndex);
  }
  countContactProblems(records, injected);

  const { fileOrder, erasedIds } = assignIds(rng, records, issues);
  const people: People = {
    realCount, count, ...columns,
    ...recordsBySystem(records, count),
  };
  const { customers, repeated, malformed } = buildCustomersTable(rng, clock, records, fileOrder, issues);
  injected.repeated_customer_keys = repeated;
  malformed.addCounts(injected);
  const personMap = buildPersonMap(records, fileOrder);
  return { people, records, customers, personMap, erasedIds, injected };
}

/**
 * The real persons and their records: who they are, when they signed up in which systems, and
 * how each system wrote their name, email, phone and loyalty card. Returns how many households
 * (heads sharing their phone with the next person) there are.
 */
function generatePeople(
  rng: Rng, clock: Clock, realCount: number, issues: boolean, phones: PhoneNumbers, heads: Uint8Array,
  rb: RecordBuilder, out: PersonColumns,
): number {
  const nowT = clock.nowT;
  const t = nameTables();
  const emails = new EmailMaker(rng, Math.ceil(realCount * (1 + CHANGED_IDENTITY_RATE)));
  const trIndex = LOCALES.findIndex((l) => l.code === 'TR');
  const deIndex = LOCALES.findIndex((l) => l.code === 'DE');
  let household: Household | null = null;
  let households = 0;

  for (let p = 0; p < realCount; p++) {
    out.recStart[p] = rb.count;
    const member: Household | null = household;
    household = null;
    const li: number = member ? member.li : pickWeighted(rng, t.countryCum);
    const loc: Locale = LOCALES[li];
    const nameLi: number = member ? member.nameLi : li === deIndex && rng.chance(DE_TURKISH_NAME_SHARE) ? trIndex : li;
    const nl = LOCALES[nameLi];
    const city: number = member ? member.city : pickWeighted(rng, t.cityCum[li]);
    const lastIdx: number = member ? member.last : rng.int(nl.lastNames.length);
    const sex = rng.chance(0.5) ? FEMALE : MALE;
    const firstIdx = rng.int(t.firstNameCount[nameLi][sex]);
    const yy = TWO_DIGITS[(55 + rng.int(52)) % 100]; // born 1955-2006
    const email = emails.make(li, nameLi, sex, firstIdx, lastIdx, yy);
    const nsn = phones.next(rng, li, city);
    const loyaltyId = rng.chance(LOYALTY_RATE) ? loyaltyText(p) : null;
    const isHead = heads[p] === 1;

    out.locale[p] = li;
    out.activity[p] = Math.exp(1.05 * rng.normal() - 0.55);
    // More sign-ups lately: the business grows.
    const windowStart = Math.min(nowT - 2 * HOUR_S, nowT - Math.floor(3 * YEAR_S * (1 - Math.sqrt(rng.next()))));
    const systems = chooseSystems(rng, issues);
    const t0 = clock.sample(rng, windowStart, Math.min(windowStart + 6 * DAY_S, nowT - HOUR_S), SYSTEM_RHYTHM[systems[0]], loc.utcOffsetHours);
    out.startT[p] = t0;
    out.endT[p] = rng.chance(0.6) ? nowT : t0 + Math.floor((nowT - t0) * rng.next());

    const changedK = issues && systems.length >= 2 && !member && !isHead && rng.chance(CHANGED_IDENTITY_RATE) ? systems.length - 1 : -1;
    const altEmail = changedK >= 0 ? emails.make(li, nameLi, sex, firstIdx, lastIdx, TWO_DIGITS[between(rng, 10, 99)]) : null;
    out.email[p] = altEmail ?? email;
    const hasStore = systems.includes(STORE);
    const hasCrm = systems.includes(CRM);
    let holders = 0;
    let sharedLeft = member ? 5 - member.holders : 0;
    // The person's own number in E.164: one string for every record that writes it so.
    let e164: string | null = null;

    let created = t0;
    for (let k = 0; k < systems.length; k++) {
      const sys = systems[k];
      if (k > 0) created = t0 + Math.floor((nowT - HOUR_S - t0) * Math.pow(rng.next(), 1.3));
      const updated = rng.chance(0.35) ? created : created + soon(rng, 60, Math.max(60, nowT - created));
      const changed = k === changedK;
      let flags = changed ? F_CHANGED : 0;
      const i = rb.add();

      // Names: the old store system has no Turkish or German letters.
      const ascii = sys === STORE && rng.chance(0.2);
      rb.firstName[i] = (ascii ? t.asciiFirstCodes : t.firstCodes)[nameLi][sex][firstIdx];
      rb.lastName[i] = (ascii ? t.asciiLastCodes : t.lastCodes)[nameLi][sex][lastIdx];
      rb.city[i] = (ascii ? t.asciiCityCodes : t.cityCodes)[li][city];
      rb.country[i] = t.countryCodes[li];

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
      rb.email[i] = rawEmail;
      rb.emailState[i] = emailState;

      // Phone: households first, then the person's own number in this system's style.
      let rawPhone: string | null;
      let phoneState = FIELD_CLEAN;
      if (member && sharedLeft > 0 && (k === 0 || rng.chance(0.5))) {
        rawPhone = member.e164;
        sharedLeft--;
        flags |= F_HOUSEHOLD;
      } else if (isHead) {
        // The head's number is the household's: on a record it is written plainly or not at all.
        if (k === 0 || rng.chance(PHONE_PRESENT[sys])) {
          rawPhone = e164 ??= formatPhone(loc.phone, nsn, 'e164');
          holders++;
          flags |= F_HOUSEHOLD;
        } else {
          rawPhone = null;
          phoneState = FIELD_MISSING;
        }
      } else if (!issues) {
        rawPhone = e164 ??= formatPhone(loc.phone, nsn, 'e164');
      } else if (!rng.chance(PHONE_PRESENT[sys]) || (changed && rng.chance(0.5))) {
        rawPhone = null;
        phoneState = FIELD_MISSING;
      } else {
        const style = pickWeighted(rng, t.styleCum[sys]);
        if (changed) rawPhone = formatPhone(loc.phone, phones.next(rng, li, city), PHONE_STYLES[style]);
        else if (style === E164) rawPhone = e164 ??= formatPhone(loc.phone, nsn, 'e164');
        else rawPhone = formatPhone(loc.phone, nsn, PHONE_STYLES[style]);
        if (style !== E164) phoneState = FIELD_VARIANT;
      }
      rb.phone[i] = rawPhone;
      rb.phoneState[i] = phoneState;

      // Loyalty card: scanned at the till, copied to the CRM; web only when it is the only system.
      const holdsLoyalty =
        loyaltyId !== null && !changed &&
        (sys === STORE || (sys === CRM && (!hasStore || rng.chance(0.5))) || (sys === WEB && !hasStore && !hasCrm));
      rb.loyalty[i] = holdsLoyalty ? loyaltyId : null;

      rb.person[i] = p;
      rb.system[i] = sys;
      rb.createdT[i] = created;
      rb.updatedT[i] = Math.min(updated, nowT);
      rb.flags[i] = flags;
    }
    if (isHead) {
      household = { li, nameLi, city, last: lastIdx, holders, e164: e164 ?? formatPhone(loc.phone, nsn, 'e164') };
      households++;
    }
  }
  return households;
}

/** What the person after a household head takes over: country, family name, city and phone. */
type Household = { li: number; nameLi: number; city: number; last: number; holders: number; e164: string };

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

/** The system lists a person can have, shared: they are only read. */
const ONE_SYSTEM: readonly (readonly number[])[] = [[WEB], [STORE], [CRM]];
const TWO_SYSTEMS: readonly (readonly number[])[] = [[WEB, STORE], [WEB, CRM], [STORE, CRM]];
const TWO_SYSTEMS_REVERSED: readonly (readonly number[])[] = TWO_SYSTEMS.map((pair) => [pair[1], pair[0]]);

/** The person's systems, the first one where they signed up. */
function chooseSystems(rng: Rng, issues: boolean): readonly number[] {
  if (!issues) return ONE_SYSTEM[oneSystem(rng)];
  const u = rng.next();
  if (u < 0.55) return ONE_SYSTEM[oneSystem(rng)];
  if (u < 0.88) {
    const v = rng.next();
    const pair = v < 0.45 ? 0 : v < 0.75 ? 1 : 2;
    return rng.chance(0.5) ? TWO_SYSTEMS[pair] : TWO_SYSTEMS_REVERSED[pair];
  }
  const all = [WEB, STORE, CRM];
  for (let i = 2; i > 0; i--) {
    const j = rng.int(i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}

/** The first k of `candidates` after a partial shuffle (k random picks without repeats). */
function pickCandidates(rng: Rng, candidates: Uint32Array, k: number): Uint32Array {
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(candidates.length - i);
    const c = candidates[i];
    candidates[i] = candidates[j];
    candidates[j] = c;
  }
  return candidates.slice(0, k);
}

function injectFormulaNames(rng: Rng, r: CustomerRecords, realCount: number): number {
  const scratch = take(r.count, false);
  let m = 0;
  for (let i = 0; i < r.count; i++) if (r.person[i] < realCount && r.system[i] === WEB && r.flags[i] === 0) scratch[m++] = i;
  const k = Math.min(m, Math.max(2, Math.round(realCount / 2500)));
  const picked = pickCandidates(rng, scratch.subarray(0, m), k);
  give(scratch);
  for (const i of picked) {
    if (rng.chance(0.6)) r.firstName[i] = rng.pick(FORMULA_CODES);
    else r.lastName[i] = rng.pick(FORMULA_CODES);
    r.flags[i] |= F_FORMULA;
  }
  return k;
}

/** Which store records may take a placeholder. */
const ANY_STORE = 0, TURKISH_STORE = 1, STORE_WITHOUT_CARD = 2;

/**
 * Store clerks' fillers: `noemail@turanmart.com`, the Turkish `0000000000`, the card `LOY00000000`.
 * Each goes to 6-40 store records (one per person) or not at all if there are too few. Returns how
 * many values were injected.
 */
function injectPlaceholders(rng: Rng, r: CustomerRecords, realCount: number, count: number, trIndex: number): number {
  const scratch = take(r.count, false);
  const turkey = nameTables().countryCodes[trIndex];
  // Only persons without a card of their own get the zero card.
  const hasLoyalty = new Uint8Array(count);
  for (let i = 0; i < r.count; i++) if (r.loyalty[i] !== null) hasLoyalty[r.person[i]] = 1;
  const storeRecords = (which: number): Uint32Array => {
    let m = 0;
    for (let i = 0; i < r.count; i++) {
      if (r.person[i] >= realCount || r.system[i] !== STORE || r.flags[i] !== 0) continue;
      if (which === TURKISH_STORE && r.country[i] !== turkey) continue;
      if (which === STORE_WITHOUT_CARD && hasLoyalty[r.person[i]]) continue;
      scratch[m++] = i;
    }
    return scratch.subarray(0, m);
  };
  let values = 0;
  const assign = (candidates: Uint32Array): Uint32Array | null => {
    const k = placeholderHolders(rng, realCount);
    if (candidates.length < k) return null;
    const picked = pickCandidates(rng, candidates, k);
    for (const i of picked) r.flags[i] |= F_PLACEHOLDER;
    values++;
    return picked;
  };
  for (const i of assign(storeRecords(ANY_STORE)) ?? []) {
    r.email[i] = PLACEHOLDER_EMAILS.noEmail;
    r.emailState[i] = FIELD_PLACEHOLDER;
  }
  for (const i of assign(storeRecords(TURKISH_STORE)) ?? []) {
    r.phone[i] = PLACEHOLDER_PHONE_TR;
    r.phoneState[i] = FIELD_PLACEHOLDER;
  }
  for (const i of assign(storeRecords(STORE_WITHOUT_CARD)) ?? []) r.loyalty[i] = PLACEHOLDER_LOYALTY;
  give(scratch);
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
  const { bySystem, start } = recordsGroupedBySystem(r);
  const keys = take(r.count, false);
  for (let k = 0; k < r.count; k++) keys[k] = r.createdT[bySystem[k]];
  const order = take(r.count, false);
  for (let sys = 0; sys < 3; sys++) {
    const m = start[sys + 1] - start[sys];
    orderByKey(keys.subarray(start[sys], start[sys + 1]), m, 1, 0, order);
    numberSystem(rng, r, sys, issues, bySystem.subarray(start[sys], start[sys + 1]), order, fileOrder.subarray(start[sys], start[sys + 1]), erasedIds[sys]);
  }
  for (const a of [bySystem, keys, order]) give(a);
  return { fileOrder, erasedIds };
}

/** Record indices grouped by system (a counting sort: each group stays in record order). */
function recordsGroupedBySystem(r: CustomerRecords): { bySystem: Uint32Array; start: number[] } {
  const start = [0, 0, 0, 0];
  for (let i = 0; i < r.count; i++) start[r.system[i] + 1]++;
  for (let sys = 0; sys < 3; sys++) start[sys + 1] += start[sys];
  const bySystem = take(r.count, false);
  const next = start.slice(0, 3);
  for (let i = 0; i < r.count; i++) bySystem[next[r.system[i]]++] = i;
  return { bySystem, start };
}

/** Ids for one system's records `members`, taken in `order` (of creation); fills `fileOrder`. */
function numberSystem(
  rng: Rng, r: CustomerRecords, sys: number, issues: boolean, members: Uint32Array, order: Uint32Array, fileOrder: Uint32Array,
  erased: string[],
): void {
  let id = 1;
  for (let k = 0; k < members.length; k++) {
    while (issues && sys !== CRM && rng.chance(0.004)) erased.push(customerIdText(sys, id++));
    const i = members[order[k]];
    r.idNum[i] = id;
    r.id[i] = customerIdText(sys, id++);
    fileOrder[k] = i;
  }
}

/** [system][digits]: the prefix and the zeros that pad a number of that many digits to seven. */
const ID_HEADS = ID_PREFIX.map((prefix) => Array.from({ length: 8 }, (_, digits) => prefix + '0'.repeat(Math.max(0, 7 - digits))));

export function customerIdText(sys: number, n: number): string {
  const s = String(n);
  return (s.length >= 7 ? ID_PREFIX[sys] : ID_HEADS[sys][s.length]) + s;
}

function recordsBySystem(r: CustomerRecords, count: number) {
  const webRecord = new Int32Array(count).fill(-1);
  const storeRecord = new Int32Array(count).fill(-1);
  const crmRecord = new Int32Array(count).fill(-1);
  const bySystem = [webRecord, storeRecord, crmRecord];
  for (let i = 0; i < r.count; i++) bySystem[r.system[i]][r.person[i]] = i;
  return { webRecord, storeRecord, crmRecord };
}

/** Why a record has a second row: a repeated key, or one of the malformations. */
const REPEAT = 0;
const EXTRA_REASONS = ['repeat', 'missing_key', 'unknown_enum', 'unparseable_timestamp', 'future_timestamp'] as const;
type ExtraReason = (typeof EXTRA_REASONS)[number];
const COL = Object.fromEntries(rawCustomers.columns.map((c, i) => [c.name, i])) as Record<string, number>;

/** Second rows of some records (see buildCustomersTable), in the order they were chosen. */
class ExtraRows {
  /** Index into the lists below per record, or -1. */
  readonly of: Int32Array;
  readonly updatedT: number[] = [];
  readonly city: (string | null)[] = [];
  /** Whether the extra row comes before the record's own row. */
  readonly before: boolean[] = [];
  readonly reason: number[] = [];

  constructor(records: number) {
    this.of = new Int32Array(records).fill(-1);
  }

  get size(): number {
    return this.reason.length;
  }

  add(record: number, updatedT: number, city: string | null, before: boolean, reason: number): void {
    this.of[record] = this.reason.length;
    this.updatedT.push(updatedT);
    this.city.push(city);
    this.before.push(before);
    this.reason.push(reason);
  }
}

/**
 * customers.csv: every record, by system and id. With issues on, some keys arrive twice (an
 * older or newer version next to the current one; the latest `updated_at` wins in silver), and a
 * few extra copies are malformed so that validation quarantines them.
 */
function buildCustomersTable(
  rng: Rng, clock: Clock, r: CustomerRecords, fileOrder: Uint32Array, issues: boolean,
): { customers: Table; repeated: number; malformed: Malformations } {
  const extras = new ExtraRows(r.count);
  const repeated = issues ? chooseExtraRows(rng, clock, r, extras) : 0;

  // File rows: each record's row, with its extra row before or after it.
  const rows = r.count + extras.size;
  const rowRecord = new Uint32Array(rows);
  const rowExtra = new Int32Array(rows).fill(-1);
  const extraRows: number[] = [];
  let at = 0;
  for (let k = 0; k < fileOrder.length; k++) {
    const i = fileOrder[k];
    const e = extras.of[i];
    if (e >= 0 && extras.before[e]) {
      extraRows.push(at);
      rowRecord[at] = i;
      rowExtra[at++] = e;
    }
    rowRecord[at++] = i;
    if (e >= 0 && !extras.before[e]) {
      extraRows.push(at);
      rowRecord[at] = i;
      rowExtra[at++] = e;
    }
  }

  const columns = customerColumns(clock, r, rowRecord, extraRows, rowExtra, extras);
  const malformed = new Malformations(rows);
  const createdAt = (columns[COL.created_at] as Extract<Column, { kind: 'number' }>).values;
  const updatedAt = (columns[COL.updated_at] as Extract<Column, { kind: 'number' }>).values;
  for (const row of extraRows) {
    const reason = EXTRA_REASONS[extras.reason[rowExtra[row]]];
    switch (reason) {
      case 'repeat':
        break;
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
  const flagged = issues ? malformed.apply(columns, rows) : undefined;
  return { customers: makeTable(rawCustomers, rows, columns, flagged), repeated, malformed };
}

/** Picks the records that get a second row; returns how many are repeated keys. */
function chooseExtraRows(rng: Rng, clock: Clock, r: CustomerRecords, extras: ExtraRows): number {
  const eligible = (i: number) => (r.flags[i] & (F_JUNK | F_FORMULA)) === 0 && extras.of[i] < 0;
  const citiesOf = new Map(LOCALES.map((l) => [l.code as string, l.cities]));
  let repeated = 0;
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
    const city = newer && rng.chance(0.3) ? rng.pick(citiesOf.get(r.words[r.country[i]])!)[0] : r.words[r.city[i]];
    extras.add(i, t, city, rng.chance(0.5), REPEAT);
    repeated++;
  }
  const reasons = planReasons(rng, malformedCount(rng, r.count), ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'future_timestamp']);
  for (const reason of reasons) {
    for (let tries = 0; tries < 1000; tries++) {
      const i = rng.int(r.count);
      if (!eligible(i)) continue;
      extras.add(i, r.updatedT[i], r.words[r.city[i]], rng.chance(0.5), EXTRA_REASONS.indexOf(reason as ExtraReason));
      break;
    }
  }
  return repeated;
}

/**
 * The columns of customers.csv, gathered from the records in file order one column at a time:
 * file order is random in record order, and reading one field array at a time keeps each pass's
 * random reads within one array instead of spreading them over all of them.
 */
function customerColumns(
  clock: Clock, r: CustomerRecords, rowRecord: Uint32Array, extraRows: readonly number[], rowExtra: Int32Array, extras: ExtraRows,
): Column[] {
  const rows = rowRecord.length;
  const arena = new ColumnArena(rows, 2, 1);
  const system = arena.int32();
  for (let row = 0; row < rows; row++) system[row] = r.system[rowRecord[row]];
  const city = gatherWords(r.words, r.city, rowRecord);
  const createdAt = arena.float64();
  const updatedAt = arena.float64();
  gatherTimes(clock, r.createdT, rowRecord, createdAt);
  gatherTimes(clock, r.updatedT, rowRecord, updatedAt);
  // An extra row shows its own version's city and update time.
  for (const row of extraRows) {
    const e = rowExtra[row];
    city[row] = extras.city[e];
    updatedAt[row] = clock.toMs(extras.updatedT[e]);
  }
  return [
    code(system, rawCustomers.columns[COL.source_system].values!),
    text(gatherText(r.id, rowRecord)), text(gatherWords(r.words, r.firstName, rowRecord)), text(gatherWords(r.words, r.lastName, rowRecord)),
    text(gatherText(r.email, rowRecord)), text(gatherText(r.phone, rowRecord)), text(city),
    text(gatherWords(r.words, r.country, rowRecord)), text(gatherText(r.loyalty, rowRecord)),
    num(createdAt), num(updatedAt),
  ];
}

function gatherText(values: readonly (string | null)[], rows: Uint32Array): (string | null)[] {
  const out: (string | null)[] = new Array(rows.length);
  for (let row = 0; row < rows.length; row++) out[row] = values[rows[row]];
  return out;
}

function gatherWords(words: readonly string[], codes: Uint16Array, rows: Uint32Array): (string | null)[] {
  const out: (string | null)[] = new Array(rows.length);
  for (let row = 0; row < rows.length; row++) out[row] = words[codes[rows[row]]];
  return out;
}

/** Generator seconds to epoch milliseconds. */
function gatherTimes(clock: Clock, t: Uint32Array, rows: Uint32Array, out: Float64Array): void {
  const baseMs = clock.toMs(0);
  for (let row = 0; row < rows.length; row++) out[row] = baseMs + t[rows[row]] * 1000;
}

/** truth/person_map.csv: every record key (in file order) with its person, PER0000001... */
function buildPersonMap(r: CustomerRecords, fileOrder: Uint32Array): Table {
  const n = fileOrder.length;
  const arena = new ColumnArena(n, 1, 1);
  const system = arena.int32();
  const person = arena.float64();
  for (let k = 0; k < n; k++) system[k] = r.system[fileOrder[k]];
  for (let k = 0; k < n; k++) person[k] = r.person[fileOrder[k]] + 1;
  return makeTable(truthPersonMap, n, [code(system, truthPersonMap.columns[0].values!), text(gatherText(r.id, fileOrder)), id(person, 'PER', 7)]);
}
