// One column's values for rows [start, end), in the form the Parquet writer takes. Built from the
// stored typed arrays; text is made only where the CSV would make it (cellText), so a Parquet value
// and its CSV field come from one formatter and one rounding.
import type { Column, ColumnType } from '../../pipeline/table';
import { roundScaled } from '../../pipeline/rounding';
import { parseTyped } from '../../pipeline/silver/columns';
import { cellText, formatNumber } from '../cell-text';
import type { DecimalSpec } from './parquet-schema';

type Stored = Exclude<Column, { kind: 'view' }>;

/** Text as the CSV field holds it, before formula neutralising and quoting; null for an empty field. */
export function textValues(col: Column, type: ColumnType, start: number, end: number): (string | null)[] {
  const out: (string | null)[] = new Array(end - start);
  const base: Stored = col.kind === 'view' ? col.base : col;
  const rows = col.kind === 'view' ? col.rows : null;
  if (base.overrides === undefined || base.overrides.size === 0) {
    if (base.kind === 'text') {
      const v = base.values;
      if (rows) for (let r = start; r < end; r++) out[r - start] = v[rows[r]] || null;
      else for (let r = start; r < end; r++) out[r - start] = v[r] || null;
      return out;
    }
    if (base.kind === 'code') {
      const { codes, dict } = base;
      for (let r = start; r < end; r++) {
        const c = codes[rows ? rows[r] : r];
        out[r - start] = c < 0 ? null : dict[c] || null;
      }
      return out;
    }
  }
  for (let r = start; r < end; r++) out[r - start] = cellText(col, type, r) || null;
  return out;
}

/**
 * Text as UTF-8 byte views into one buffer per chunk. Each cell's text is copied into the buffer
 * as soon as it is made, so no chunk of strings is ever held (what the writer's TextEncoder call per
 * value, and the garbage collection after it, would cost).
 */
export function utf8Values(col: Column, type: ColumnType, start: number, end: number): (Uint8Array | null)[] {
  const n = end - start;
  const texts = textSource(col, type);
  const ends = new Int32Array(n);
  let buf = new Uint8Array(Math.max(64, n * 24));
  let at = 0;
  for (let i = 0; i < n; i++) {
    const t = texts(start + i);
    if (t === null) {
      ends[i] = -1;
      continue;
    }
    if (at + 3 * t.length > buf.length) {
      const grown = new Uint8Array(Math.max(buf.length * 2, at + 3 * t.length));
      grown.set(buf.subarray(0, at));
      buf = grown;
    }
    at = writeUtf8(t, buf, at);
    ends[i] = at;
  }
  const out: (Uint8Array | null)[] = new Array(n);
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (ends[i] < 0) {
      out[i] = null;
      continue;
    }
    out[i] = buf.subarray(from, ends[i]);
    from = ends[i];
  }
  return out;
}

/** Cell text or null, by row: straight from the stored strings where there are no overrides. */
function textSource(col: Column, type: ColumnType): (row: number) => string | null {
  const base: Stored = col.kind === 'view' ? col.base : col;
  const rows = col.kind === 'view' ? col.rows : null;
  if (base.kind === 'text' && (base.overrides === undefined || base.overrides.size === 0)) {
    const v = base.values;
    return rows ? (r) => v[rows[r]] || null : (r) => v[r] || null;
  }
  return (r) => cellText(col, type, r) || null;
}

