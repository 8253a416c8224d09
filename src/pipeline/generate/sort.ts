// Ordering rows by time without comparator sorts: a stable two-pass radix sort on 32-bit keys
// (seconds since the generator's epoch), ~20x faster than Array.prototype.sort on millions of rows.
// Its working arrays come from the generator's pool (see pool.ts) and go back after each sort, so
// they share memory with the other working arrays of a run: every fresh typed array is external
// memory to the JS engine, and allocating a lot of it is what triggers full garbage collections.
// Each pass is its own small function: the engine optimises each loop once, where one function
// holding them all was optimised for its first loop and thrown away at the next, again and again.
import { give, take } from './pool';

/** Below this many rows the engine's own sort of packed (key, index) numbers is quicker. */
const SMALL = 1 << 12;

const lowCount = new Uint32Array(65537);
const highCount = new Uint32Array(65537);

/** Frees the working arrays (at the end of a run): they live in the pool, drained by drainPool. */
export function releaseSortScratch(): void {}

/**
 * Row indices ordered by the key of each row, ascending; equal keys keep their index order
 * (stable), so the index itself is the tie-break. Row i's key is `keys[i * stride + field]`, so
 * keys can be read straight out of array-of-structs rows. Writes into `into` when given.
 */
export function orderByKey(keys: Uint32Array, n: number = keys.length, stride = 1, field = 0, into?: Uint32Array): Uint32Array {
  const out = into ?? new Uint32Array(n);
  if (n <= SMALL) return orderSmall(keys, n, stride, field, out);
  const midIndex = take(n, false);
  const midKey = take(n, false);
  countHalves(keys, n, stride, field);
  toStarts();
  scatterByLow(keys, n, stride, field, midIndex, midKey);
  scatterByHigh(n, midIndex, midKey, out);
  give(midIndex);
  give(midKey);
  return out;
}

/**
 * Orders rows of `stride` fields (array of structs, see RowBuilder) by field `field`, stably, in
 * place. Moving whole rows costs a few more writes than ordering indices, but the caller then
 * reads the rows in order instead of jumping to each one.
 */
export function sortRows(rows: Uint32Array, n: number, stride: number, field: number): void {
  const mid = take(n * stride, false);
  if (n <= SMALL) {
    const order = orderSmall(rows, n, stride, field, take(n, false));
    gatherRows(rows, order, stride, mid);
    give(order);
    rows.set(mid.subarray(0, n * stride));
  } else {
    countHalves(rows, n, stride, field);
    toStarts();
    moveRows(rows, n, stride, field, lowCount, 0xffff, 0, mid);
    moveRows(mid, n, stride, field, highCount, 0xffff, 16, rows);
  }
  give(mid);
}

function gatherRows(rows: Uint32Array, order: Uint32Array, stride: number, out: Uint32Array): void {
  for (let k = 0, to = 0; k < order.length; k++) {
    for (let j = 0, from = order[k] * stride; j < stride; j++) out[to++] = rows[from + j];
  }
}

/** One stable pass: each row to the next place of its bucket (the key's bits at `shift`). */
function moveRows(
  rows: Uint32Array, n: number, stride: number, field: number, start: Uint32Array, mask: number, shift: number, out: Uint32Array,
): void {
  for (let i = 0, from = 0; i < n; i++, from += stride) {
    let to = start[(rows[from + field] >>> shift) & mask]++ * stride;
    for (let j = 0; j < stride; j++) out[to++] = rows[from + j];
  }
}

/** Bucket sizes of the low and the high 16 bits, one slot to the right. */
function countHalves(keys: Uint32Array, n: number, stride: number, field: number): void {
  lowCount.fill(0);
  highCount.fill(0);
  for (let i = 0, at = field; i < n; i++, at += stride) {
    const v = keys[at];
    lowCount[(v & 0xffff) + 1]++;
    highCount[(v >>> 16) + 1]++;
  }
}

/** Counts to the first position of each bucket. */
function toStarts(): void {
  for (let d = 1; d <= 65536; d++) {
    lowCount[d] += lowCount[d - 1];
    highCount[d] += highCount[d - 1];
  }
}

function scatterByLow(keys: Uint32Array, n: number, stride: number, field: number, midIndex: Uint32Array, midKey: Uint32Array): void {
  for (let i = 0, at = field; i < n; i++, at += stride) {
    const v = keys[at];
    const p = lowCount[v & 0xffff]++;
    midIndex[p] = i;
    midKey[p] = v;
  }
}

function scatterByHigh(n: number, midIndex: Uint32Array, midKey: Uint32Array, out: Uint32Array): void {
  for (let i = 0; i < n; i++) out[highCount[midKey[i] >>> 16]++] = midIndex[i];
}

/** key * 2^21 + index stays an exact double (2^53) for 32-bit keys and up to 2^21 rows. */
function orderSmall(keys: Uint32Array, n: number, stride: number, field: number, out: Uint32Array): Uint32Array {
  const packed = new Float64Array(n);
  for (let i = 0, at = field; i < n; i++, at += stride) packed[i] = keys[at] * 2097152 + i;
  packed.sort();
  for (let i = 0; i < n; i++) out[i] = packed[i] % 2097152;
  return out;
}
