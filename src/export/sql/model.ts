// One dbt model of the SQL project: its SELECT (dbt style, with ref() and source()), the grain and
// what changes on other engines. The same text becomes models/<folder>/<name>.sql for dbt and one
// CREATE TABLE statement of run.sql for the plain DuckDB CLI, so the two can never drift apart.

export type ModelFolder = 'staging' | 'intermediate' | 'silver' | 'gold' | 'export';

export interface SqlModel {
  readonly name: string;
  readonly folder: ModelFolder;
  /** One sentence: what one row is. */
  readonly grain: string;
  /** What changes for Spark SQL (Databricks). */
  readonly spark: string;
  /** What changes for Flink SQL (streaming). */
  readonly flink: string;
  readonly materialized: 'table' | 'view';
  /** The SELECT, referring to other models as {{ ref('name') }} and to raw files as {{ source('raw', 'name') }}. */
  readonly sql: string;
}

const REF = /\{\{\s*ref\('([a-z0-9_]+)'\)\s*\}\}/g;
const SOURCE = /\{\{\s*source\('raw',\s*'([a-z_]+)'\)\s*\}\}/g;

/** The model's SELECT for plain DuckDB: refs become table names, sources the raw_<name> views. */
export function renderPlain(sql: string): string {
  return sql.replace(REF, (_, name: string) => name).replace(SOURCE, (_, name: string) => `raw_${name}`);
}

/** Models named in the SQL through ref(), in order of first use. */
export function refsOf(sql: string): string[] {
  return [...new Set([...sql.matchAll(REF)].map((m) => m[1]))];
}

/** `--` comment lines, wrapped at about 100 characters. */
export function commentBlock(title: string, text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = `-- ${title}:`;
  for (const w of words) {
    if (line.length + w.length + 1 > 100) {
      lines.push(line);
      line = '--   ' + w;
    } else line += ' ' + w;
  }
  lines.push(line);
  return lines.join('\n');
}

/** The header every model file starts with: grain, then the engine notes. */
export function modelHeader(m: SqlModel): string {
  return [
    `-- ${m.folder}/${m.name}. Grain: ${m.grain}`,
    commentBlock('Spark SQL (Databricks)', m.spark),
    commentBlock('Flink SQL (streaming)', m.flink),
  ].join('\n');
}

/** SQL string literal. */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
