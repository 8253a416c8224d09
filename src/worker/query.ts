// Filter, search and sort of one table, inside the worker: the UI only ever receives a page.
// Comparisons use the stored typed values (numbers, codes), never re-parsed text.
import type { Column, ColumnType, Table } from '../pipeline/table';
import { columnIndex } from '../pipeline/table';
import { cellText } from '../io/cell-text';
import { materialize, parseTyped } from '../pipeline/silver/columns';
import { stringIds } from '../pipeline/silver/string-ids';
import type { Filter, SortKey } from './api';

export interface View {
  readonly sort?: readonly SortKey[];
  readonly filters?: readonly Filter[];
  readonly search?: { readonly text: string; readonly columns: readonly string[] };
}

const NUMERIC: readonly ColumnType[] = ['integer', 'money', 'decimal4', 'decimal2', 'timestamp', 'boolean'];

/** A filter value as the column stores it: cents for money, ms for timestamps, 0/1 for booleans. */
function filterNumber(type: ColumnType, v: string | number): number {
  if (typeof v === 'number') return type === 'money' ? Math.round(v * 100) : v;
  if (type === 'boolean') return v === 'true' ? 1 : v === 'false' ? 0 : NaN;
  return parseTyped(type, v.trim());
}

function matcher(table: Table, f: Filter): (row: number) => boolean {
  const i = columnIndex(table.schema, f.column);
  const type = table.schema.columns[i].type;
  const col = materialize(table.columns[i], type);
  const textOf = (r: number) => cellText(col, type, r);
  if (col.kind === 'code' && !col.overrides?.size) {
    const byCode = codeMatcher(col, f);
    if (byCode) return byCode;
  }
  if (f.op === 'empty') return (r) => textOf(r) === '';
  if (f.op === 'notEmpty') return (r) => textOf(r) !== '';
  if (f.op === 'contains') {
    const needle = String(f.value ?? '').toLowerCase();
    return (r) => textOf(r).toLowerCase().includes(needle);
  }
  if (f.op === 'in') {
    const set = new Set((Array.isArray(f.value) ? f.value : [f.value]).map(String));
    if (col.kind === 'code' && !col.overrides?.size) {
      const ok = col.dict.map((d) => set.has(d));
      const emptyOk = set.has('');
      return (r) => (col.codes[r] < 0 ? emptyOk : ok[col.codes[r]]);
    }
    return (r) => set.has(textOf(r));
  }
  if (col.kind === 'number' && NUMERIC.includes(type)) {
    const v = filterNumber(type, f.value as string | number);
    if (Number.isNaN(v)) throw { name: 'QueryError', message: `"${f.value}" is not a valid ${type} for ${f.column}` };
    const vals = col.values;
    switch (f.op) {
      case 'eq': return (r) => vals[r] === v;
      case 'neq': return (r) => vals[r] !== v;
      case 'gt': return (r) => vals[r] > v;
      case 'gte': return (r) => vals[r] >= v;
      case 'lt': return (r) => vals[r] < v;
      case 'lte': return (r) => vals[r] <= v;
    }
  }
  if (col.kind === 'code' && !col.overrides?.size && (f.op === 'eq' || f.op === 'neq')) {
    const v = String(f.value ?? '');
    const want = v === '' ? -1 : col.dict.indexOf(v);
    const codes = col.codes;
    if (want === -1 && v !== '') return f.op === 'eq' ? () => false : () => true;
    return f.op === 'eq' ? (r) => codes[r] === want : (r) => codes[r] !== want;
  }
  const value = String(f.value ?? '');
  switch (f.op) {
    case 'eq': return (r) => textOf(r) === value;
    case 'neq': return (r) => textOf(r) !== value;
    case 'gt': return (r) => textOf(r) > value;
    case 'gte': return (r) => textOf(r) >= value;
    case 'lt': return (r) => textOf(r) < value;
    case 'lte': return (r) => textOf(r) <= value;
    default: throw { name: 'QueryError', message: `unknown filter operator ${String(f.op)}` };
  }
}

