// Identifier lookup: whatever a person types, normalised by the contract's rules, to the one
// profile it belongs to. Maps are built once per run; each lookup is a few map reads.
import type { PipelineRun } from '../pipeline/run';
import { normalizeEmail, phoneE164 } from '../pipeline/silver/normalize';
import { CALLING_CODES } from '../pipeline/schema/enums';
import type { LookupResult } from './api';

export interface LookupIndex {
  lookup(text: string): LookupResult;
}

type Owners = Map<string, Set<number>>;

function add(m: Owners, value: string | null, person: number): void {
  if (value === null) return;
  let s = m.get(value);
  if (!s) m.set(value, (s = new Set()));
  s.add(person);
}

export function lookupIndex(run: PipelineRun): LookupIndex {
  const { records, identities, clicks } = run.silver;
  const email: Owners = new Map(), phone: Owners = new Map(), loyalty: Owners = new Map(), sourceId: Owners = new Map();
  for (let i = 0; i < records.rawRow.length; i++) {
    const p = identities.personOf[i];
    add(email, records.email[i], p);
    add(phone, records.phone[i], p);
    add(loyalty, records.loyalty[i] === null ? null : records.loyalty[i]!.trim().toUpperCase(), p);
    add(sourceId, records.id[i].trim().toUpperCase(), p);
  }
  const keys = identities.keys;
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  const countries = Object.keys(CALLING_CODES);

  const answer = (kind: LookupResult['kind'], normalized: string, owners: Set<number> | undefined, what: string): LookupResult => {
    if (!owners || owners.size === 0) return { kind, normalized, customerKey: null, message: `No profile has ${what} ${normalized}.` };
    if (owners.size > 1) {
      return { kind, normalized, customerKey: null, message: `${what} ${normalized} belongs to ${owners.size} profiles (a shared or placeholder value), so it identifies no one.` };
    }
    const [p] = owners;
    return { kind, normalized, customerKey: keys[p], message: `Found by ${what} ${normalized}.` };
  };

  return {
    lookup(input: string): LookupResult {
      const text = input.trim();
      if (text === '') return { kind: 'unknown', normalized: '', customerKey: null, message: 'Type an email, phone, loyalty id, source id or device id.' };
      if (/^c360_[0-9a-f]{16}$/i.test(text)) {
        const p = keyIndex.get(text.toLowerCase());
        return p === undefined
          ? { kind: 'customer_key', normalized: text.toLowerCase(), customerKey: null, message: `No profile has key ${text.toLowerCase()}.` }
          : { kind: 'customer_key', normalized: keys[p], customerKey: keys[p], message: 'Found by customer key.' };
      }
      if (text.includes('@')) {
        const e = normalizeEmail(text);
        if (e === null) return { kind: 'email', normalized: '', customerKey: null, message: `"${text}" is not an email of the form local@domain.tld.` };
        return answer('email', e, email.get(e), 'email');
      }
      const upper = text.toUpperCase();
      if (/^ANON\d+$/.test(upper)) {
        const device = Number(upper.slice(4));
        const p = clicks.devicePerson(device);
        return p < 0
          ? { kind: 'anonymous_id', normalized: upper, customerKey: null, message: `Device ${upper} never logged in (or is unknown): it stays anonymous.` }
          : { kind: 'anonymous_id', normalized: upper, customerKey: keys[p], message: `Device ${upper} is stitched to the person of its latest login.` };
      }
      if (/^LOY\d+$/.test(upper)) return answer('loyalty', upper, loyalty.get(upper), 'loyalty id');
      if (/^[A-Z]\d+$/.test(upper)) return answer('source_id', upper, sourceId.get(upper), 'source id');
      if (/\d/.test(text) && /^[\d\s()+\-./]+$/.test(text)) {
        if (text.startsWith('+') || text.startsWith('00')) return answer('phone', phoneE164(text, null) ?? '', phone.get(phoneE164(text, null) ?? ''), 'phone');
        // A national number: try each country's calling code; it must lead to exactly one profile.
        const owners = new Set<number>();
        const tried: string[] = [];
        for (const c of countries) {
          const e = phoneE164(text, c);
          if (e === null) continue;
          tried.push(e);
          for (const p of phone.get(e) ?? []) owners.add(p);
        }
        const normalized = tried.find((e) => phone.has(e)) ?? tried[0] ?? '';
        return answer('phone', normalized, owners, 'phone');
      }
      return { kind: 'unknown', normalized: '', customerKey: null, message: `"${text}" is not an email, phone, loyalty id, source id, device id or customer key.` };
    },
  };
}
