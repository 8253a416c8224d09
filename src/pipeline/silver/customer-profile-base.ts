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

  const order = new Int32Array(64);
  const systemBit = new Map<string, number>();
  const systemLabel: string[] = [];
  for (let p = 0; p < people; p++) {
    const from = ids.membersStart[p], to = ids.membersStart[p + 1];
    const size = survivorshipOrder(ids.members, from, to, updKey, order.length >= to - from ? order : new Int32Array(to - from));
    const ordered = size.order;
    for (const f of FIELDS) {
      const src = sources[f];
      for (let k = 0; k < size.n; k++) {
        const m = ordered[k];
        if (src[m] !== null) {
          out[f][p] = src[m];
          provenance[f][p] = m;
          break;
        }
      }
    }
    recordCount[p] = to - from;
    let mask = 0;
    let first = NaN, last = NaN;
    for (let k = from; k < to; k++) {
      const m = ids.members[k];
      const sys = records.system[m];
      let bit = systemBit.get(sys);
      if (bit === undefined) systemBit.set(sys, (bit = 1 << systemBit.size));
      mask |= bit;
      const c = records.createdAt[m], u = upd[m];
      if (!Number.isNaN(c) && !(c >= first)) first = c;
      if (!Number.isNaN(u) && !(u <= last)) last = u;
    }
    systems[p] = systemLabel[mask] ??= [...systemBit].filter(([, b]) => mask & b).map(([name]) => name).sort().join('|');
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

/**
 * Members ordered for survivorship: latest updated_at first; ties keep the (system, id) order the
 * members already have. Insertion sort: people have one to a few records.
 */
function survivorshipOrder(members: Int32Array, from: number, to: number, updKey: (i: number) => number, buf: Int32Array): { order: Int32Array; n: number } {
  const n = to - from;
  for (let k = 0; k < n; k++) {
    const m = members[from + k];
    const key = updKey(m);
    let j = k - 1;
    while (j >= 0 && updKey(buf[j]) < key) {
      buf[j + 1] = buf[j];
      j--;
    }
    buf[j + 1] = m;
  }
  return { order: buf, n };
}
