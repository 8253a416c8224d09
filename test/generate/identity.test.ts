// Who the customers are and how hard they are to resolve: the truth map, identifiers that link
// (and placeholders that must not), households, and the exact counts of each contact problem.
import { describe, expect, it } from 'vitest';
import { customerRecords, generated, normalizeEmail, phoneE164, reader, reasonsOf } from './helpers';

const s = generated();
const records = customerRecords(s);
const truth = new Map<string, string>();
{
  const sys = reader(s.personMap, 'source_system');
  const id = reader(s.personMap, 'source_customer_id');
  const person = reader(s.personMap, 'person_id');
  for (let r = 0; r < s.personMap.rowCount; r++) truth.set(`${sys(r)}:${id(r)}`, person(r));
}

/** Records per normalised identifier value, per kind. */
function holders(kind: 'email' | 'phone' | 'loyalty'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, r] of records) {
    const v = kind === 'email' ? normalizeEmail(r.email) : kind === 'phone' ? (r.phone ? phoneE164(r.phone, r.country) : null) : r.loyalty_id || null;
    if (v === null) continue;
    out.set(v, [...(out.get(v) ?? []), key]);
  }
  return out;
}
const byKind = { email: holders('email'), phone: holders('phone'), loyalty: holders('loyalty') };
const placeholders = new Set(Object.values(byKind).flatMap((m) => [...m].filter(([, keys]) => keys.length > 5).map(([v]) => v)));

describe('truth/person_map', () => {
  it('maps every valid customer key, once, to a person', () => {
    const sys = reader(s.customers, 'source_system');
    const id = reader(s.customers, 'source_customer_id');
    const reasons = reasonsOf('customers', s.customers);
    const keys = new Set<string>();
    for (let r = 0; r < s.customers.rowCount; r++) {
      if (reasons[r] !== 'missing_key' && reasons[r] !== 'unknown_enum') keys.add(`${sys(r)}:${id(r)}`);
    }
    expect(new Set(truth.keys())).toEqual(keys);
    expect(truth.size).toBe(s.personMap.rowCount);
    expect(new Set(records.keys())).toEqual(keys);
  });

  it('covers every simulated person, and counts their extra records', () => {
    const persons = new Set(truth.values());
    expect(persons.size).toBeGreaterThan(1500);
    for (let p = 1; p <= 1500; p++) expect(persons.has(`PER${String(p).padStart(7, '0')}`)).toBe(true);
    expect(s.injected.duplicate_source_records).toBe(truth.size - persons.size);
  });

  it('gives people one, two or three records (about 55/33/12%)', () => {
    const counts = new Map<string, number>();
    for (const p of truth.values()) counts.set(p, (counts.get(p) ?? 0) + 1);
    const real = [...counts].filter(([p]) => Number(p.slice(3)) <= 1500).map(([, n]) => n);
    const share = (k: number) => real.filter((n) => n === k).length / real.length;
    expect(share(1)).toBeGreaterThan(0.48);
    expect(share(1)).toBeLessThan(0.62);
    expect(share(2)).toBeGreaterThan(0.26);
    expect(share(3)).toBeGreaterThan(0.08);
    expect(Math.max(...real)).toBe(3);
  });

  it('counts repeated keys: accepted rows beyond one per key', () => {
    const reasons = reasonsOf('customers', s.customers);
    const accepted = reasons.filter((r) => r === null).length;
    expect(s.injected.repeated_customer_keys).toBe(accepted - records.size);
    expect(s.injected.repeated_customer_keys).toBeGreaterThan(0);
  });
});

