// The Parquet type of every column, from the table schema. Landing columns (every raw column, and
// the raw columns bronze carries) are text: they hold what the source sent, malformed values too.
// Everything the pipeline produced is typed. See docs/decisions.md, "Parquet export".
import type { SchemaElement } from 'hyparquet-writer';
import type { ColumnDef, ColumnType, TableSchema } from '../../pipeline/table';

const STRING = { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } } as const;

export interface DecimalSpec {
  readonly precision: number;
  readonly scale: number;
}

/** Money is exact cents; rates and scores 4 decimals; hours 2. INT64 holds up to 18 digits. */
export const DECIMALS: Readonly<Partial<Record<ColumnType, DecimalSpec>>> = {
  money: { precision: 12, scale: 2 },
  decimal4: { precision: 18, scale: 4 },
  decimal2: { precision: 12, scale: 2 },
};

/**
 * A column that keeps the source's text: every column of a raw table, and in bronze every column
 * but the landing metadata (`_bronze_row_id`, `_ingested_at`, ...), whose names start with `_`.
 */
export function isLandingColumn(schema: TableSchema, index: number): boolean {
  if (schema.layer === 'raw') return true;
  return schema.layer === 'bronze' && !schema.columns[index].name.startsWith('_');
}

/** Parquet column type of `def`; `landing` columns are strings whatever their schema type. */
export function parquetElement(def: ColumnDef, landing: boolean): SchemaElement {
  const base = { name: def.name, repetition_type: 'OPTIONAL' } as const;
  if (landing) return { ...base, ...STRING };
  const decimal = DECIMALS[def.type];
  if (decimal) {
    return {
      ...base, type: 'INT64', converted_type: 'DECIMAL', precision: decimal.precision, scale: decimal.scale,
      logical_type: { type: 'DECIMAL', precision: decimal.precision, scale: decimal.scale },
    };
  }
  switch (def.type) {
    case 'string':
    case 'enum':
      return { ...base, ...STRING };
    case 'integer':
      return { ...base, type: 'INT64' };
    case 'timestamp':
      return {
        ...base, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
      };
    case 'boolean':
      return { ...base, type: 'BOOLEAN' };
    default:
      throw new Error(`no Parquet type for column type ${def.type}`);
  }
}
