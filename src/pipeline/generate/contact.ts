// Emails and phone numbers as people have them and as systems write them down.
import type { Rng } from '../random';
import { LOCALES, type PhonePlan } from './locales';
import { Scrambler } from './scramble';

/** How a system writes a phone number. All of them normalise to the same E.164 number. */
export const PHONE_STYLES = ['e164', 'national', 'national_grouped', 'intl_grouped', 'intl_00', 'national_brackets', 'intl_dashed'] as const;
export type PhoneStyle = (typeof PHONE_STYLES)[number];

/**
 * National significant numbers (no trunk prefix, no calling code), unique without a lookup: per
 * country a counter runs through a scrambled subscriber space, behind a random operator prefix
 * (US: the city's area code and an exchange that never starts with 0 or 1).
 */
export class PhoneNumbers {
  private readonly issued: number[];
  private readonly scramblers: Scrambler[];
  private readonly digits: number[];

  constructor(rng: Rng) {
    this.issued = LOCALES.map(() => 0);
    this.digits = LOCALES.map((l) => l.phone.length - l.phone.prefixes[0].length);
    this.scramblers = LOCALES.map((l, i) => new Scrambler(rng, l.code === 'US' ? 8 * 10 ** (this.digits[i] - 1) : 10 ** this.digits[i]));
  }

  next(rng: Rng, li: number, cityIndex: number): string {
    const plan = LOCALES[li].phone;
    const us = LOCALES[li].code === 'US';
    const k = this.issued[li]++;
    let sub = this.scramblers[li].map(k) - 1;
    if (us) sub += 2 * 10 ** (this.digits[li] - 1);
    const prefix = us ? plan.prefixes[cityIndex % plan.prefixes.length] : plan.prefixes[rng.int(plan.prefixes.length)];
    return prefix + String(sub).padStart(this.digits[li], '0');
  }
}

/** The number cut into the plan's groups, the last taking the rest: `532`, `111`, `22`, `33`. */
function groups(plan: PhonePlan, nsn: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (let g = 0; g < plan.groups.length; g++) {
    const len = g === plan.groups.length - 1 ? nsn.length - at : plan.groups[g];
    out.push(nsn.slice(at, at + len));
    at += len;
  }
  return out;
}

/**
 * The number written in one style: `+905321112233`, `0532 111 22 33`, `(212) 555-0147`... The
 * pieces are joined in one go: that makes one flat string, where concatenating would leave a
 * tree of the pieces, several objects for the garbage collector for as long as the number lives.
 */
export function formatPhone(plan: PhonePlan, nsn: string, style: PhoneStyle): string {
  const us = plan.cc === '1';
  switch (style) {
    case 'e164':
      return ['+', plan.cc, nsn].join('');
    case 'national':
      return us ? nsn : '0' + nsn;
    case 'national_grouped': {
      if (us) return ['(', nsn.slice(0, 3), ') ', nsn.slice(3, 6), '-', nsn.slice(6)].join('');
      const p = groups(plan, nsn);
      p[0] = '0' + p[0];
      return p.join(' ');
    }
    case 'intl_grouped': {
      const p = groups(plan, nsn);
      if (us) {
        p[0] = '+1 ' + p[0];
        return p.join('-');
      }
      p.unshift('+' + plan.cc);
      return p.join(' ');
    }
    case 'intl_00': {
      const p = groups(plan, nsn);
      p.unshift('00' + plan.cc);
      return p.join(' ');
    }
    case 'national_brackets': {
      const p = groups(plan, nsn);
      if (us) return p.join('-');
      const first = p.shift()!;
      p[0] = `(0${first}) ${p[0]}`;
      return p.join('-');
    }
    case 'intl_dashed': {
      const p = groups(plan, nsn);
      p.unshift('+' + plan.cc);
      return p.join('-');
    }
  }
}

