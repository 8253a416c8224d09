// Dense integer ids for strings, in first-seen order: how silver groups hundreds of thousands of
// identifier values (customer ids, emails, phones) without string-keyed work per later step.

export interface StringIds {
  /** The distinct strings, by id. */
  readonly values: readonly string[];
  /** The id of `v`, a new one when it is first seen. */
  add(v: string): number;
  /** The id of `v`, -1 when it was never added. */
  find(v: string): number;
}

/**
 * Below this many values a Map: its hashing is native, the fastest while the code is still cold.
 * From here the typed table: faster once warm, and nothing for the collector to trace.
 */
const TYPED_FROM = 1 << 16;

export function stringIds(expected: number): StringIds {
  return expected < TYPED_FROM ? new MapIds() : new TypedIds(expected);
}

/** Each value's dense id (-1 for null) in first-seen order, with the ids. */
export function internStrings(values: readonly (string | null)[]): { idOf: Int32Array; ids: StringIds } {
  let present = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== null) present++;
  const ids = stringIds(present);
  const idOf = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    idOf[i] = v === null ? -1 : ids.add(v);
  }
  return { idOf, ids };
}

/** Each value's rank among the distinct values in string (UTF-16 code unit) order, -1 for null. */
export function sortedRanks(values: readonly (string | null)[]): { rank: Int32Array; sorted: string[] } {
  const { idOf, ids } = internStrings(values);
  // The default sort compares strings by code units, natively, without a comparator callback.
  const sorted = ids.values.slice().sort();
  const rankOfId = new Int32Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) rankOfId[ids.find(sorted[k])] = k;
  const rank = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) rank[i] = idOf[i] < 0 ? -1 : rankOfId[idOf[i]];
  return { rank, sorted };
}

export class MapIds implements StringIds {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  add(v: string): number {
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(v, id);
      this.values.push(v);
    }
    return id;
  }

  find(v: string): number {
    return this.ids.get(v) ?? -1;
  }
}

/** Open addressing (linear probing) over one typed array, sized for the expected count up front. */
export class TypedIds implements StringIds {
  readonly values: string[] = [];
  /**
   * Pairs (id + 1, hash) per slot, 0 = free: a probe reads one cache line and compares strings
   * only on a hash match. A power of two slots, at least twice the ids there is room for.
   */
  private slots: Int32Array;
  private room: number;

  constructor(expected: number) {
    this.room = Math.max(16, expected);
    this.slots = new Int32Array(2 * slotsFor(this.room));
  }

  add(v: string): number {
    const h = stringHash(v);
    let at = this.lookup(v, h);
    if (at >= 0) return this.slots[at] - 1;
    const id = this.values.length;
    if (id === this.room) {
      this.grow();
      at = this.lookup(v, h);
    }
    this.values.push(v);
    this.slots[~at] = id + 1;
    this.slots[~at + 1] = h;
    return id;
  }

  find(v: string): number {
    const at = this.lookup(v, stringHash(v));
    return at >= 0 ? this.slots[at] - 1 : -1;
  }

  /** Index of the slot pair holding `v`, or `~index` of the free pair where it belongs. */
  private lookup(v: string, h: number): number {
    const slots = this.slots, mask = slots.length - 2;
    for (let at = (h << 1) & mask; ; at = (at + 2) & mask) {
      const s = slots[at];
      if (s === 0) return ~at;
      if (slots[at + 1] === h && this.values[s - 1] === v) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.room *= 2;
    const slots = new Int32Array(2 * slotsFor(this.room)), mask = slots.length - 2;
    for (let o = 0; o < old.length; o += 2) {
      if (old[o] === 0) continue;
      let at = (old[o + 1] << 1) & mask;
      while (slots[at] !== 0) at = (at + 2) & mask;
      slots[at] = old[o];
      slots[at + 1] = old[o + 1];
    }
    this.slots = slots;
  }
}

function slotsFor(count: number): number {
  let c = 32;
  while (c < count * 2) c *= 2;
  return c;
}

/** FNV-1a over UTF-16 code units, then mixed so the low bits (the slot) depend on every unit. */
function stringHash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
