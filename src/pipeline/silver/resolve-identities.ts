// Identity resolution: customer records linked by shared identifiers into people.
// Grain of the result: one entry per record (its component) and one per person (component).
import type { IdentifierKind, RunParams } from '../params';
import { IDENTIFIER_KINDS } from '../params';
import { fnv1a64, fnvDigest, fnvStart, fnvUpdate } from '../hash';
import type { CustomerRecords } from './customer-records';
import { internStrings } from './string-ids';

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

/** Records grouped by component: the records of component c are `members[start[c] .. start[c + 1]]`, in record order. */
interface Components {
  readonly start: Int32Array;
  readonly members: Int32Array;
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
function valueIds(values: (string | null)[]): { idOf: Int32Array; count: Int32Array; first: Int32Array; values: readonly string[] } {
  const { idOf, ids } = internStrings(values);
  const count = new Int32Array(ids.values.length);
  const first = new Int32Array(ids.values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const id = idOf[i];
    if (id < 0) continue;
    if (count[id]++ === 0) first[id] = i;
  }
  return { idOf, count, first, values: ids.values };
}

/** Placeholders of one kind as the report lists them: most records first, then by value. */
export function placeholderOrder(a: Placeholder, b: Placeholder): number {
  return b.records - a.records || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
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
  /** Per record, a bit per identifier kind (IDENTIFIER_KINDS order) it shares a linking value in. */
  const sharedKinds = new Uint8Array(n);

  IDENTIFIER_KINDS.forEach((kind, bit) => {
    if (!params.link.includes(kind)) return;
    const v = valueIds(identifierValues(records, kind));
    linkSharedValues(parent, v.idOf, v.count, v.first, params.placeholderThreshold, sharedKinds, 1 << bit);
    const kindPlaceholders: Placeholder[] = [];
    for (let id = 0; id < v.count.length; id++) {
      if (v.count[id] > params.placeholderThreshold) kindPlaceholders.push({ kind, value: v.values[id], records: v.count[id] });
    }
    kindPlaceholders.sort(placeholderOrder);
    placeholders.push(...kindPlaceholders);
  });

  const components = componentsOf(parent);
  const componentKeys = keysOf(records, components);
  const order = ascendingOrder(componentKeys);
  const people = order.length;
  const personOf = new Int32Array(n);
  const membersStart = new Int32Array(people + 1);
  const members = new Int32Array(n);
  const keys = new Array<string>(people);
  let at = 0;
  for (let p = 0; p < people; p++) {
    const c = order[p];
    keys[p] = componentKeys[c];
    membersStart[p] = at;
    for (let k = components.start[c]; k < components.start[c + 1]; k++) {
      personOf[components.members[k]] = p;
      members[at++] = components.members[k];
    }
  }
  membersStart[people] = at;
  return { personOf, keys, membersStart, members, matchRule: matchRules(sharedKinds, personOf, membersStart), placeholders };
}

/** Unions each record with the first holder of every value it holds that links (held by 2..threshold records). */
function linkSharedValues(
  parent: Int32Array, idOf: Int32Array, count: Int32Array, first: Int32Array, threshold: number, sharedKinds: Uint8Array, bit: number,
): void {
  for (let i = 0; i < idOf.length; i++) {
    const v = idOf[i];
    if (v < 0 || count[v] < 2 || count[v] > threshold) continue;
    sharedKinds[i] |= bit;
    union(parent, first[v], i);
  }
}

/** Components by counting sort on the root (roots ascending): members stay in record order. */
function componentsOf(parent: Int32Array): Components {
  const n = parent.length;
  const root = new Int32Array(n);
  const sizeOfRoot = new Int32Array(n);
  for (let i = 0; i < n; i++) sizeOfRoot[(root[i] = find(parent, i))]++;
  const componentOfRoot = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (sizeOfRoot[i] > 0) componentOfRoot[i] = count++;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (sizeOfRoot[i] > 0) start[componentOfRoot[i] + 1] = sizeOfRoot[i];
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[componentOfRoot[root[i]]]++] = i;
  return { start, members };
}

