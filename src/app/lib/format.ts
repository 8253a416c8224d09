// Cell text → display text. Cells arrive exactly as the CSV writes them; numbers are only regrouped
// (never re-rounded), and text that does not parse (a malformed raw value) is shown as it is.
import type { ColumnType } from '../../pipeline/table';

export const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set(['integer', 'money', 'decimal4', 'decimal2']);

export function isNumeric(type: ColumnType): boolean {
  return NUMERIC_TYPES.has(type);
}

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

/** Thousands separators on a plain decimal text, keeping its decimals exactly. */
export function groupDigits(text: string): string {
  if (!NUMBER_TEXT.test(text)) return text;
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  const [int, frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}

/** Identifiers that happen to be integers (lsn, row ids) read better without grouping. */
function isIdentifierName(name: string): boolean {
  return name === 'lsn' || name.endsWith('_id') || name.endsWith('row_id');
}

export function formatCell(text: string, type: ColumnType, name = ''): string {
  if (text === '') return '';
  if (!isNumeric(type)) return text;
  if (type === 'integer' && isIdentifierName(name)) return text;
  return groupDigits(text);
}

// One formatter for every count: `toLocaleString` builds a new Intl formatter per call, which was
// the Live view's biggest script cost when it redrew every frame.
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export function formatCount(n: number): string {
  return COUNT.format(n);
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatPercent(rate: number, digits = 1): string {
  return `${(rate * 100).toFixed(digits)}%`;
}

/** The file name of a table path: `gold/customer_360.csv` → `customer_360.csv`. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export const TYPE_LABELS: Record<ColumnType, string> = {
  string: 'text',
  enum: 'enum',
  integer: 'integer',
  money: 'money',
  decimal4: 'decimal(4)',
  decimal2: 'decimal(2)',
  timestamp: 'timestamp',
  boolean: 'boolean',
};
