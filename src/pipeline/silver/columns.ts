// Gathering accepted rows into new columns. Overridden raw text on an accepted row (valid, but
// not the generator's typed form) is parsed here, so silver never carries raw text forward.
import type { Column, ColumnType, Table } from '../table';
import { columnIndex, view } from '../table';
import { cellText } from '../../io/cell-text';
import { parseIsoUtc } from '../time';
import { internStrings } from './string-ids';

export function parseTyped(type: ColumnType, text: string): number {
  if (text === '') return NaN;
  if (type === 'timestamp') return parseIsoUtc(text);
  if (type === 'money') {
    const neg = text.startsWith('-');
    const [whole, frac = ''] = (neg ? text.slice(1) : text).split('.');
    const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    return neg ? -cents : cents;
  }
  if (type === 'boolean') return text === 'true' ? 1 : 0;
  return Number(text);
}

function parseId(prefix: string, text: string): number {
  return text.startsWith(prefix) && /^\d+$/.test(text.slice(prefix.length)) ? Number(text.slice(prefix.length)) : NaN;
}

/** Positions in `rows` whose raw row carries an override in `col` (rare: injected problems only). */
function overriddenPositions(col: Column, rows: Int32Array): number[] {
  const ov = col.overrides;
  if (!ov || ov.size === 0) return [];
  let max = 0;
  for (const r of ov.keys()) if (r > max) max = r;
  const marked = new Uint8Array(max + 1);
  for (const r of ov.keys()) marked[r] = 1;
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r <= max && marked[r] === 1) out.push(i);
  }
  return out;
}

/** A new column holding `rows` of `col`, in that order, without overrides. */
export function gatherColumn(col: Column, type: ColumnType, rows: Int32Array): Column {
  if (col.kind === 'view') {
    const composed = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) composed[i] = col.rows[rows[i]];
    return gatherColumn(col.base, type, composed);
  }
  const n = rows.length;
  const ov = col.overrides && col.overrides.size > 0 ? col.overrides : null;
  const patched = ov ? overriddenPositions(col, rows) : [];
  switch (col.kind) {
    case 'number': {
      const out = new Float64Array(n);
      const src = col.values;
      for (let i = 0; i < n; i++) out[i] = src[rows[i]];
      for (const i of patched) out[i] = parseTyped(type, ov!.get(rows[i])!);
      return { kind: 'number', values: out };
    }
    case 'code': {
      const out = new Int32Array(n);
      const src = col.codes;
      for (let i = 0; i < n; i++) out[i] = src[rows[i]];
      for (const i of patched) out[i] = col.dict.indexOf(ov!.get(rows[i])!);
      return { kind: 'code', codes: out, dict: col.dict };
    }
    case 'id': {
      const out = new Float64Array(n);
      const src = col.nums;
      for (let i = 0; i < n; i++) out[i] = src[rows[i]];
      for (const i of patched) out[i] = parseId(col.prefix, ov!.get(rows[i])!);
      return { kind: 'id', nums: out, prefix: col.prefix, width: col.width };
    }
    case 'text': {
      const out: (string | null)[] = new Array(n);
      const src = col.values;
      for (let i = 0; i < n; i++) out[i] = src[rows[i]];
      for (const i of patched) { const t = ov!.get(rows[i])!; out[i] = t === '' ? null : t; }
      return { kind: 'text', values: out };
    }
    case 'lazy': {
      const get = col.get;
      return { kind: 'lazy', get: (r) => get(rows[r]) };
    }
  }
}

/** A column's values for every row of its table, materialised (views gathered, others as they are). */
export function materialize(col: Column, type: ColumnType): Column {
  return col.kind === 'view' ? gatherColumn(col.base, type, col.rows) : col;
}

/** Views of the named raw columns at `rows`: what a silver table shows, without copying. */
export function viewNamed(raw: Table, names: readonly string[], rows: Int32Array): Record<string, Column> {
  const out: Record<string, Column> = {};
  for (const name of names) out[name] = view(raw.columns[columnIndex(raw.schema, name)], rows);
  return out;
}

/** Typed values of one raw column at `rows` (overrides parsed), for the folds downstream. */
export function gatherNumbers(raw: Table, name: string, rows: Int32Array): Float64Array {
  const i = columnIndex(raw.schema, name);
  const c = gatherColumn(raw.columns[i], raw.schema.columns[i].type, rows);
  if (c.kind === 'number') return c.values;
  if (c.kind === 'id') return c.nums;
  throw new Error(`${raw.schema.name}.${name} is not numeric`);
}

/**
 * Typed values of every row of a raw numeric column (overrides parsed, as gatherNumbers): the stored
 * array itself when every overridden cell parses to its stored value, else a copy patched there.
 */
export function columnNumbers(raw: Table, name: string): Float64Array {
  const i = columnIndex(raw.schema, name);
  const col = raw.columns[i], type = raw.schema.columns[i].type;
  if (col.kind !== 'number' && col.kind !== 'id') return gatherNumbers(raw, name, everyRow(raw.rowCount));
  const stored = col.kind === 'number' ? col.values : col.nums;
  const ov = col.overrides;
  if (ov === undefined || ov.size === 0) return stored;
  let out: Float64Array | undefined;
  for (const [r, text] of ov) {
    const v = col.kind === 'id' ? parseId(col.prefix, text) : parseTyped(type, text);
    // Most overridden text parses to the stored value (another spelling of it): no copy for those.
    if (v === stored[r] || (Number.isNaN(v) && Number.isNaN(stored[r]))) continue;
    (out ??= stored.slice())[r] = v;
  }
  return out ?? stored;
}

