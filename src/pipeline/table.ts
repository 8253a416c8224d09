// Columnar tables: the pipeline's one data shape. Hot loops read typed arrays; text is made only
// when a file is written or a page is shown (see src/io/csv-writer.ts and cell-text.ts).

export type ColumnType =
  | 'string' // free text; the CSV writer neutralises spreadsheet formulas in these
  | 'enum' // one of a fixed set of values
  | 'integer'
  | 'money' // stored as (possibly fractional) cents, written with exactly 2 decimals
  | 'decimal4' // rates, scores and averages, written with exactly 4 decimals
  | 'decimal2' // hours and other non-money values written with 2 decimals
  | 'timestamp' // stored as epoch milliseconds, written as YYYY-MM-DDTHH:MM:SSZ
  | 'boolean'; // stored as 0/1

export type Layer = 'raw' | 'bronze' | 'silver' | 'gold' | 'reports' | 'truth';

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  /** Allowed values of an enum column, in a stable order. */
  readonly values?: readonly string[];
}

export interface TableSchema {
  /** Table name, e.g. `customer_360`. */
  readonly name: string;
  /** Path in the run tree, e.g. `gold/customer_360.csv`. */
  readonly path: string;
  readonly layer: Layer;
  /** One sentence: what one row is. */
  readonly grain: string;
  readonly description: string;
  readonly columns: readonly ColumnDef[];
}

/**
 * Column storage. Empty (null) is `null` for text, NaN for numbers and ids, -1 for codes.
 * `overrides` holds raw text that differs from the typed value (only raw tables have it: the
 * malformed values the generator injects), keyed by row index.
 */
export type Column =
  | { readonly kind: 'text'; readonly values: (string | null)[]; overrides?: Map<number, string> }
  | { readonly kind: 'number'; readonly values: Float64Array; overrides?: Map<number, string> }
  | {
      readonly kind: 'code';
      readonly codes: Int32Array;
      readonly dict: readonly string[];
      overrides?: Map<number, string>;
    }
  | {
      readonly kind: 'id';
      readonly nums: Float64Array;
      readonly prefix: string;
      readonly width: number;
      overrides?: Map<number, string>;
    }
  | {
      /** Rows of another column, by index: silver tables show raw values without copying them. */
      readonly kind: 'view';
      readonly base: Exclude<Column, { kind: 'view' }>;
      readonly rows: Int32Array;
      overrides?: undefined;
    }
  | {
      /** Text computed on demand (bronze metadata, record hashes): nothing stored per row. */
      readonly kind: 'lazy';
      readonly get: (row: number) => string | null;
      overrides?: undefined;
    };

export interface Table {
  readonly schema: TableSchema;
  readonly rowCount: number;
  /** Aligned with `schema.columns`. */
  readonly columns: readonly Column[];
  /** Rows with at least one override (raw tables only): the slow path of validation. */
  readonly flagged?: Uint8Array;
}

export function columnIndex(schema: TableSchema, name: string): number {
  const i = schema.columns.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`table ${schema.name} has no column ${name}`);
  return i;
}

export function column(table: Table, name: string): Column {
  return table.columns[columnIndex(table.schema, name)];
}

export function textColumn(table: Table, name: string): (string | null)[] {
  const c = column(table, name);
  if (c.kind !== 'text') throw new Error(`${table.schema.name}.${name} is ${c.kind}, not text`);
  return c.values;
}

export function numberColumn(table: Table, name: string): Float64Array {
  const c = column(table, name);
  if (c.kind !== 'number') throw new Error(`${table.schema.name}.${name} is ${c.kind}, not number`);
  return c.values;
}

export function codeColumn(table: Table, name: string): Extract<Column, { kind: 'code' }> {
  const c = column(table, name);
  if (c.kind !== 'code') throw new Error(`${table.schema.name}.${name} is ${c.kind}, not code`);
  return c;
}

export function idColumn(table: Table, name: string): Extract<Column, { kind: 'id' }> {
  const c = column(table, name);
  if (c.kind !== 'id') throw new Error(`${table.schema.name}.${name} is ${c.kind}, not id`);
  return c;
}

export const text = (values: (string | null)[]): Column => ({ kind: 'text', values });
export const num = (values: Float64Array): Column => ({ kind: 'number', values });
export const code = (codes: Int32Array, dict: readonly string[]): Column => ({ kind: 'code', codes, dict });
/** `rows` of `base`, without copying (a view of a view points at the underlying column). */
export function view(base: Column, rows: Int32Array): Column {
  if (base.kind !== 'view') return { kind: 'view', base, rows };
  const composed = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) composed[i] = base.rows[rows[i]];
  return { kind: 'view', base: base.base, rows: composed };
}

export const lazy = (get: (row: number) => string | null): Column => ({ kind: 'lazy', get });
export const id = (nums: Float64Array, prefix: string, width: number): Column => ({ kind: 'id', nums, prefix, width });

/** Builds a table and checks that every column has the table's length. */
export function makeTable(schema: TableSchema, rowCount: number, columns: Column[], flagged?: Uint8Array): Table {
  if (columns.length !== schema.columns.length) {
    throw new Error(`${schema.name}: ${columns.length} columns given, schema has ${schema.columns.length}`);
  }
  columns.forEach((c, i) => {
    const n =
      c.kind === 'text' || c.kind === 'number' ? c.values.length
      : c.kind === 'code' ? c.codes.length
      : c.kind === 'id' ? c.nums.length
      : c.kind === 'view' ? c.rows.length
      : rowCount;
    if (n !== rowCount) throw new Error(`${schema.name}.${schema.columns[i].name}: ${n} values, expected ${rowCount}`);
  });
  return { schema, rowCount, columns, flagged };
}

/** Zero-padded id text, e.g. prefix `O` width 8 → `O00001234`. */
export function idText(prefix: string, width: number, n: number): string {
  const s = String(n);
  return s.length >= width ? prefix + s : prefix + '0'.repeat(width - s.length) + s;
}
