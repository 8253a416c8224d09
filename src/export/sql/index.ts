// The SQL project (issue 11): a dbt-style DuckDB project that rebuilds every silver and gold table
// from the raw CSV files. Plain TypeScript strings, so the CLI and the browser worker both emit it.
import { DEFAULT_PARAMS, type RunParams } from '../../pipeline/params';
import type { RunFile } from '../../io/run-files';
import { allModels } from './models';
import { modelHeader, renderPlain } from './model';
import { runSql } from './run-script';
import { dbtProjectYml, macrosFile, schemaYml, singularTestFiles, sourcesYml } from './dbt-files';
import { CONTRACT_TABLES } from './export-views';
import { genericTests, genericTestSql, SINGULAR_TESTS } from './schema-tests';
import { projectReadme } from './readme';

export { CONTRACT_TABLES } from './export-views';
export { copyStatements, runStatements, type RunDirs } from './run-script';

const ROOT = 'export/sql';

function textFile(path: string, text: string): RunFile {
  return { path: `${ROOT}/${path}`, bytes: () => new TextEncoder().encode(text) };
}

/** The project tree under export/sql/, for a run's parameters (the defaults of its vars and run.sql). */
export function sqlProjectFiles(params: RunParams = DEFAULT_PARAMS): RunFile[] {
  return [
    textFile('README.md', projectReadme(params)),
    textFile('dbt_project.yml', dbtProjectYml(params)),
    textFile('run.sql', runSql(params)),
    textFile('macros/c360_macros.sql', macrosFile()),
    textFile('models/sources.yml', sourcesYml()),
    textFile('models/schema.yml', schemaYml()),
    ...allModels().map((m) => textFile(`models/${m.folder}/${m.name}.sql`, `${modelHeader(m)}\n${m.sql}\n`)),
    ...singularTestFiles().map((t) => textFile(`tests/${t.name}`, t.text)),
  ];
}

export interface SchemaTestQuery {
  readonly name: string;
  readonly severity: 'error' | 'warn';
  /** Plain DuckDB SQL returning the failing rows. */
  readonly sql: string;
}

/** Every dbt test of the project (schema.yml's generic tests and tests/*.sql) as plain SQL. */
export function schemaTestQueries(): SchemaTestQuery[] {
  const generic = CONTRACT_TABLES.flatMap((t) => t.schema.columns.flatMap((c) => genericTests(t.model, c).map((g) => ({
    name: `${g.kind}_${t.model}_${c.name}`, severity: 'error' as const, sql: genericTestSql(t.model, c.name, g),
  }))));
  return [...generic, ...SINGULAR_TESTS.map((t) => ({ name: t.name, severity: t.severity, sql: renderPlain(t.sql) }))];
}