/**
 * Text tests on a dictionary column, decided once per distinct value (a customer-id column has
 * hundreds of thousands of rows but each id's text is tested once).
 */
function codeMatcher(col: Extract<Column, { kind: 'code' }>, f: Filter): ((row: number) => boolean) | null {
  const codes = col.codes;
  if (f.op === 'empty') return (r) => codes[r] < 0;
  if (f.op === 'notEmpty') return (r) => codes[r] >= 0;
  if (f.op !== 'contains') return null;
  const needle = String(f.value ?? '').toLowerCase();
  const ok = new Uint8Array(col.dict.length);
  for (let k = 0; k < ok.length; k++) ok[k] = col.dict[k].toLowerCase().includes(needle) ? 1 : 0;
  const emptyOk = needle === '';
  return (r) => (codes[r] < 0 ? emptyOk : ok[codes[r]] === 1);
}

function filterRows(table: Table, view: View): Int32Array | null {
  const tests = (view.filters ?? []).map((f) => matcher(table, f));
  const search = view.search && view.search.text.trim() !== '' ? view.search : null;
  if (!tests.length && !search) return null;
  const searchCols = search ? search.columns.map((c) => columnIndex(table.schema, c)) : [];
  const needle = search ? search.text.trim().toLowerCase() : '';
  const out = new Int32Array(table.rowCount);
  let n = 0;
  rows: for (let r = 0; r < table.rowCount; r++) {
    for (const t of tests) if (!t(r)) continue rows;
    if (search) {
      let hit = false;
      for (const c of searchCols) {
        if (cellText(table.columns[c], table.schema.columns[c].type, r).toLowerCase().includes(needle)) {
          hit = true;
          break;
        }
      }
      if (!hit) continue;
    }
    out[n++] = r;
  }
  return out.slice(0, n);
}

/** A sort key per row: numbers for numeric storage, ranks for codes, text otherwise. Empty sorts last. */
function sortKeyOf(table: Table, name: string): { num?: Float64Array; text?: (string | null)[] } {
  const i = columnIndex(table.schema, name);
  const type = table.schema.columns[i].type;
  const col: Column = materialize(table.columns[i], type);
  if (col.kind === 'number' && !col.overrides?.size) return { num: col.values };
  if (col.kind === 'id' && !col.overrides?.size) return { num: col.nums };
  if (col.kind === 'code' && !col.overrides?.size) {
    const order = Int32Array.from(col.dict.keys());
    sortRange(col.dict, order, 0, 0);
    const rank = new Float64Array(col.dict.length);
    for (let r = 0; r < order.length; r++) rank[order[r]] = r;
    const keys = new Float64Array(table.rowCount);
    for (let r = 0; r < table.rowCount; r++) keys[r] = col.codes[r] < 0 ? NaN : rank[col.codes[r]];
    return { num: keys };
  }
  const text: (string | null)[] = new Array(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    const t = cellText(col, type, r);
    text[r] = t === '' ? null : t;
  }
  return { text };
}

/**
 * One text key, as a most-significant-first radix sort: rows are ordered by a few chars at a time
 * packed with their position into one double (a native numeric sort), and only runs that still tie
 * go one level deeper. Same order as the comparator sort (string order, ties by row, empty last),
 * several times faster on 250,000 names.
 */
function sortByText(text: (string | null)[], rows: Int32Array, desc: boolean): Int32Array {
  return mostlyDistinct(text, rows) ? sortDistinctText(text, rows, desc) : sortRepeatedText(text, rows, desc);
}

/** The first rows decide: keys, emails and ids are distinct; names, cities and enums repeat. */
function mostlyDistinct(text: (string | null)[], rows: Int32Array): boolean {
  const probe = Math.min(rows.length, 20_000);
  const seen = new Set<string | null>();
  for (let i = 0; i < probe; i++) seen.add(text[rows[i]]);
  return seen.size > probe * 0.6;
}