/** customer_key per component: the hash of the members' "system:id" joined by ",", fed piece by piece (no joined string). */
function keysOf(records: CustomerRecords, components: Components): string[] {
  const count = components.start.length - 1;
  const keys = new Array<string>(count);
  for (let c = 0; c < count; c++) {
    fnvStart();
    for (let k = components.start[c]; k < components.start[c + 1]; k++) {
      const m = components.members[k];
      if (k > components.start[c]) fnvUpdate(',');
      fnvUpdate(records.system[m]);
      fnvUpdate(':');
      fnvUpdate(records.id[m]);
    }
    keys[c] = 'c360_' + fnvDigest();
  }
  return keys;
}

/** match_rule per record: `singleton`, or the kinds it links by joined with `|` (one string per kind set). */
function matchRules(sharedKinds: Uint8Array, personOf: Int32Array, membersStart: Int32Array): string[] {
  const labels = Array.from({ length: 1 << IDENTIFIER_KINDS.length }, (_, mask) => IDENTIFIER_KINDS.filter((_, bit) => mask & (1 << bit)).join('|'));
  const rules = new Array<string>(personOf.length);
  for (let i = 0; i < personOf.length; i++) {
    const p = personOf[i];
    rules[i] = membersStart[p + 1] - membersStart[p] === 1 ? 'singleton' : labels[sharedKinds[i]];
  }
  return rules;
}

const HEX_DIGITS = 16;
/** Positions below 2^21 fit beside a 32-bit number in a double's 53 bits. */
const POSITION_BITS = 2 ** 21;
/** Below this many keys a comparison sort is faster: the typed sort pays for parsing while cold. */
const TYPED_SORT_FROM = 1 << 16;

/**
 * Positions of `keys` in ascending string order, equal keys by position. Many keys that share one
 * prefix and end in 16 lower-case hex digits (customer_keys) order as 64-bit numbers: a typed
 * sort on the high 32 bits with the position packed below them, then runs with equal high bits
 * (rare) by the low 32 bits.
 */
export function ascendingOrder(keys: readonly string[]): Int32Array {
  const n = keys.length;
  if (n >= TYPED_SORT_FROM && n < POSITION_BITS) {
    const high = new Float64Array(n), low = new Float64Array(n);
    if (hexTails(keys, high, low)) return numericOrder(high, low);
  }
  return Int32Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
}

/** Positions ordered by (high, low, position). */
function numericOrder(high: Float64Array, low: Float64Array): Int32Array {
  const n = high.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = high[i] * POSITION_BITS + i;
  packed.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = packed[k] % POSITION_BITS;
  for (let from = 0; from < n; ) {
    let to = from + 1;
    while (to < n && high[order[to]] === high[order[from]]) to++;
    if (to - from > 1) order.subarray(from, to).sort((a, b) => low[a] - low[b] || a - b);
    from = to;
  }
  return order;
}

/** Fills the high and low 32 bits of each key's hex tail; false unless every key is one prefix plus 16 lower-case hex digits. */
function hexTails(keys: readonly string[], high: Float64Array, low: Float64Array): boolean {
  const length = keys[0].length, start = length - HEX_DIGITS;
  if (start < 0) return false;
  const prefix = keys[0].slice(0, start);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key.length !== length || !key.startsWith(prefix)) return false;
    let h = 0, l = 0;
    for (let j = 0; j < HEX_DIGITS / 2; j++) {
      const dh = hexDigit(key.charCodeAt(start + j)), dl = hexDigit(key.charCodeAt(start + HEX_DIGITS / 2 + j));
      if (dh < 0 || dl < 0) return false;
      h = h * 16 + dh;
      l = l * 16 + dl;
    }
    high[i] = h;
    low[i] = l;
  }
  return true;
}

const hexDigit = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1);
