// run.sql: the whole project as plain DuckDB statements, in build order, so `duckdb < run.sql`
// (from a folder holding raw/) rebuilds every silver and gold table and writes them under out/.
import type { RunParams } from '../../pipeline/params';
import { RAW_SCHEMAS } from '../../pipeline/schema/raw';
import { macroStatements, paramMacros } from './macros';
import { renderPlain } from './model';
import { allModels } from './models';
import { CONTRACT_TABLES, exportName } from './export-views';
import { readCsvCall } from './staging';

export interface RunDirs {
  /** Folder holding raw/<source>.csv. */
  readonly rawDir: string;
  /** Folder the silver/ and gold/ files are written to (its silver/ and gold/ folders must exist). */
  readonly outDir: string;
}

export const DEFAULT_DIRS: RunDirs = { rawDir: 'raw', outDir: 'out' };

/** The statements of run.sql, each without its `;`. */
export function runStatements(params: RunParams, dirs: RunDirs = DEFAULT_DIRS): string[] {
  return [
    ...macroStatements(paramMacros(params)),
    ...macroStatements(),
    ...RAW_SCHEMAS.map((s) => `CREATE OR REPLACE VIEW raw_${s.name} AS SELECT * FROM ${readCsvCall(`${dirs.rawDir}/${s.name}.csv`, s)}`),
    ...allModels().map((m) => `CREATE OR REPLACE ${m.materialized === 'view' ? 'VIEW' : 'TABLE'} ${m.name} AS\n${renderPlain(m.sql)}`),
  ];
}

/** COPY statements writing each contract file from its export view, in the file's row order. */
export function copyStatements(dirs: RunDirs = DEFAULT_DIRS): string[] {
  return CONTRACT_TABLES.map((t) =>
    `COPY (SELECT * EXCLUDE (_row) FROM ${exportName(t)} ORDER BY _row) TO '${dirs.outDir}/${t.schema.path}' (HEADER true, DELIMITER ',')`);
}

export function runSql(params: RunParams): string {
  const head = [
    '-- Customer 360 Lab: every silver and gold table from raw/*.csv, in plain DuckDB.',
    '-- Run from the folder that holds raw/:  mkdir -p out/silver out/gold && duckdb < run.sql',
    `-- Parameters (edit the c360_* macros at the top): seed ${params.seed} and ${params.customers} customers made the data;`,
    `-- now ${params.now}, link ${params.link.join(',') || 'none'}, placeholder_threshold ${params.placeholderThreshold} change the result.`,
    '',
  ].join('\n');
  return head + [...runStatements(params), ...copyStatements()].map((s) => s + ';\n').join('\n');
}
