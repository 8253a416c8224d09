// Identity resolution: customer records linked by shared identifiers into people.
// Grain of the result: one entry per record (its component) and one per person (component).
import type { IdentifierKind, RunParams } from '../params';
import { IDENTIFIER_KINDS } from '../params';
import { fnv1a64, fnvDigest, fnvStart, fnvUpdate } from '../hash';
import type { CustomerRecords } from './customer-records';

export interface Placeholder {
  readonly kind: IdentifierKind;
  readonly value: string;
  readonly records: number;
}

export interface ResolvedIdentities {
  /** Person (component) of each record, 0-based; people are numbered in customer_key order. */
  readonly personOf: Int32Array;
  /** `customer_key` per person, ascending. */
  readonly keys: string[];
  /** Records of each person, ascending record index (= (system, id) order). */
  readonly membersStart: Int32Array; // length people + 1
  readonly members: Int32Array;
  readonly matchRule: string[];
  readonly placeholders: readonly Placeholder[];
}

function identifierValues(records: CustomerRecords, kind: IdentifierKind): (string | null)[] {
  return kind === 'email' ? records.email : kind === 'phone' ? records.phone : records.loyalty;
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a), rb = find(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

/** Each record's identifier value as a dense value id (-1 none), the ids' holder counts and first holders. */
function valueIds(values: (string | null)[]): { idOf: Int32Array; count: Int32Array; first: Int32Array; values: string[] } {
  const ids = new Map<string, number>();
  const idOf = new Int32Array(values.length);
  const distinct: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) {
      idOf[i] = -1;
      continue;
    }
    let id = ids.get(v);
    if (id === undefined) {
      id = distinct.length;
      ids.set(v, id);
      distinct.push(v);
    }
    idOf[i] = id;
  }
  const count = new Int32Array(distinct.length);
  const first = new Int32Array(distinct.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const id = idOf[i];
    if (id < 0) continue;
    if (count[id]++ === 0) first[id] = i;
  }
  return { idOf, count, first, values: distinct };
}

/** The definition of customer_key, from the members' `system:id` in (system, id) order; resolveIdentities streams the same bytes. */
export function customerKeyOf(memberIds: readonly string[]): string {
  return 'c360_' + fnv1a64(memberIds.join(','));
}

export function resolveIdentities(records: CustomerRecords, params: Pick<RunParams, 'link' | 'placeholderThreshold'>): ResolvedIdentities {
  const n = records.rawRow.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const placeholders: Placeholder[] = [];
  /** Per kind (in IDENTIFIER_KINDS order): does record i share a linking value with another record? */
  const shares: Uint8Array[] = [];

  for (const kind of IDENTIFIER_KINDS) {
    const shared = new Uint8Array(n);
    shares.push(shared);
    if (!params.link.includes(kind)) continue;
    const { idOf, count, first, values } = valueIds(identifierValues(records, kind));
    const kindPlaceholders: Placeholder[] = [];
    for (let v = 0; v < count.length; v++) {
      if (count[v] > params.placeholderThreshold) kindPlaceholders.push({ kind, value: values[v], records: count[v] });
    }
    for (let i = 0; i < n; i++) {
      const v = idOf[i];
      if (v < 0 || count[v] < 2 || count[v] > params.placeholderThreshold) continue;
      shared[i] = 1;
      union(parent, first[v], i);
    }
    kindPlaceholders.sort((a, b) => b.records - a.records || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    placeholders.push(...kindPlaceholders);
  }

  // Components by counting sort on the root: members stay in record order; key from the members' (system, id).
  const root = new Int32Array(n);
  const sizeOfRoot = new Int32Array(n);
  for (let i = 0; i < n; i++) sizeOfRoot[(root[i] = find(parent, i))]++;
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (sizeOfRoot[i] > 0) roots.push(i);
  const startOfRoot = new Int32Array(n);
  let at = 0;
  for (const r of roots) {
    startOfRoot[r] = at;
    at += sizeOfRoot[r];
  }
  const grouped = new Int32Array(n);
  const fill = startOfRoot.slice();
  for (let i = 0; i < n; i++) grouped[fill[root[i]]++] = i;
  // customer_key: the hash of the members' "system:id" joined by ",", fed piece by piece (no joined string).
  const rootKeys = roots.map((r) => {
    fnvStart();
    for (let k = startOfRoot[r]; k < startOfRoot[r] + sizeOfRoot[r]; k++) {
      if (k > startOfRoot[r]) fnvUpdate(',');
      fnvUpdate(records.system[grouped[k]]);
      fnvUpdate(':');
      fnvUpdate(records.id[grouped[k]]);
    }
    return 'c360_' + fnvDigest();
  });
  const order = Int32Array.from(roots.keys()).sort((a, b) => (rootKeys[a] < rootKeys[b] ? -1 : rootKeys[a] > rootKeys[b] ? 1 : 0));

  const personOf = new Int32Array(n);
  const membersStart = new Int32Array(roots.length + 1);
  const members = new Int32Array(n);
  const keys = new Array<string>(roots.length);
  at = 0;
  for (let pi = 0; pi < order.length; pi++) {
    const r = roots[order[pi]];
    keys[pi] = rootKeys[order[pi]];
    membersStart[pi] = at;
    for (let k = startOfRoot[r]; k < startOfRoot[r] + sizeOfRoot[r]; k++) {
      personOf[grouped[k]] = pi;
      members[at++] = grouped[k];
    }
  }
  membersStart[roots.length] = at;

  const matchRule = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const size = membersStart[personOf[i] + 1] - membersStart[personOf[i]];
    if (size === 1) {
      matchRule[i] = 'singleton';
      continue;
    }
    const kinds: string[] = [];
    IDENTIFIER_KINDS.forEach((k, ki) => shares[ki][i] && kinds.push(k));
    matchRule[i] = kinds.join('|');
  }
  return { personOf, keys, membersStart, members, matchRule, placeholders };
}