/** Distinct strings: the radix sort straight on the rows' strings. */
function sortDistinctText(text: (string | null)[], rows: Int32Array, desc: boolean): Int32Array {
  const present: number[] = [], empty: number[] = [];
  for (let i = 0; i < rows.length; i++) (text[rows[i]] === null ? empty : present).push(rows[i]);
  const strings = present.map((r) => text[r]!);
  const order = Int32Array.from(strings.keys());
  sortRange(strings, order, 0, 0);
  const m = present.length;
  const out = new Int32Array(rows.length);
  if (!desc) {
    for (let i = 0; i < m; i++) out[i] = present[order[i]];
  } else {
    // Descending by string, ties still by row ascending: walk runs of equal strings from the end.
    let w = 0;
    for (let end = m; end > 0; ) {
      let start = end - 1;
      while (start > 0 && strings[order[start - 1]] === strings[order[end - 1]]) start--;
      for (let i = start; i < end; i++) out[w++] = present[order[i]];
      end = start;
    }
  }
  for (let i = 0; i < empty.length; i++) out[m + i] = empty[i];
  return out;
}

function sortRepeatedText(text: (string | null)[], rows: Int32Array, desc: boolean): Int32Array {
  // Group rows by distinct value (names and cities repeat a lot), sort the distinct values once.
  const ids = stringIds(rows.length);
  const groupOfRow = new Int32Array(rows.length);
  let empties = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = text[rows[i]];
    if (v === null) empties++;
    groupOfRow[i] = v === null ? -1 : ids.add(v);
  }
  const values = ids.values;
  const order = Int32Array.from(values.keys());
  sortRange(values, order, 0, 0);
  // Counting sort of rows by the rank of their value; rows keep their (ascending) order within a value.
  const d = values.length;
  const rank = new Int32Array(d);
  for (let k = 0; k < d; k++) rank[order[k]] = desc ? d - 1 - k : k;
  const start = new Int32Array(d + 1);
  for (let i = 0; i < rows.length; i++) if (groupOfRow[i] >= 0) start[rank[groupOfRow[i]] + 1]++;
  for (let k = 0; k < d; k++) start[k + 1] += start[k];
  const out = new Int32Array(rows.length);
  let tail = rows.length - empties;
  for (let i = 0; i < rows.length; i++) {
    const g = groupOfRow[i];
    if (g < 0) out[tail++] = rows[i];
    else out[start[rank[g]]++] = rows[i];
  }
  return out;
}

const SMALL_RUN = 24;
const MAX_DEPTH = 8;

/** Sorts `order` (indices into `strings`, ascending within ties) by the chars from `offset` on. */
function sortRange(strings: readonly string[], order: Int32Array, offset: number, depth: number): void {
  const m = order.length;
  if (m < 2) return;
  const byString = (a: number, b: number) => {
    const x = strings[a], y = strings[b];
    return x < y ? -1 : x > y ? 1 : a - b;
  };
  const first = strings[order[0]];
  let identical = true;
  for (let i = 1; i < m && identical; i++) identical = strings[order[i]] === first;
  if (identical) {
    // Indices follow row order, so a plain numeric sort is the tie order.
    order.sort();
    return;
  }
  if (m <= SMALL_RUN || depth >= MAX_DEPTH) {
    order.sort(byString);
    return;
  }
  const posBits = Math.max(1, Math.ceil(Math.log2(m)));
  const chars = Math.floor((52 - posBits) / 8);
  const posSpan = 2 ** posBits;
  const keys = new Float64Array(m);
  let anyClamped = false;
  for (let i = 0; i < m; i++) {
    const s = strings[order[i]];
    let prefix = 0;
    // A missing char (shorter string) sorts first. A char beyond Latin-1 becomes 255 and ends the
    // key (the rest is 0), so strings that differ only after it are compared in full.
    let clamped = false;
    for (let c = 0; c < chars; c++) {
      let code = 0;
      const at = offset + c;
      if (!clamped && at < s.length) {
        code = s.charCodeAt(at) + 1;
        if (code >= 255) {
          code = 255;
          clamped = anyClamped = true;
        }
      }
      prefix = prefix * 256 + code;
    }
    keys[i] = prefix * posSpan + i;
  }
  keys.sort();
  const sorted = new Int32Array(m);
  for (let i = 0; i < m; i++) sorted[i] = order[keys[i] % posSpan];
  for (let start = 0; start < m; ) {
    const prefix = Math.floor(keys[start] / posSpan);
    let end = start + 1;
    while (end < m && Math.floor(keys[end] / posSpan) === prefix) end++;
    if (end - start > 1) {
      const run = sorted.subarray(start, end);
      // Every string of the run ended inside the key: they are equal; keep row order.
      const allEnded = prefix % 256 === 0 && !anyClamped;
      if (!allEnded) {
        if (anyClamped) run.sort(byString);
        else sortRange(strings, run, offset + chars, depth + 1);
      }
    }
    start = end;
  }
  order.set(sorted);
}