/** UTF-8 of `s` into `buf` at `at` (room for 3 bytes per code unit), as TextEncoder writes it. */
function writeUtf8(s: string, buf: Uint8Array, at: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[at++] = c;
      continue;
    }
    if (c < 0x800) {
      buf[at++] = 0xc0 | (c >> 6);
      buf[at++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && (d & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        buf[at++] = 0xf0 | (c >> 18);
        buf[at++] = 0x80 | ((c >> 12) & 0x3f);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd; // a lone surrogate
    }
    buf[at++] = 0xe0 | (c >> 12);
    buf[at++] = 0x80 | ((c >> 6) & 0x3f);
    buf[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}

/**
 * True when the first rows of the chunk repeat a few values (a batch id, a country): such text goes
 * to the writer as strings, which its dictionary takes without encoding each one; the rest goes as
 * UTF-8 views (utf8Values). Only the form the writer gets changes, never a value.
 */
export function looksRepetitive(col: Column, type: ColumnType, start: number, end: number): boolean {
  const sample = Math.min(end - start, 1024);
  const seen = new Set<string | null>();
  const texts = textSource(col, type);
  for (let r = start; r < start + sample; r++) {
    seen.add(texts(r));
    if (seen.size * 8 > sample) return false;
  }
  return true;
}

/** True when the column stores dictionary codes (an enum, or text with few distinct values). */
export function isCodeColumn(col: Column): boolean {
  return (col.kind === 'view' ? col.base : col).kind === 'code';
}

/**
 * The numbers behind a typed column (NaN is null). A raw override is used only when it is the
 * canonical text of a value; anything else here means a malformed value left its landing layer.
 */
export function numberValues(col: Column, type: ColumnType, start: number, end: number, where: string): Float64Array {
  const base: Stored = col.kind === 'view' ? col.base : col;
  const rows = col.kind === 'view' ? col.rows : null;
  if (base.kind !== 'number') {
    // Computed text (bronze landing times) repeats row after row: parse each run of it once.
    const out = new Float64Array(end - start);
    let last: string | null = null;
    let value = NaN;
    for (let r = start; r < end; r++) {
      const text = cellText(col, type, r);
      if (text !== last) {
        value = canonicalNumber(type, text, where, r);
        last = text;
      }
      out[r - start] = value;
    }
    return out;
  }
  const src = base.values;
  const overrides = base.overrides !== undefined && base.overrides.size > 0 ? base.overrides : null;
  if (!rows && !overrides) return src.subarray(start, end);
  const out = new Float64Array(end - start);
  if (rows) for (let r = start; r < end; r++) out[r - start] = src[rows[r]];
  else out.set(src.subarray(start, end));
  if (overrides) {
    for (let r = start; r < end; r++) {
      const text = overrides.get(rows ? rows[r] : r);
      if (text !== undefined) out[r - start] = canonicalNumber(type, text, where, r);
    }
  }
  return out;
}

function canonicalNumber(type: ColumnType, text: string, where: string, row: number): number {
  if (text === '') return NaN;
  const v = parseTyped(type, text);
  if (Number.isNaN(v) || formatNumber(type, v) !== text) {
    throw new Error(`${where}, row ${row}: "${text}" is not a ${type} value (only raw and bronze keep malformed text)`);
  }
  return v;
}

/** Whole numbers (integers, epoch milliseconds) as INT64 values. */
export function int64Values(nums: Float64Array, where: string): (bigint | null)[] {
  const out: (bigint | null)[] = new Array(nums.length);
  for (let i = 0; i < nums.length; i++) {
    const v = nums[i];
    if (Number.isNaN(v)) out[i] = null;
    else if (Number.isSafeInteger(v)) out[i] = BigInt(v);
    else throw new Error(`${where}: ${v} is not a whole number`);
  }
  return out;
}

/**
 * Unscaled DECIMAL values, rounded half away from zero exactly as the CSV text is. Money is stored
 * in cents, so its unscaled value is the rounded cents; other decimals are scaled by 10^scale.
 */
export function decimalValues(nums: Float64Array, spec: DecimalSpec, storedInCents: boolean, where: string): (bigint | null)[] {
  const out: (bigint | null)[] = new Array(nums.length);
  const digits = storedInCents ? 0 : spec.scale;
  const limit = 10 ** spec.precision;
  for (let i = 0; i < nums.length; i++) {
    const v = nums[i];
    if (Number.isNaN(v)) {
      out[i] = null;
      continue;
    }
    const scaled = roundScaled(v, digits);
    if (!(Math.abs(scaled) < limit) || !Number.isSafeInteger(scaled)) {
      throw new Error(`${where}: ${v} does not fit DECIMAL(${spec.precision},${spec.scale})`);
    }
    out[i] = BigInt(scaled);
  }
  return out;
}

/** Stored 0/1 as booleans. */
export function booleanValues(nums: Float64Array): (boolean | null)[] {
  const out: (boolean | null)[] = new Array(nums.length);
  for (let i = 0; i < nums.length; i++) out[i] = Number.isNaN(nums[i]) ? null : nums[i] !== 0;
  return out;
}
