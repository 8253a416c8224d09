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

const FIELDS = ['first_name', 'last_name', 'email', 'phone', 'city', 'country', 'loyalty_id'] as const;

export function customerProfileBase(records: CustomerRecords, ids: ResolvedIdentities): ProfileBase {
  const people = ids.keys.length;
  const sources: Record<(typeof FIELDS)[number], (string | null)[]> = {
    first_name: records.firstName, last_name: records.lastName, email: records.email, phone: records.phone,
    city: records.city, country: records.country, loyalty_id: records.loyalty,
  };
  const out: Record<string, (string | null)[]> = {};
  const provenance: Record<string, Int32Array> = {};
  for (const f of FIELDS) {
    out[f] = new Array(people).fill(null);
    provenance[f] = new Int32Array(people).fill(-1);
  }
  const recordCount = new Float64Array(people);
  const systems = new Array<string>(people);
  const firstSeen = new Float64Array(people);
  const updated = new Float64Array(people);
  const upd = records.updatedAt;
  const updKey = (i: number) => (Number.isNaN(upd[i]) ? -Infinity : upd[i]);

  for (let p = 0; p < people; p++) {
    const from = ids.membersStart[p], to = ids.membersStart[p + 1];
    // Members are in (system, id) order, so a stable sort on updated_at desc settles ties the contract's way.
    const order = Array.from(ids.members.subarray(from, to)).sort((a, b) => updKey(b) - updKey(a) || a - b);
    for (const f of FIELDS) {
      const src = sources[f];
      for (const m of order) {
        if (src[m] !== null) {
          out[f][p] = src[m];
          provenance[f][p] = m;
          break;
        }
      }
    }
    recordCount[p] = to - from;
    systems[p] = [...new Set(order.map((m) => records.system[m]))].sort().join('|');
    let first = NaN, last = NaN;
    for (const m of order) {
      const c = records.createdAt[m], u = upd[m];
      if (!Number.isNaN(c) && !(c >= first)) first = c;
      if (!Number.isNaN(u) && !(u <= last)) last = u;
    }
    firstSeen[p] = first;
    updated[p] = last;
  }
  const table = makeTable(customerProfileBaseSchema, people, [
    text(ids.keys), text(out.first_name), text(out.last_name), text(out.email), text(out.phone), text(out.city),
    text(out.country), text(out.loyalty_id), num(recordCount), text(systems), num(firstSeen), num(updated),
  ]);
  return {
    table, email: out.email, phone: out.phone, firstName: out.first_name, lastName: out.last_name,
    country: out.country, city: out.city, sourceSystems: systems, recordCount, provenance,
  };
}
