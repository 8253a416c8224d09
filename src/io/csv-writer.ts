// The contract's CSV writer (RFC 4180, UTF-8 without BOM, `\n`, quoting only when needed, OWASP
// formula neutralising on text columns). One writer for the CLI, the worker and downloads.
import type { ColumnType, Table } from '../pipeline/table';
import { cellText } from './cell-text';

const NEEDS_QUOTES = /[",\r\n]/;
const SAFE_SIGNED = /^[+-][0-9 ().\-/]*$/;

/** Text columns a spreadsheet could run as a formula get a leading `'`; numeric columns never. */
export function neutraliseFormula(value: string): string {
  if (value === '') return value;
  const c = value.charCodeAt(0);
  // = @ \t \r \n
  if (c === 61 || c === 64 || c === 9 || c === 13 || c === 10) return "'" + value;
  if ((c === 43 || c === 45) && !SAFE_SIGNED.test(value)) return "'" + value;
  return value;
}

export function quoteField(value: string): string {
  return NEEDS_QUOTES.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
}

const isTextType = (t: ColumnType) => t === 'string' || t === 'enum';

export function csvField(value: string, type: ColumnType): string {
  return quoteField(isTextType(type) ? neutraliseFormula(value) : value);
}

/** One data line (no line end) of a table row: also the "raw line" bronze hashes and quarantine keeps. */
export function csvLine(table: Table, row: number): string {
  const cols = table.columns;
  const defs = table.schema.columns;
  let line = '';
  for (let c = 0; c < cols.length; c++) {
    if (c) line += ',';
    line += csvField(cellText(cols[c], defs[c].type, row), defs[c].type);
  }
  return line;
}

export function csvHeader(table: Table): string {
  return table.schema.columns.map((c) => quoteField(c.name)).join(',');
}

const CHUNK_ROWS = 4096;

/**
 * The whole table (or the given rows, in that order) as CSV bytes. Built in chunks so a large
 * table never becomes one giant string.
 */
export function tableToCsv(table: Table, rows?: ArrayLike<number>): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode(csvHeader(table) + '\n')];
  const n = rows ? rows.length : table.rowCount;
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const end = Math.min(n, start + CHUNK_ROWS);
    let chunk = '';
    for (let i = start; i < end; i++) chunk += csvLine(table, rows ? rows[i] : i) + '\n';
    parts.push(encoder.encode(chunk));
  }
  return concatBytes(parts);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
