// Numeric ids (order ids, event ids, device ids) → a slot per row, assigned once over all rows of a
// topic up front, so the per-event rules index typed arrays and never hash. Ids that are small
// non-negative integers (the generator's are) are their own slots; others are numbered in first-seen order.

export class DenseSlots {
  /** Slot of each row's id, -1 for a missing id. */
  readonly rowSlot: Int32Array;
  /** Slots run 0 .. count - 1. */
  readonly count: number;
  private readonly numbered: NumberIds | undefined;

  constructor(ids: Float64Array) {
    const n = ids.length;
    this.rowSlot = new Int32Array(n);
    const max = denseSlots(ids, this.rowSlot);
    if (max >= 0 && max < Math.max(1024, n * 8)) {
      this.count = max + 1;
      return;
    }
    const numbered = (this.numbered = new NumberIds());
    numberEach(ids, this.rowSlot, numbered);
    this.count = numbered.size;
  }

  /** The slot of an id, -1 when no row has it. */
  find(id: number): number {
    if (this.numbered !== undefined) return this.numbered.find(id);
    return Number.isInteger(id) && id >= 0 && id < this.count ? id : -1;
  }
}

/**
 * Numbers → dense ids in first-seen order, by open addressing over typed arrays (a Map costs about
 * ten times as much per row here). Starts small and doubles, so memory follows the distinct count.
 */
class NumberIds {
  size = 0;
  private keys = new Float64Array(1024);
  private ids = new Int32Array(1024).fill(-1);

  add(key: number): number {
    let at = this.slotOf(key);
    if (this.ids[at] >= 0) return this.ids[at];
    if (2 * (this.size + 1) > this.ids.length) {
      this.grow();
      at = this.slotOf(key);
    }
    this.keys[at] = key;
    this.ids[at] = this.size;
    return this.size++;
  }

  find(key: number): number {
    return this.ids[this.slotOf(key)];
  }

  /** The slot holding `key`, or the free slot where it belongs. */
  private slotOf(key: number): number {
    const mask = this.ids.length - 1;
    for (let at = hashNumber(key) & mask; ; at = (at + 1) & mask) if (this.ids[at] < 0 || this.keys[at] === key) return at;
  }

  private grow(): void {
    const keys = this.keys, ids = this.ids;
    this.keys = new Float64Array(2 * keys.length);
    this.ids = new Int32Array(2 * ids.length).fill(-1);
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0) continue;
      const at = this.slotOf(keys[i]);
      this.keys[at] = keys[i];
      this.ids[at] = ids[i];
    }
  }
}

function numberEach(ids: Float64Array, rowSlot: Int32Array, numbered: NumberIds): void {
  for (let i = 0; i < ids.length; i++) rowSlot[i] = ids[i] !== ids[i] ? -1 : numbered.add(ids[i]);
}

const bits = new Float64Array(1), words = new Int32Array(bits.buffer);

/** Integers hash by their value (a double's low word is all zeros for them); other numbers by both words. */
function hashNumber(x: number): number {
  let h: number;
  if ((x | 0) === x) h = x;
  else {
    bits[0] = x;
    h = Math.imul(words[0], 0x9e3779b1) ^ words[1];
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

const DENSE_LIMIT = 50_000_000;

/**
 * One pass: each id as its own slot (-1 for a missing id), returning the largest; -2 as soon as an
 * id is not a small non-negative integer (the caller then numbers the ids instead).
 */
function denseSlots(ids: Float64Array, rowSlot: Int32Array): number {
  let max = -1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id !== id) {
      rowSlot[i] = -1;
      continue;
    }
    if (!(id >= 0 && id < DENSE_LIMIT && id === Math.floor(id))) return -2;
    rowSlot[i] = id;
    if (id > max) max = id;
  }
  return max;
}
