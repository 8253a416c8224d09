// models/staging/stg_<source>.sql, one per raw file, generated from the raw schemas and the
// validation specs the pipeline itself runs (src/pipeline/silver/validate.ts): read every cell as
// text, keep the raw line, strip the writer's formula ', give each row the first quarantine reason
// in the contract's order, then type the columns. Grain: one row per raw row, in file order.
import type { ColumnDef, TableSchema } from '../../pipeline/table';
import { RAW_SCHEMAS } from '../../pipeline/schema/raw';
import { VALIDATION_SPECS, type ValidationSpec } from '../../pipeline/silver/validate';
import { lit, type SqlModel } from './model';

const isText = (c: ColumnDef) => c.type === 'string' || c.type === 'enum';

/** read_csv options that read exactly what the lab's writer wrote: every cell text, empty = NULL. */
export function readCsvCall(path: string, schema: TableSchema): string {
  const columns = schema.columns.map((c) => `${lit(c.name)}: 'VARCHAR'`).join(', ');
  return `read_csv(${lit(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `new_line = '\\n', nullstr = '', columns = {${columns}})`;
}

function typed(c: ColumnDef): string {
  switch (c.type) {
    case 'timestamp': return `c360_parse_ts(${c.name}) AS ${c.name}`;
    case 'integer': return `try_cast(${c.name} AS BIGINT) AS ${c.name}`;
    case 'money': return `try_cast(${c.name} AS DECIMAL(18, 2)) AS ${c.name}`;
    default: return c.name;
  }
}

interface Check {
  readonly column: string;
  readonly reason: string;
  readonly sql: string;
}

/** The spec's checks, each as a boolean that is true when the row fails it. */
function checksOf(schema: TableSchema, spec: ValidationSpec): Check[] {
  const values = (name: string) => schema.columns.find((c) => c.name === name)!.values ?? [];
  const inList = (vs: readonly string[]) => `(${vs.map(lit).join(', ')})`;
  return [
    ...spec.keys.map((k) => ({
      column: k, reason: 'missing_key',
      sql: spec.integerKeys?.includes(k) ? `(c360_is_blank(${k}) OR NOT regexp_full_match(${k}, '-?\\d+'))` : `c360_is_blank(${k})`,
    })),
    ...spec.enums.map((e) => ({ column: e, reason: 'unknown_enum', sql: `coalesce(${e} NOT IN ${inList(values(e))}, true)` })),
    ...(spec.optionalEnums ?? []).map((o) => ({ column: o.column, reason: 'unknown_enum', sql: `coalesce(${o.column} NOT IN ${inList(o.values)}, false)` })),
    ...spec.timestamps.map((t) => ({ column: t, reason: 'unparseable_timestamp', sql: `(${t} IS NOT NULL AND NOT c360_ts_valid(${t}))` })),
    ...(spec.amounts ?? []).map((a) => ({ column: a, reason: 'unparseable_amount', sql: `(${a} IS NOT NULL AND NOT regexp_full_match(${a}, '-?\\d+(\\.\\d{1,2})?'))` })),
    ...spec.timestamps.map((t) => ({ column: t, reason: 'future_timestamp', sql: `coalesce(c360_parse_ts(${t}) > c360_now(), false)` })),
  ];
}

const REASON_ORDER = ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'unparseable_amount', 'future_timestamp'];

function reasonCase(schema: TableSchema, spec: ValidationSpec): string {
  const del = spec.deleteOp;
  // CDC deletes are checked on their validated columns only.
  const guarded = (c: Check) => (del && !del.validated.includes(c.column) ? `(${del.column} IS DISTINCT FROM ${lit(del.value)} AND ${c.sql})` : c.sql);
  const checks = checksOf(schema, spec);
  const whens = REASON_ORDER.flatMap((reason) => {
    const of = checks.filter((c) => c.reason === reason);
    return of.length ? [`        WHEN ${of.map(guarded).join('\n          OR ')} THEN ${lit(reason)}`] : [];
  });
  return `CASE\n${whens.join('\n')}\n      END`;
}

function stagingSql(schema: TableSchema): string {
  const spec = VALIDATION_SPECS[schema.name];
  const cols = schema.columns;
  const record = `concat_ws(',', ${cols.map((c) => `c360_csv_field(${c.name})`).join(', ')})`;
  return `WITH source AS (
    -- file order is the bronze row id; the raw line is rebuilt as the writer quoted it
    SELECT row_number() OVER () AS _bronze_row_id, ${record} AS _record, *
    FROM {{ source('raw', '${schema.name}') }}
  ),
  unneutralised AS (
    SELECT _bronze_row_id, _record,
      ${cols.map((c) => (isText(c) ? `c360_unneutralise(${c.name}) AS ${c.name}` : c.name)).join(',\n      ')}
    FROM source
  ),
  validated AS (
    SELECT *,
      ${reasonCase(schema, spec)} AS _reason
    FROM unneutralised
  )
SELECT _bronze_row_id, _record, _reason,
  ${cols.map(typed).join(',\n  ')}
FROM validated`;
}

const SPARK = 'Read with read_files(path, format => \'csv\', header => true, schema => \'<every column> STRING\'); file order is not kept by Spark, so take _bronze_row_id from the bronze table (or Auto Loader\'s _metadata plus a row index) instead of row_number() OVER (). The c360_* macros become SQL UDFs (CREATE FUNCTION ... RETURNS STRING RETURN ...); regexp_full_match(v, re) is v RLIKE \'^re$\'; regexp_extract with a list of group names becomes one regexp_extract(v, re, n) per group; try_cast stays.';
const FLINK = 'A source table per topic (connector kafka or filesystem, format csv, every column STRING) with a computed event time, e.g. event_ts_parsed AS TO_TIMESTAMP(REPLACE(REPLACE(event_ts, \'T\', \' \'), \'Z\', \'\')), and WATERMARK FOR event_ts_parsed AS event_ts_parsed - INTERVAL \'1\' HOUR; _bronze_row_id is the Kafka offset METADATA VIRTUAL column. The reason CASE is the same; one STATEMENT SET inserts accepted rows into the silver topic and rows with a reason into the quarantine topic (a side output). The c360_* macros become ScalarFunction UDFs.';

export function stagingModels(): SqlModel[] {
  return RAW_SCHEMAS.map((schema) => ({
    name: `stg_${schema.name}`, folder: 'staging', materialized: 'table',
    grain: `one row per row of ${schema.path}, in file order (_bronze_row_id), with its raw line, its quarantine reason (NULL when accepted) and typed columns.`,
    spark: SPARK, flink: FLINK, sql: stagingSql(schema),
  }));
}
