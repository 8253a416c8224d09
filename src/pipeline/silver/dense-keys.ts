// Dense integer ids (order, event and device numbers) index typed arrays directly instead of Maps.
// Falls back to a Map when ids are too sparse for an array.

export interface DenseIndex {
  get(n: number): number;
  set(n: number, v: number): void;
  /** The stored values in ascending id order. */
  valuesByAscendingId(): Int32Array;
}

export function denseIndex(maxId: number, count: number): DenseIndex {
  if (maxId >= 0 && maxId < Math.max(1024, count * 8) && maxId < 50_000_000) {
    const arr = new Int32Array(maxId + 1).fill(-1);
    return {
      get: (n) => arr[n],
      set: (n, v) => void (arr[n] = v),
      valuesByAscendingId: () => {
        let n = 0;
        for (let i = 0; i < arr.length; i++) if (arr[i] >= 0) n++;
        const out = new Int32Array(n);
        for (let i = 0, j = 0; i < arr.length; i++) if (arr[i] >= 0) out[j++] = arr[i];
        return out;
      },
    };
  }
  const map = new Map<number, number>();
  return {
    get: (n) => map.get(n) ?? -1,
    set: (n, v) => void map.set(n, v),
    valuesByAscendingId: () => Int32Array.from([...map.keys()].sort((a, b) => a - b), (k) => map.get(k)!),
  };
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
