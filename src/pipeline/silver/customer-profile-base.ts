// silver/customer_profile_base.csv. Grain: one row per resolved person.
// Survivorship: each field from the most recently updated member record that has a value; among
// records with the same updated_at, the smaller (source_system, source_customer_id) wins.
import type { Table } from '../table';
import { makeTable, num, text } from '../table';
import { customerProfileBaseSchema } from '../schema/silver';
import type { CustomerRecords } from './customer-records';
import type { ResolvedIdentities } from './resolve-identities';

export interface ProfileBase {
  readonly table: Table;
  readonly email: (string | null)[];
  readonly phone: (string | null)[];
  readonly firstName: (string | null)[];
  readonly lastName: (string | null)[];
  readonly country: (string | null)[];
  readonly city: (string | null)[];
  readonly sourceSystems: string[];
  readonly recordCount: Float64Array;
  /** For each person and field, the record the value came from (-1 none): survivorship provenance. */
  readonly provenance: Readonly<Record<string, Int32Array>>;
}

interface Surviving {
  readonly values: (string | null)[];
  readonly from: Int32Array;
}

export function customerProfileBase(records: CustomerRecords, ids: ResolvedIdentities): ProfileBase {
  const people = ids.keys.length;
  const ordered = survivorshipOrder(ids.members, ids.membersStart, records.updatedAt);
  const survive = (values: (string | null)[]) => survivingValues(values, ordered, ids.membersStart);
  const fields = {
    first_name: survive(records.firstName), last_name: survive(records.lastName), email: survive(records.email),
    phone: survive(records.phone), city: survive(records.city), country: survive(records.country), loyalty_id: survive(records.loyalty),
  };
  const recordCount = new Float64Array(people);
  for (let p = 0; p < people; p++) recordCount[p] = ids.membersStart[p + 1] - ids.membersStart[p];
  const systems = systemLabels(records, ids);
  const firstSeen = memberExtremes(records.createdAt, ids, -1);
  const updated = memberExtremes(records.updatedAt, ids, 1);
  const table = makeTable(customerProfileBaseSchema, people, [
    text(ids.keys), text(fields.first_name.values), text(fields.last_name.values), text(fields.email.values),
    text(fields.phone.values), text(fields.city.values), text(fields.country.values), text(fields.loyalty_id.values),
    num(recordCount), text(systems), num(firstSeen), num(updated),
  ]);
  const provenance: Record<string, Int32Array> = {};
  for (const [field, s] of Object.entries(fields)) provenance[field] = s.from;
  return {
    table, email: fields.email.values, phone: fields.phone.values, firstName: fields.first_name.values,
    lastName: fields.last_name.values, country: fields.country.values, city: fields.city.values, sourceSystems: systems,
    recordCount, provenance,
  };
}

/**
 * Each person's members in survivorship order, laid out like `members`: latest updated_at first
 * (null as the oldest); ties keep the (system, id) order the members already have. Insertion
 * sort: people have one to a few records.
 */
function survivorshipOrder(members: Int32Array, membersStart: Int32Array, updatedAt: Float64Array): Int32Array {
  const ordered = new Int32Array(members.length);
  for (let p = 0; p + 1 < membersStart.length; p++) {
    const from = membersStart[p], to = membersStart[p + 1];
    for (let k = from; k < to; k++) {
      const m = members[k];
      const key = updatedKey(updatedAt[m]);
      let j = k - 1;
      while (j >= from && updatedKey(updatedAt[ordered[j]]) < key) {
        ordered[j + 1] = ordered[j];
        j--;
      }
      ordered[j + 1] = m;
    }
  }
  return ordered;
}

const updatedKey = (t: number) => (Number.isNaN(t) ? -Infinity : t);

/** Per person, the first member in survivorship order with a value, and that value. */
function survivingValues(values: (string | null)[], ordered: Int32Array, membersStart: Int32Array): Surviving {
  const people = membersStart.length - 1;
  const out = new Array<string | null>(people);
  const from = new Int32Array(people);
  for (let p = 0; p < people; p++) {
    let value: string | null = null, source = -1;
    for (let k = membersStart[p]; k < membersStart[p + 1]; k++) {
      const v = values[ordered[k]];
      if (v !== null) {
        value = v;
        source = ordered[k];
        break;
      }
    }
    out[p] = value;
    from[p] = source;
  }
  return { values: out, from };
}

/** The members' systems per person, in string order, joined by `|` (one string per distinct set). */
function systemLabels(records: CustomerRecords, ids: ResolvedIdentities): string[] {
  const people = ids.keys.length;
  const labels = new Array<string>(people);
  const labelOfMask: string[] = [];
  for (let p = 0; p < people; p++) {
    let mask = 0;
    for (let k = ids.membersStart[p]; k < ids.membersStart[p + 1]; k++) mask |= 1 << records.systemRank[ids.members[k]];
    labels[p] = labelOfMask[mask] ??= records.systemNames.filter((_, rank) => mask & (1 << rank)).join('|');
  }
  return labels;
}

/** Per person, the members' earliest (sign -1) or latest (sign 1) time, ignoring nulls; NaN when none. */
function memberExtremes(times: Float64Array, ids: ResolvedIdentities, sign: 1 | -1): Float64Array {
  const people = ids.keys.length;
  const out = new Float64Array(people);
  for (let p = 0; p < people; p++) {
    let best = NaN;
    for (let k = ids.membersStart[p]; k < ids.membersStart[p + 1]; k++) {
      const t = times[ids.members[k]];
      if (!Number.isNaN(t) && !(sign * t <= sign * best)) best = t;
    }
    out[p] = best;
  }
  return out;
}
