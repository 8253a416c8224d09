// Identifier normalisation, by the contract's rules. Used by identity resolution, ticket
// attribution and the lookup, so a value typed by a person normalises the same way everywhere.
import { CALLING_CODES } from '../schema/enums';

// local@domain.tld: no spaces, one @, a domain of non-empty dot-separated labels with at least one dot.
const EMAIL_FORM = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function normalizeEmail(raw: string | null): string | null {
  if (raw === null) return null;
  const e = raw.trim().toLowerCase();
  return e !== '' && EMAIL_FORM.test(e) ? e : null;
}

// A phone already in E.164 form: the result is the text itself, without building it again.
const E164_FORM = /^\+\d{8,15}$/;

/**
 * E.164 from a phone as typed. International when it begins (after trimming) with `+` or `00`;
 * otherwise national: one trunk `0` dropped and the country's calling code prepended.
 */
export function phoneE164(raw: string | null, country: string | null): string | null {
  if (raw === null) return null;
  if (E164_FORM.test(raw)) return raw;
  const t = raw.trim();
  if (t === '') return null;
  let digits = t.replace(/\D+/g, '');
  if (t.charCodeAt(0) === 43 /* + */) {
    // already international
  } else if (t.startsWith('00')) {
    digits = digits.slice(2);
  } else {
    const cc = country === null ? undefined : CALLING_CODES[country.trim()];
    if (cc === undefined) return null;
    if (digits.charCodeAt(0) === 48 /* 0 */) digits = digits.slice(1);
    digits = cc + digits;
  }
  return digits.length >= 8 && digits.length <= 15 ? '+' + digits : null;
}
