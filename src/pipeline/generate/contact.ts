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

function grouped(plan: PhonePlan, nsn: string, sep: string): string {
  let out = '';
  let at = 0;
  for (let g = 0; g < plan.groups.length; g++) {
    const len = g === plan.groups.length - 1 ? nsn.length - at : plan.groups[g];
    out += (g ? sep : '') + nsn.slice(at, at + len);
    at += len;
  }
  return out;
}

/** The number written in one style: `+905321112233`, `0532 111 22 33`, `(212) 555-0147`... */
export function formatPhone(plan: PhonePlan, nsn: string, style: PhoneStyle): string {
  const us = plan.cc === '1';
  switch (style) {
    case 'e164':
      return `+${plan.cc}${nsn}`;
    case 'national':
      return us ? nsn : `0${nsn}`;
    case 'national_grouped':
      return us ? `(${nsn.slice(0, 3)}) ${nsn.slice(3, 6)}-${nsn.slice(6)}` : `0${grouped(plan, nsn, ' ')}`;
    case 'intl_grouped':
      return us ? `+1 ${grouped(plan, nsn, '-')}` : `+${plan.cc} ${grouped(plan, nsn, ' ')}`;
    case 'intl_00':
      return `00${plan.cc} ${grouped(plan, nsn, ' ')}`;
    case 'national_brackets': {
      if (us) return grouped(plan, nsn, '-');
      const first = plan.groups[0];
      return `(0${nsn.slice(0, first)}) ${grouped({ ...plan, groups: plan.groups.slice(1) }, nsn.slice(first), '-')}`;
    }
    case 'intl_dashed':
      return `+${plan.cc}-${grouped(plan, nsn, '-')}`;
  }
}

const EMAIL_OK = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The contract's normalised email: trimmed, lower-cased, null unless `local@domain.tld`. */
export function normalizeEmail(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return EMAIL_OK.test(s) ? s : null;
}

/**
 * A local part built from a person's name, in one of the shapes people pick:
 * `ayse.yilmaz`, `ayseyilmaz84`, `a.yilmaz`, `yilmaz.ayse`...
 */
export function emailLocal(rng: Rng, first: string, last: string, yy: string): string {
  switch (rng.int(10)) {
    case 0:
    case 1:
      return first + '.' + last;
    case 2:
      return first + last;
    case 3:
    case 4:
      return first + '.' + last + yy;
    case 5:
      return first + '_' + last;
    case 6:
      return first.charAt(0) + last;
    case 7:
      return first + yy;
    case 8:
      return last + '.' + first;
    default:
      return first + last + yy;
  }
}

/**
 * Emails handed out so far, as a bitset of 24-bit hashes: a clash (now and then a false one)
 * makes the caller pick another address, so no two persons ever share one. Cheaper than a
 * Set<string>, which flattens and hashes every new string and chases pointers to compare.
 */
export class EmailRegistry {
  private readonly used = new Uint32Array(1 << 19);

  /** Registers `local@domain` unless taken; true if it was free. */
  claim(local: string, domain: string): boolean {
    let h = 0x811c9dc5;
    for (let i = 0; i < local.length; i++) h = Math.imul(h ^ local.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 64, 0x01000193);
    for (let i = 0; i < domain.length; i++) h = Math.imul(h ^ domain.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 13;
    const bit = h >>> 8; // 24 bits: a 2 MB bitset stays in cache
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if (this.used[word] & mask) return false;
    this.used[word] |= mask;
    return true;
  }
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