/** One numeric key: empty values set aside (they go last), then a two-number comparator (ties by row). */
function sortByNumber(values: Float64Array, rows: Int32Array, desc: boolean): Int32Array {
  const present = new Int32Array(rows.length);
  const empty: number[] = [];
  let m = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (Number.isNaN(values[r])) empty.push(r);
    else present[m++] = r;
  }
  const sorted = present.subarray(0, m);
  if (desc) sorted.sort((a, b) => values[b] - values[a] || a - b);
  else sorted.sort((a, b) => values[a] - values[b] || a - b);
  const out = new Int32Array(rows.length);
  out.set(sorted);
  for (let i = 0; i < empty.length; i++) out[m + i] = empty[i];
  return out;
}

function sortRows(table: Table, rows: Int32Array, sort: readonly SortKey[]): Int32Array {
  const keys = sort.map((s) => ({ ...sortKeyOf(table, s.column), dir: s.desc ? -1 : 1 }));
  if (keys.length === 1 && keys[0].text) return sortByText(keys[0].text, rows, keys[0].dir < 0);
  if (keys.length === 1 && keys[0].num) return sortByNumber(keys[0].num, rows, keys[0].dir < 0);
  const out = rows.slice();
  out.sort((a, b) => {
    for (const k of keys) {
      let c = 0;
      if (k.num) {
        const x = k.num[a], y = k.num[b];
        const xn = Number.isNaN(x), yn = Number.isNaN(y);
        if (xn || yn) c = xn === yn ? 0 : xn ? 1 : -1;
        else c = x < y ? -k.dir : x > y ? k.dir : 0;
        if ((xn || yn) && c !== 0) return c; // empty last in both directions
      } else {
        const x = k.text![a], y = k.text![b];
        if (x === null || y === null) {
          if (x !== y) return x === null ? 1 : -1;
        } else c = x < y ? -k.dir : x > y ? k.dir : 0;
      }
      if (c !== 0) return c;
    }
    return a - b;
  });
  return out;
}

/** Row indices of the view, in order; cached by the caller per (table, view). */
export function viewRows(table: Table, view: View): Int32Array {
  const filtered = filterRows(table, view);
  const base = filtered ?? Int32Array.from({ length: table.rowCount }, (_, i) => i);
  return view.sort && view.sort.length ? sortRows(table, base, view.sort) : base;
}

export function rowTexts(table: Table, rows: ArrayLike<number>, from: number, to: number): string[][] {
  const out: string[][] = [];
  const types = table.schema.columns.map((c) => c.type);
  for (let i = from; i < to; i++) {
    const r = rows[i];
    out.push(table.columns.map((c, ci) => cellText(c, types[ci], r)));
  }
  return out;
}
