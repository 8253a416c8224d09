// Dense integer ids (order, event and device numbers) index typed arrays directly instead of Maps.
// Falls back to a Map when ids are too sparse for an array.

export interface DenseIndex {
  get(n: number): number;
  set(n: number, v: number): void;
  /** The stored values in ascending id order. */
  valuesByAscendingId(): Int32Array;
}

/** Classes, not closures: one shape per kind keeps the hot `get`/`set` calls monomorphic. */
class ArrayIndex implements DenseIndex {
  private readonly slots: Int32Array;

  constructor(maxId: number) {
    this.slots = new Int32Array(maxId + 1).fill(-1);
  }

  get(n: number): number {
    return this.slots[n];
  }

  set(n: number, v: number): void {
    this.slots[n] = v;
  }

  valuesByAscendingId(): Int32Array {
    const slots = this.slots;
    let count = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i] >= 0) count++;
    const out = new Int32Array(count);
    for (let i = 0, j = 0; i < slots.length; i++) if (slots[i] >= 0) out[j++] = slots[i];
    return out;
  }
}

class MapIndex implements DenseIndex {
  private readonly map = new Map<number, number>();

  get(n: number): number {
    return this.map.get(n) ?? -1;
  }

  set(n: number, v: number): void {
    this.map.set(n, v);
  }

  valuesByAscendingId(): Int32Array {
    return Int32Array.from([...this.map.keys()].sort((a, b) => a - b), (k) => this.map.get(k)!);
  }
}

export function denseIndex(maxId: number, count: number): DenseIndex {
  const dense = maxId >= 0 && maxId < Math.max(1024, count * 8) && maxId < 50_000_000;
  return dense ? new ArrayIndex(maxId) : new MapIndex();
}

export function maxOf(values: Float64Array, rows?: ArrayLike<number>): number {
  let max = -1;
  const n = rows ? rows.length : values.length;
  for (let i = 0; i < n; i++) {
    const v = values[rows ? rows[i] : i];
    if (v > max) max = v;
  }
  return max;
}
