// (source_system, source_customer_id) → person, for attributing events to customer_key.
import type { Dictionary } from './columns';
import type { CustomerRecords } from './customer-records';
import type { ResolvedIdentities } from './resolve-identities';
import { stringIds, type StringIds } from './string-ids';

/** One system's customer ids → person (the `get` of a ReadonlyMap, so a Map serves in tests). */
export interface SystemCustomers {
  get(id: string): number | undefined;
}

export interface CustomerLookup {
  /** The ids of one system, for hot loops. */
  system(system: string): SystemCustomers;
  readonly keys: readonly string[];
}

/** Ids interned into typed slots: no map entry per record for the collector to trace. */
class InternedCustomers implements SystemCustomers {
  readonly ids: StringIds;
  private person: Int32Array;

  constructor(expected: number) {
    this.ids = stringIds(expected);
    this.person = new Int32Array(expected);
  }

  add(id: string, person: number): void {
    const k = this.ids.add(id);
    if (k >= this.person.length) {
      const grown = new Int32Array(Math.max(16, this.person.length * 2));
      grown.set(this.person);
      this.person = grown;
    }
    this.person[k] = person;
  }

  get(id: string): number | undefined {
    const k = this.ids.find(id);
    return k < 0 ? undefined : this.person[k];
  }
}

export function customerLookup(records: CustomerRecords, ids: ResolvedIdentities): CustomerLookup {
  const perSystem = new Int32Array(records.systemNames.length);
  for (let i = 0; i < records.systemRank.length; i++) perSystem[records.systemRank[i]]++;
  const bySystem = records.systemNames.map((_, s) => new InternedCustomers(perSystem[s]));
  for (let i = 0; i < records.rawRow.length; i++) bySystem[records.systemRank[i]].add(records.id[i], ids.personOf[i]);
  const none: SystemCustomers = { get: () => undefined };
  return {
    system: (system) => bySystem[records.systemNames.indexOf(system)] ?? none,
    keys: ids.keys,
  };
}

const UNSEEN = -2;

/**
 * Person of each event from its customer id in one system (clickstream: web, campaigns: crm); -1
 * when the id is empty or not a known record. Each distinct id is looked up once, not once per event.
 */
export function personsInSystem(lookup: CustomerLookup, system: string, ids: Dictionary): Int32Array {
  const byId = lookup.system(system);
  const memo = new Int32Array(ids.dict.length).fill(UNSEEN);
  const out = new Int32Array(ids.codes.length);
  for (let i = 0; i < out.length; i++) {
    const k = ids.codes[i];
    if (k < 0) {
      out[i] = -1;
      continue;
    }
    if (memo[k] === UNSEEN) memo[k] = byId.get(ids.dict[k]) ?? -1;
    out[i] = memo[k];
  }
  return out;
}

/** Person of each event from its (source_system, source_customer_id), each distinct pair looked up once. */
export function personsBySystem(lookup: CustomerLookup, systems: Dictionary, ids: Dictionary): Int32Array {
  const maps = systems.dict.map((s) => lookup.system(s));
  const width = Math.max(1, maps.length);
  const memo = new Int32Array(ids.dict.length * width).fill(UNSEEN);
  const out = new Int32Array(ids.codes.length);
  for (let i = 0; i < out.length; i++) {
    const s = systems.codes[i], k = ids.codes[i];
    if (s < 0 || k < 0) {
      out[i] = -1;
      continue;
    }
    const at = k * width + s;
    if (memo[at] === UNSEEN) memo[at] = maps[s].get(ids.dict[k]) ?? -1;
    out[i] = memo[at];
  }
  return out;
}

/** customer_key text of a person index column (-1 → empty), computed when shown or written. */
export function keyColumnGetter(personIdx: Int32Array, keys: readonly string[]): (row: number) => string | null {
  return (row) => {
    const p = personIdx[row];
    return p < 0 ? null : keys[p];
  };
}
