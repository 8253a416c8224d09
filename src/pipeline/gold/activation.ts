// gold/activation_<channel>.csv. Grain: one row per profile that may be contacted on the channel.
// Only the key and the one contact field leave the warehouse.
import { sha256OfText } from '../sha256';
import type { Table } from '../table';
import { makeTable, text } from '../table';
import { activationAdsSchema, activationEmailSchema, activationSmsSchema } from '../schema/gold';
import type { Customer360 } from './customer-360';
import type { ProfileBase } from '../silver/customer-profile-base';

export function emailSha256(email: string): string {
  return sha256OfText(email);
}

function audience(keys: readonly string[], allowed: Uint8Array, value: (p: number) => string | null): { keys: string[]; values: string[]; people: number[] } {
  const out = { keys: [] as string[], values: [] as string[], people: [] as number[] };
  for (let p = 0; p < keys.length; p++) {
    if (!allowed[p]) continue;
    const v = value(p);
    if (v === null) continue;
    out.keys.push(keys[p]);
    out.values.push(v);
    out.people.push(p);
  }
  return out;
}

export interface Activation {
  readonly email: Table;
  readonly sms: Table;
  readonly ads: Table;
  /** Person index of each audience row, per channel. */
  readonly people: { readonly email: number[]; readonly sms: number[]; readonly ads: number[] };
}

export function activationAudiences(keys: readonly string[], c: Customer360, profile: ProfileBase): Activation {
  const email = audience(keys, c.canEmail, (p) => profile.email[p]);
  const sms = audience(keys, c.canSms, (p) => profile.phone[p]);
  const ads = audience(keys, c.canAds, (p) => (profile.email[p] === null ? null : emailSha256(profile.email[p]!)));
  return {
    email: makeTable(activationEmailSchema, email.keys.length, [text(email.keys), text(email.values)]),
    sms: makeTable(activationSmsSchema, sms.keys.length, [text(sms.keys), text(sms.values)]),
    ads: makeTable(activationAdsSchema, ads.keys.length, [text(ads.keys), text(ads.values)]),
    people: { email: email.people, sms: sms.people, ads: ads.people },
  };
}