const EMAIL_OK = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The contract's normalised email: trimmed, lower-cased, null unless `local@domain.tld`. */
export function normalizeEmail(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return EMAIL_OK.test(s) ? s : null;
}

/** An address in pieces: the local part's four (some maybe empty), `@`, the domain. */
export type EmailParts = [string, string, string, string, '@', string];

/**
 * A local part built from a person's name, in one of the shapes people pick:
 * `ayse.yilmaz`, `ayseyilmaz84`, `a.yilmaz`, `yilmaz.ayse`... Written into the first four
 * pieces of `parts`, so that the address is checked and joined without building it twice.
 */
export function emailLocal(rng: Rng, first: string, last: string, yy: string, parts: EmailParts): void {
  let a = first, sep = '', b = last, suffix = '';
  switch (rng.int(10)) {
    case 0:
    case 1:
      sep = '.';
      break;
    case 2:
      break;
    case 3:
    case 4:
      sep = '.';
      suffix = yy;
      break;
    case 5:
      sep = '_';
      break;
    case 6:
      a = first.charAt(0);
      break;
    case 7:
      b = yy;
      break;
    case 8:
      a = last;
      sep = '.';
      b = first;
      break;
    default:
      suffix = yy;
  }
  parts[0] = a;
  parts[1] = sep;
  parts[2] = b;
  parts[3] = suffix;
}

/**
 * Emails handed out so far, as the set of their 24-bit hashes: a clash (now and then a false one)
 * makes the caller pick another address, so no two persons ever share one. Cheaper than a
 * Set<string>, which flattens and hashes every new string and chases pointers to compare. The
 * hashes sit in an open-addressing table sized to the run (hash + 1 per slot, 0 for empty, at most
 * three quarters full), so a small run touches kilobytes, not the 2 MB a bitset of every 24-bit
 * hash would take.
 */
export class EmailRegistry {
  private slots: Uint32Array;
  private count = 0;

  /** `expected`: about how many addresses will be claimed (the table grows past it). */
  constructor(expected: number) {
    this.slots = new Uint32Array(tableSize(expected));
  }

  /** Registers the address made of `parts` (joined) unless taken; true if it was free. */
  claim(parts: readonly string[]): boolean {
    let h = 0x811c9dc5;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 13;
    return this.add((h >>> 8) + 1); // 24 bits
  }

  private add(key: number): boolean {
    const slots = this.slots;
    const mask = slots.length - 1;
    let at = key & mask;
    while (slots[at] !== 0) {
      if (slots[at] === key) return false;
      at = (at + 1) & mask;
    }
    slots[at] = key;
    if (++this.count * 4 > slots.length * 3) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.count = 0;
    for (const key of old) if (key !== 0) this.add(key);
  }
}

/** A power of two with room for `expected` at most three quarters full, and at least 1024. */
function tableSize(expected: number): number {
  let size = 1024;
  while (size * 3 < expected * 4) size *= 2;
  return size;
}

/** The same address as typed elsewhere: other case or stray spaces (normalises back to it). */
export function emailVariant(rng: Rng, email: string): string {
  switch (rng.int(5)) {
    case 0: {
      const at = email.indexOf('@');
      const local = email.slice(0, at).replace(/(^|[._])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
      return local + email.slice(at);
    }
    case 1:
      return email.toUpperCase();
    case 2:
      return ' ' + email;
    case 3:
      return email + ' ';
    default: {
      const at = email.indexOf('@');
      const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
      return cap(email.slice(0, at)) + '@' + cap(email.slice(at + 1));
    }
  }
}

/** A mistyped address that is not `local@domain.tld`: `ayse@gmail`, `aysegmail.com`, `ayse@`. */
export function emailInvalid(rng: Rng, email: string): string {
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  switch (rng.int(3)) {
    case 0:
      return `${local}@${domain.slice(0, domain.indexOf('.'))}`;
    case 1:
      return local + domain;
    default:
      return local + '@';
  }
}
