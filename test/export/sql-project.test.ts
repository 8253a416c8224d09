// The SQL project rebuilds the lab's silver and gold files from its raw files: for each parameter
// set, the lab runs, its raw CSVs go to a temp folder, run.sql runs in an in-memory DuckDB and
// writes every contract file, and each must equal the lab's file byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { resolveParams, type RunParamsInput } from '../../src/pipeline/params';
import { runPipeline, type PipelineRun } from '../../src/pipeline/run';
import { RAW_SCHEMAS } from '../../src/pipeline/schema/raw';
import { tableToCsv } from '../../src/io/csv-writer';
import { CONTRACT_TABLES, copyStatements, runStatements, schemaTestQueries, sqlProjectFiles } from '../../src/export/sql';

const CASES: readonly { name: string; input: RunParamsInput }[] = [
  { name: 'seed 21, 1000 customers, defaults', input: { seed: 21, customers: 1000 } },
  { name: 'seed 7, 1500 customers, issues off', input: { seed: 7, customers: 1500, issues: false } },
  { name: 'seed 3, 1200 customers, link email+phone, placeholder threshold 3', input: { seed: 3, customers: 1200, link: ['email', 'phone'], placeholderThreshold: 3 } },
];

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'c360-sql-'));
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const decoder = new TextDecoder();

/** The first lines where two CSV texts differ, for the failure message. */
function firstDifferences(expected: string, actual: string, max = 3): string {
  const e = expected.split('\n'), a = actual.split('\n');
  const out: string[] = [`lab ${e.length - 1} lines, sql ${a.length - 1} lines`];
  for (let i = 0; i < Math.max(e.length, a.length) && out.length <= max; i++) {
    if (e[i] !== a[i]) out.push(`line ${i + 1}\n    lab: ${e[i] ?? '<none>'}\n    sql: ${a[i] ?? '<none>'}`);
  }
  return out.join('\n  ');
}

async function buildWithSql(run: PipelineRun, dir: string): Promise<{ con: DuckDBConnection; close: () => void }> {
  const rawDir = join(dir, 'raw'), outDir = join(dir, 'out');
  for (const d of [rawDir, join(outDir, 'silver'), join(outDir, 'gold')]) mkdirSync(d, { recursive: true });
  for (const s of RAW_SCHEMAS) writeFileSync(join(rawDir, `${s.name}.csv`), tableToCsv(run.tables.get(s.path)!));
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  for (const sql of [...runStatements(run.params, { rawDir, outDir }), ...copyStatements({ rawDir, outDir })]) {
    try {
      await con.run(sql);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nin statement:\n${sql.slice(0, 400)}`);
    }
  }
  return { con, close: () => { con.closeSync(); instance.closeSync(); } };
}

async function failingRows(con: DuckDBConnection, name: string): Promise<number> {
  const q = schemaTestQueries().find((t) => t.name === name);
  if (!q) throw new Error(`no schema test ${name}`);
  return (await con.runAndReadAll(q.sql)).currentRowCount;
}

async function expectPlantedDefectsCaught(con: DuckDBConnection): Promise<void> {
  await con.run('INSERT INTO customer_360 SELECT * FROM customer_360 ORDER BY customer_key LIMIT 1');
  expect(await failingRows(con, 'unique_customer_360_customer_key')).toBe(1);
  await con.run(`INSERT INTO activation_email SELECT customer_key, email FROM customer_360 WHERE NOT can_email AND email IS NOT NULL LIMIT 1`);
  expect(await failingRows(con, 'activation_consent_violations')).toBeGreaterThan(0);
}

describe('SQL project (DuckDB) rebuilds the lab', () => {
  it('turns every schema.yml test and singular test into SQL', () => {
    const names = schemaTestQueries().map((q) => q.name);
    for (const n of ['unique_customer_360_customer_key', 'not_null_customer_identity_customer_key', 'accepted_values_customer_360_segment',
      'activation_consent_violations', 'critical_null_rate', 'freshness_orders']) expect(names).toContain(n);
  });

  it('emits a dbt project tree with a model file per table', () => {
    const paths = sqlProjectFiles().map((f) => f.path);
    for (const p of ['export/sql/dbt_project.yml', 'export/sql/run.sql', 'export/sql/README.md', 'export/sql/models/schema.yml',
      'export/sql/models/staging/stg_customers.sql', 'export/sql/models/silver/customer_identity.sql', 'export/sql/models/gold/customer_360.sql']) {
      expect(paths).toContain(p);
    }
  });

  it.each(CASES)('$name: every silver and gold file equals the lab\'s, and the schema tests pass', async ({ name, input }) => {
    const run = runPipeline(resolveParams(input));
    const dir = join(root, name.replace(/[^a-z0-9]+/gi, '-'));
    const { con, close } = await buildWithSql(run, dir);
    try {
      const differing: string[] = [];
      for (const t of CONTRACT_TABLES) {
        const lab = decoder.decode(tableToCsv(run.tables.get(t.schema.path)!));
        const sql = readFileSync(join(dir, 'out', t.schema.path), 'utf8');
        if (sql !== lab) differing.push(`${t.schema.path}: ${firstDifferences(lab, sql)}`);
      }
      expect(differing, differing.join('\n')).toEqual([]);

      const failing: string[] = [];
      for (const q of schemaTestQueries()) {
        if (q.severity !== 'error') continue;
        const rows = (await con.runAndReadAll(q.sql)).getRowsJS();
        if (rows.length) failing.push(`${q.name}: ${rows.length} failing rows, first ${JSON.stringify(rows[0], (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);
      }
      expect(failing, failing.join('\n')).toEqual([]);

      // The tests are not vacuous: a duplicated profile is caught by unique, a wrong audience row by the consent test.
      if (input.seed === 21) await expectPlantedDefectsCaught(con);
    } finally {
      close();
    }
  });
});
