// gold/activation_<channel>.csv. Grain: one row per profile that may be contacted on the channel.
// Only the key and the one contact field leave the warehouse.
import { sha256OfText } from '../sha256';
import type { Table } from '../table';
import { makeTable, text, view } from '../table';
import { activationAdsSchema, activationEmailSchema, activationSmsSchema } from '../schema/gold';
import type { Customer360 } from './customer-360';
import type { ProfileBase } from '../silver/customer-profile-base';

export function emailSha256(email: string): string {
  return sha256OfText(email);
}

/** People allowed on the channel who have the contact field, in person order. */
function audiencePeople(allowed: Float64Array, contact: readonly (string | null)[]): Int32Array {
  const people = new Int32Array(allowed.length);
  let n = 0;
  for (let p = 0; p < allowed.length; p++) if (allowed[p] === 1 && contact[p] !== null) people[n++] = p;
  return people.slice(0, n);
}

function hashedEmails(people: Int32Array, email: readonly (string | null)[]): string[] {
  const out = new Array<string>(people.length);
  for (let i = 0; i < people.length; i++) out[i] = emailSha256(email[people[i]]!);
  return out;
}

export interface Activation {
  readonly email: Table;
  readonly sms: Table;
  readonly ads: Table;
  /** Person index of each audience row, per channel. */
  readonly people: { readonly email: Int32Array; readonly sms: Int32Array; readonly ads: Int32Array };
}

/** Keys and contact fields are shown through views of the per-person arrays (no copy); only the hashes are new text. */
export function activationAudiences(keys: readonly string[], c: Customer360, profile: ProfileBase): Activation {
  const email = audiencePeople(c.canEmail, profile.email);
  const sms = audiencePeople(c.canSms, profile.phone);
  const ads = audiencePeople(c.canAds, profile.email);
  const key = text(keys as string[]), address = text(profile.email), phone = text(profile.phone);
  return {
    email: makeTable(activationEmailSchema, email.length, [view(key, email), view(address, email)]),
    sms: makeTable(activationSmsSchema, sms.length, [view(key, sms), view(phone, sms)]),
    ads: makeTable(activationAdsSchema, ads.length, [view(key, ads), text(hashedEmails(ads, profile.email))]),
    people: { email, sms, ads },
  };
}
