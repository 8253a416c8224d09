// (source_system, source_customer_id) → person, for attributing events to customer_key.
import type { CustomerRecords } from './customer-records';
import type { ResolvedIdentities } from './resolve-identities';

export interface CustomerLookup {
  /** Map of one system's ids, for hot loops. */
  system(system: string): ReadonlyMap<string, number>;
  readonly keys: readonly string[];
}

export function customerLookup(records: CustomerRecords, ids: ResolvedIdentities): CustomerLookup {
  const bySystem = new Map<string, Map<string, number>>();
  for (let i = 0; i < records.rawRow.length; i++) {
    let m = bySystem.get(records.system[i]);
    if (!m) bySystem.set(records.system[i], (m = new Map()));
    m.set(records.id[i], ids.personOf[i]);
  }
  const empty = new Map<string, number>();
  return {
    system: (system) => bySystem.get(system) ?? empty,
    keys: ids.keys,
  };
}

/** customer_key text of a person index column (-1 → empty), computed when shown or written. */
export function keyColumnGetter(personIdx: Int32Array, keys: readonly string[]): (row: number) => string | null {
  return (row) => {
    const p = personIdx[row];
    return p < 0 ? null : keys[p];
  };
}
