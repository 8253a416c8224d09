// The one place a stored value becomes text: CSV files, table pages and downloads all use it, so
// what the UI shows is what the files hold.
import type { Column, ColumnType } from '../pipeline/table';
import { idText } from '../pipeline/table';
import { formatIsoUtc } from '../pipeline/time';
import { formatCents, formatDecimal } from '../pipeline/rounding';

export function formatNumber(type: ColumnType, v: number): string {
  if (Number.isNaN(v)) return '';
  switch (type) {
    case 'money': return formatCents(v);
    case 'decimal4': return formatDecimal(v, 4);
    case 'decimal2': return formatDecimal(v, 2);
    case 'timestamp': return formatIsoUtc(v);
    case 'boolean': return v ? 'true' : 'false';
    default: return String(v);
  }
}

/** Text of one cell, as written to CSV before quoting (empty string = null). */
export function cellText(col: Column, type: ColumnType, row: number): string {
  if (col.overrides !== undefined && col.overrides.size > 0) {
    const o = col.overrides.get(row);
    if (o !== undefined) return o;
  }
  switch (col.kind) {
    case 'text': return col.values[row] ?? '';
    case 'number': return formatNumber(type, col.values[row]);
    case 'code': {
      const c = col.codes[row];
      return c < 0 ? '' : col.dict[c];
    }
    case 'id': {
      const n = col.nums[row];
      return Number.isNaN(n) ? '' : idText(col.prefix, col.width, n);
    }
    case 'lazy': return col.get(row) ?? '';
    case 'view': return cellText(col.base, type, col.rows[row]);
  }
}