/** Codes of every row of a raw code column (an override not in the dict is -1, as gatherCodes), patched like columnNumbers. */
export function columnCodes(raw: Table, name: string): { codes: Int32Array; dict: readonly string[] } {
  const i = columnIndex(raw.schema, name);
  const col = raw.columns[i];
  if (col.kind !== 'code') return gatherCodes(raw, name, everyRow(raw.rowCount));
  const ov = col.overrides;
  if (ov === undefined || ov.size === 0) return { codes: col.codes, dict: col.dict };
  let codes: Int32Array | undefined;
  for (const [r, text] of ov) {
    const c = col.dict.indexOf(text);
    if (c !== col.codes[r]) (codes ??= col.codes.slice())[r] = c;
  }
  return { codes: codes ?? col.codes, dict: col.dict };
}

function everyRow(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

export function gatherCodes(raw: Table, name: string, rows: Int32Array): { codes: Int32Array; dict: readonly string[] } {
  const i = columnIndex(raw.schema, name);
  const c = gatherColumn(raw.columns[i], raw.schema.columns[i].type, rows);
  if (c.kind !== 'code') throw new Error(`${raw.schema.name}.${name} is not a code column`);
  return { codes: c.codes, dict: c.dict };
}

export function gatherTexts(raw: Table, name: string, rows: Int32Array): (string | null)[] {
  const i = columnIndex(raw.schema, name);
  const c = gatherColumn(raw.columns[i], raw.schema.columns[i].type, rows);
  if (c.kind !== 'text') throw new Error(`${raw.schema.name}.${name} is not a text column`);
  return c.values;
}

/** Distinct values of a text-valued column as a dictionary: `codes[i]` indexes `dict`, -1 is empty. */
export interface Dictionary {
  readonly codes: Int32Array;
  readonly dict: readonly string[];
}

/**
 * A text-valued raw column at `rows`, dictionary-encoded. Generated event tables already store
 * customer ids as codes (their dict is the customer ids), so the hot path copies integers; text read
 * back from CSV is encoded here, once per row. Overridden text joins the dict like any other value.
 */
export function gatherDictionary(raw: Table, name: string, rows: Int32Array): Dictionary {
  const i = columnIndex(raw.schema, name);
  let col = raw.columns[i];
  let at = rows;
  if (col.kind === 'view') {
    at = new Int32Array(rows.length);
    for (let k = 0; k < rows.length; k++) at[k] = col.rows[rows[k]];
    col = col.base;
  }
  if (col.kind === 'code') return gatherCodesWithOverrides(col, at);
  const { idOf, ids } = internStrings(gatherTexts(raw, name, rows));
  return { codes: idOf, dict: ids.values };
}

function gatherCodesWithOverrides(col: Extract<Column, { kind: 'code' }>, rows: Int32Array): Dictionary {
  const codes = new Int32Array(rows.length);
  const src = col.codes;
  for (let k = 0; k < rows.length; k++) codes[k] = src[rows[k]];
  const patched = overriddenPositions(col, rows);
  if (patched.length === 0) return { codes, dict: col.dict };
  const dict = col.dict.slice();
  const codeOf = new Map<string, number>();
  for (const k of patched) {
    const text = col.overrides!.get(rows[k])!;
    if (text === '') {
      codes[k] = -1;
      continue;
    }
    let c = codeOf.get(text);
    if (c === undefined) {
      c = col.dict.indexOf(text);
      if (c < 0) c = dict.push(text) - 1;
      codeOf.set(text, c);
    }
    codes[k] = c;
  }
  return { codes, dict };
}

/** Cell text of a raw table by column name (slow path; small tables and flagged rows only). */
export function rawText(raw: Table, name: string, row: number): string {
  const i = columnIndex(raw.schema, name);
  return cellText(raw.columns[i], raw.schema.columns[i].type, row);
}

/** Typed numeric value of a raw cell, honouring an override. */
export function rawNumber(raw: Table, name: string, row: number): number {
  const i = columnIndex(raw.schema, name);
  const col = raw.columns[i];
  const o = col.overrides?.get(row);
  if (o !== undefined) return col.kind === 'id' ? parseId(col.prefix, o) : col.kind === 'code' ? col.dict.indexOf(o) : parseTyped(raw.schema.columns[i].type, o);
  if (col.kind === 'number') return col.values[row];
  if (col.kind === 'id') return col.nums[row];
  if (col.kind === 'code') return col.codes[row];
  if (col.kind === 'view') throw new Error(`${raw.schema.name}.${name}: read views through their base table`);
  throw new Error(`${raw.schema.name}.${name} is not numeric`);
}

/** Rows without a quarantine reason, in file order. */
export function acceptedRows(reasons: Uint8Array): Int32Array {
  let n = 0;
  for (let r = 0; r < reasons.length; r++) if (reasons[r] === 0) n++;
  const rows = new Int32Array(n);
  for (let r = 0, k = 0; r < reasons.length; r++) if (reasons[r] === 0) rows[k++] = r;
  return rows;
}
