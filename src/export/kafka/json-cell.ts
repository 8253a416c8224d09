// One raw cell as a JSON value. The rule that makes a topic replayable: a value is typed only when
// its raw text is the canonical form of its type (so typing it back gives the same text); anything
// else, which is what a broken upstream system sends, travels as its raw text. Empty is null.
import type { Column, ColumnType, Table } from '../../pipeline/table';
import { columnIndex } from '../../pipeline/table';
import { cellText } from '../../io/cell-text';
import { formatIsoUtc, parseIsoUtc } from '../../pipeline/time';

export type JsonCell = string | number | boolean | null;

const INTEGER = /^-?\d+$/;

/**
 * Integers become JSON numbers, booleans JSON booleans. Money stays a decimal string (Debezium's
 * `decimal.handling.mode=string`: exact, unlike a double) and timestamps stay ISO 8601 UTC strings
 * (Debezium's `io.debezium.time.ZonedTimestamp`, what a `timestamptz` column becomes).
 */
export function jsonCell(type: ColumnType, text: string): JsonCell {
  if (text === '') return null;
  if (type === 'integer' && INTEGER.test(text) && String(Number(text)) === text) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The raw text a JSON cell came from: the inverse of jsonCell. */
export function cellTextOfJson(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`not a cell value: ${JSON.stringify(value)}`);
}

/** Epoch milliseconds for a canonical timestamp (Debezium's `ts_ms` fields); else the raw text, or null. */
export function epochMsOrText(text: string): number | string | null {
  if (text === '') return null;
  const ms = parseIsoUtc(text);
  return !Number.isNaN(ms) && formatIsoUtc(ms) === text ? ms : text;
}

/** The inverse of epochMsOrText. */
export function timestampTextOf(value: unknown): string {
  return typeof value === 'number' ? formatIsoUtc(value) : cellTextOfJson(value);
}

/** A reader of one column's raw text (overrides included) by row. */
export function cellReader(table: Table, name: string): (row: number) => string {
  const i = columnIndex(table.schema, name);
  const col: Column = table.columns[i];
  const type: ColumnType = table.schema.columns[i].type;
  return (row) => cellText(col, type, row);
}

/** Rows as objects of column → JSON cell, in the order of `names` (the event as the source sent it). */
export function recordReader(table: Table, names: readonly string[]): (row: number) => Record<string, JsonCell> {
  const cells = names.map((name) => ({ name, read: cellReader(table, name), type: table.schema.columns[columnIndex(table.schema, name)].type }));
  return (row) => {
    const out: Record<string, JsonCell> = {};
    for (const c of cells) out[c.name] = jsonCell(c.type, c.read(row));
    return out;
  };
}