describe('identifiers', () => {
  it('holds no natural value on more than 5 records, and loyalty ids on at most 3', () => {
    for (const [kind, m] of Object.entries(byKind)) {
      for (const [v, keys] of m) if (!placeholders.has(v)) expect(keys.length, `${kind} ${v}`).toBeLessThanOrEqual(kind === 'loyalty' ? 3 : 5);
    }
  });

  it('injects the counted placeholders, each on 6-40 records of different persons', () => {
    expect(placeholders.size).toBe(s.injected.placeholder_identifiers);
    // '0000000000' begins with 00, so the contract reads it as international: +00000000.
    expect([...placeholders].sort()).toEqual(['+00000000', 'LOY00000000', 'noemail@turanmart.com', 'test@test.com']);
    for (const m of Object.values(byKind)) {
      for (const [v, keys] of m) {
        if (!placeholders.has(v)) continue;
        expect(keys.length).toBeGreaterThanOrEqual(6);
        expect(keys.length).toBeLessThanOrEqual(40);
        expect(new Set(keys.map((k) => truth.get(k))).size).toBe(keys.length);
      }
    }
  });

  it('shares a phone between two persons exactly in the counted households, five records at most', () => {
    const shared = [...byKind.phone].filter(([v, keys]) => !placeholders.has(v) && new Set(keys.map((k) => truth.get(k))).size > 1);
    expect(shared.length).toBe(s.injected.household_phones);
    expect(shared.length).toBeGreaterThan(0);
    for (const [, keys] of shared) {
      expect(new Set(keys.map((k) => truth.get(k))).size).toBe(2);
      expect(keys.length).toBeLessThanOrEqual(5);
    }
  });

  it('gives each person at most one email of their own (two after a change of address)', () => {
    const emailsOf = new Map<string, Set<string>>();
    for (const [key, r] of records) {
      const e = normalizeEmail(r.email);
      if (e === null || placeholders.has(e)) continue;
      const p = truth.get(key)!;
      emailsOf.set(p, (emailsOf.get(p) ?? new Set()).add(e));
    }
    for (const emails of emailsOf.values()) expect(emails.size).toBeLessThanOrEqual(2);
    for (const [e, keys] of byKind.email) if (!placeholders.has(e)) expect(new Set(keys.map((k) => truth.get(k))).size).toBe(1);
  });

  it('leaves some true matches unlinkable: records of one person sharing no identifier', () => {
    const linked = (a: Record<string, string>, b: Record<string, string>) =>
      (normalizeEmail(a.email) !== null && normalizeEmail(a.email) === normalizeEmail(b.email)) ||
      (a.phone !== '' && b.phone !== '' && phoneE164(a.phone, a.country) === phoneE164(b.phone, b.country)) ||
      (a.loyalty_id !== '' && a.loyalty_id === b.loyalty_id);
    const byPerson = new Map<string, Record<string, string>[]>();
    for (const [key, r] of records) byPerson.set(truth.get(key)!, [...(byPerson.get(truth.get(key)!) ?? []), r]);
    let unlinkable = 0;
    for (const rs of byPerson.values()) if (rs.length === 2 && !linked(rs[0], rs[1])) unlinkable++;
    expect(unlinkable).toBeGreaterThan(0);
  });

  it('counts missing, invalid and format-variant emails and phones exactly', () => {
    let missingEmails = 0, invalidEmails = 0, emailVariants = 0, missingPhones = 0, phoneVariants = 0;
    for (const r of records.values()) {
      if (r.email === '') missingEmails++;
      else if (normalizeEmail(r.email) === null) invalidEmails++;
      else if (normalizeEmail(r.email) !== r.email) emailVariants++;
      if (r.phone === '') missingPhones++;
      else if (!placeholders.has(phoneE164(r.phone, r.country)!) && phoneE164(r.phone, r.country) !== r.phone) phoneVariants++;
    }
    expect({ missingEmails, invalidEmails, emailVariants, missingPhones, phoneVariants }).toEqual({
      missingEmails: s.injected.missing_emails,
      invalidEmails: s.injected.invalid_emails,
      emailVariants: s.injected.email_format_variants,
      missingPhones: s.injected.missing_phones,
      phoneVariants: s.injected.phone_format_variants,
    });
    for (const n of [missingEmails, invalidEmails, emailVariants, missingPhones, phoneVariants]) expect(n).toBeGreaterThan(0);
  });

  it('writes phones in national (trunk 0) and international (+, 00) forms', () => {
    const phones = [...records.values()].map((r) => r.phone).filter((p) => p !== '');
    expect(phones.some((p) => /^0\d/.test(p))).toBe(true);
    expect(phones.some((p) => p.startsWith('+') && p.includes(' '))).toBe(true);
    expect(phones.some((p) => p.startsWith('00'))).toBe(true);
    expect(phones.some((p) => /^\(\d{3}\) \d{3}-\d{4}$/.test(p))).toBe(true); // US
  });
});

describe('people', () => {
  it('come mostly from Turkey, then Kazakhstan, Germany, Uzbekistan, Azerbaijan, the UK and the US', () => {
    const persons = new Map<string, string>();
    for (const [key, r] of records) persons.set(truth.get(key)!, r.country);
    const share = (c: string) => [...persons.values()].filter((x) => x === c).length / persons.size;
    expect(share('TR')).toBeGreaterThan(0.38);
    expect(share('TR')).toBeLessThan(0.52);
    for (const c of ['KZ', 'UZ', 'AZ', 'DE', 'GB', 'US']) expect(share(c), c).toBeGreaterThan(0.03);
  });

  it('have ASCII emails and records created before they were last updated, within three years', () => {
    const threeYears = Date.UTC(2023, 5, 29);
    for (const r of records.values()) {
      expect(r.email).toMatch(/^[\x20-\x7e]*$/);
      expect(r.created_at <= r.updated_at).toBe(true);
      expect(Date.parse(r.created_at)).toBeGreaterThan(threeYears - 3 * 86_400_000);
    }
  });
});

describe('issues off', () => {
  const off = generated({ issues: false, customers: 800 });
  const offRecords = customerRecords(off);
  it('writes emails lower-case and trimmed and phones in E.164', () => {
    for (const r of offRecords.values()) {
      expect(normalizeEmail(r.email)).toBe(r.email);
      expect(r.phone).toMatch(/^\+\d{8,15}$/);
      expect(phoneE164(r.phone, r.country)).toBe(r.phone);
    }
  });
});
