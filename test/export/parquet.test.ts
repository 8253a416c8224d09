// Parquet downloads read back by an independent engine (DuckDB): every table of the run tree, its
// column types from the schema, and every value equal to the CSV file's, both ways (EXCEPT ALL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableToCsv } from '../../src/io/csv-writer';
import { isLandingColumn, parquetFiles, parquetPath, tableToParquet } from '../../src/io/parquet';
import { resolveParams } from '../../src/pipeline/params';
import { runPipeline } from '../../src/pipeline/run';
import type { Column, ColumnDef, ColumnType, Layer, Table } from '../../src/pipeline/table';
import { code, lazy, makeTable, num, text, view } from '../../src/pipeline/table';
import { parseIsoUtc } from '../../src/pipeline/time';

const dir = mkdtempSync(join(tmpdir(), 'c360-parquet-'));
let instance: DuckDBInstance;
let con: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  con = await instance.connect();
});

afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function rows(sql: string): Promise<unknown[][]> {
  return (await con.runAndReadAll(sql)).getRowsJS() as unknown[][];
}

/** The DuckDB type each contract type reads back as (landing columns are VARCHAR). */
const DUCKDB_TYPE: Record<ColumnType, string> = {
  string: 'VARCHAR',
  enum: 'VARCHAR',
  integer: 'BIGINT',
  money: 'DECIMAL(12,2)',
  decimal4: 'DECIMAL(18,4)',
  decimal2: 'DECIMAL(12,2)',
  timestamp: 'TIMESTAMP WITH TIME ZONE',
  boolean: 'BOOLEAN',
};

/** A Parquet value as the contract writes it in CSV (timestamps `YYYY-MM-DDTHH:MM:SS[.mmm]Z`). */
function asContractText(name: string, duckType: string): string {
  const c = ident(name);
  if (duckType === 'VARCHAR') return c;
  if (duckType.startsWith('TIMESTAMP')) {
    const utc = `epoch_ms(epoch_ms(${c}))`;
    return `CASE WHEN epoch_ms(${c}) % 1000 = 0 THEN strftime(${utc}, '%Y-%m-%dT%H:%M:%SZ') ` +
      `ELSE strftime(${utc}, '%Y-%m-%dT%H:%M:%S.%gZ') END AS ${c}`;
  }
  return `${c}::VARCHAR AS ${c}`;
}

/** A CSV text field without the writer's formula-neutralising `'` (the contract's reader rule). */
function unneutralised(name: string): string {
  const c = ident(name);
  const rest = `substr(${c}, 2)`;
  const formula = `(regexp_matches(${rest}, '^[=@\\t\\r\\n]') OR ` +
    `(regexp_matches(${rest}, '^[+-]') AND NOT regexp_full_match(${rest}, '[+-][0-9 ().\\-/]*')))`;
  return `CASE WHEN starts_with(${c}, '''') AND ${formula} THEN ${rest} ELSE ${c} END AS ${c}`;
}

function writeBoth(folder: string, csvPath: string, table: Table): { csv: string; parquet: string } {
  const csv = join(dir, folder, csvPath);
  const parquet = join(dir, folder, parquetPath(csvPath));
  for (const p of [csv, parquet]) mkdirSync(dirname(p), { recursive: true });
  writeFileSync(csv, tableToCsv(table));
  writeFileSync(parquet, tableToParquet(table));
  return { csv, parquet };
}

async function describeTypes(parquet: string): Promise<[string, string][]> {
  return (await rows(`DESCRIBE SELECT * FROM read_parquet(${sqlString(parquet)})`)).map((r) => [String(r[0]), String(r[1])]);
}

/** Rows of each file missing from the other (as multisets), and both row counts. */
async function compareWithCsv(table: Table, csv: string, parquet: string) {
  const defs = table.schema.columns;
  const types = await describeTypes(parquet);
  const columns = `{${defs.map((d) => `${sqlString(d.name)}: 'VARCHAR'`).join(', ')}}`;
  const csvRel = `(SELECT ${defs.map((d) => (d.type === 'string' || d.type === 'enum' ? unneutralised(d.name) : ident(d.name))).join(', ')} ` +
    `FROM read_csv(${sqlString(csv)}, header = true, auto_detect = false, columns = ${columns}, delim = ',', quote = '"', ` +
    `escape = '"', nullstr = ''))`;
  const pqRel = `(SELECT ${types.map(([n, t]) => asContractText(n, t)).join(', ')} FROM read_parquet(${sqlString(parquet)}))`;
  const [[csvRows]] = await rows(`SELECT count(*)::INTEGER FROM ${csvRel}`);
  const [[pqRows]] = await rows(`SELECT count(*)::INTEGER FROM ${pqRel}`);
  const onlyInParquet = await rows(`SELECT * FROM (${pqRel} EXCEPT ALL ${csvRel}) LIMIT 3`);
  const onlyInCsv = await rows(`SELECT * FROM (${csvRel} EXCEPT ALL ${pqRel}) LIMIT 3`);
  return { csvRows, pqRows, onlyInParquet, onlyInCsv };
}

/** Raw tables, and bronze's copies of raw columns (not its `_` metadata), keep the source's text. */
const landing = (table: Table, i: number) =>
  table.schema.layer === 'raw' || (table.schema.layer === 'bronze' && !table.schema.columns[i].name.startsWith('_'));
const expectedType = (table: Table, i: number) => (landing(table, i) ? 'VARCHAR' : DUCKDB_TYPE[table.schema.columns[i].type]);

/** Raw overrides in columns whose schema type is not text: the malformed values of the run. */
function malformedTypedCells(table: Table): number {
  let n = 0;
  table.columns.forEach((c, i) => {
    const t = table.schema.columns[i].type;
    if (t !== 'string' && t !== 'enum') n += c.overrides?.size ?? 0;
  });
  return n;
}

/** One table of a run: DuckDB's types are the schema's, and its values are the CSV file's, both ways. */
async function checkTable({ folder, path, table }: { folder: string; path: string; table: Table }): Promise<void> {
  const { csv, parquet } = writeBoth(folder, path, table);
  const types = await describeTypes(parquet);
  expect(types).toEqual(table.schema.columns.map((d, i) => [d.name, expectedType(table, i)]));
  const result = await compareWithCsv(table, csv, parquet);
  expect(result).toEqual({ csvRows: table.rowCount, pqRows: table.rowCount, onlyInParquet: [], onlyInCsv: [] });
}

describe('Parquet export of a generated run (seed 21, 1,000 customers, issues on)', () => {
  const run = runPipeline(resolveParams({ seed: 21, customers: 1000, issues: true }));
  const tables = [...run.tables];

  it('has one Parquet file per table of the run tree, at export/parquet/<layer>/<table>.parquet', () => {
    const files = parquetFiles(run);
    expect(files.map((f) => f.path)).toEqual(tables.map(([, t]) => `export/parquet/${t.schema.layer}/${t.schema.name}.parquet`));
    expect(files.every((f) => f.rows === undefined)).toBe(true);
    const layers = new Set(tables.map(([, t]) => t.schema.layer));
    expect([...layers].sort()).toEqual(['bronze', 'gold', 'raw', 'reports', 'silver', 'truth']);
    expect(tables.length).toBe(28);
  });

  it('keeps landing metadata apart from raw columns by name: no raw column starts with `_`', () => {
    for (const [, t] of tables) {
      if (t.schema.layer === 'raw') expect(t.schema.columns.some((c) => c.name.startsWith('_'))).toBe(false);
      t.schema.columns.forEach((_, i) => expect(isLandingColumn(t.schema, i)).toBe(landing(t, i)));
    }
  });

  it('has formula text and malformed values (so the apostrophe and landing rules are exercised)', () => {
    expect(run.sources.injected.formula_text).toBeGreaterThan(0);
    expect(run.sources.injected.unparseable_amount).toBeGreaterThan(0);
    const neutralised = tables.filter(([, t]) => /(^|\n|,)'[=@+\-\t]/.test(new TextDecoder().decode(tableToCsv(t))));
    expect(neutralised.length).toBeGreaterThan(0);
    const malformed = tables.filter(([, t]) => t.schema.layer === 'raw').reduce((s, [, t]) => s + malformedTypedCells(t), 0);
    expect(malformed).toBeGreaterThan(10);
  });

  it.each(tables.map(([path, table]) => ({ folder: 'issues-on', path, table })))(
    '$path: types from the schema, every value equal to the CSV', checkTable);

  it('writes a sorted or filtered view: the given rows, in that order, as the CSV of that view', async () => {
    const path = 'bronze/orders_bronze.csv';
    const table = run.tables.get(path)!;
    const rowsWanted = Int32Array.from({ length: Math.floor(table.rowCount / 3) }, (_, i) => table.rowCount - 1 - 3 * i);
    const csv = join(dir, 'view.csv');
    const parquet = join(dir, 'view.parquet');
    writeFileSync(csv, tableToCsv(table, rowsWanted));
    writeFileSync(parquet, tableToParquet(table, rowsWanted));
    const result = await compareWithCsv(table, csv, parquet);
    expect(result).toEqual({ csvRows: rowsWanted.length, pqRows: rowsWanted.length, onlyInParquet: [], onlyInCsv: [] });
    const ids = await rows(`SELECT _bronze_row_id FROM read_parquet(${sqlString(parquet)}) LIMIT 2`);
    expect(ids.map((r) => Number(r[0]))).toEqual([rowsWanted[0] + 1, rowsWanted[1] + 1]);
  });

  it('dictionary-encodes enum and coded columns, and writes UTC millisecond timestamps', async () => {
    const path = 'silver/orders_current.csv';
    const { parquet } = writeBoth('issues-on', path, run.tables.get(path)!);
    const enc = new Map((await rows(
      `SELECT path_in_schema, string_agg(DISTINCT encodings, ',') FROM parquet_metadata(${sqlString(parquet)}) GROUP BY 1`,
    )).map((r) => [String(r[0]), String(r[1])]));
    for (const name of ['source_system', 'status', 'channel', 'currency']) expect(enc.get(name)).toContain('RLE_DICTIONARY');
    const schema = new Map((await rows(
      `SELECT name, logical_type FROM parquet_schema(${sqlString(parquet)})`,
    )).map((r) => [String(r[0]), String(r[1])]));
    expect(schema.get('order_ts')).toMatch(/isAdjustedToUTC=1.*MILLIS/);
    expect(schema.get('amount')).toMatch(/DecimalType\(scale=2, precision=12\)/);
  });
});

describe('Parquet export of a run without injected problems (seed 7, 300 customers, issues off)', () => {
  const run = runPipeline(resolveParams({ seed: 7, customers: 300, issues: false }));
  it('has an empty quarantine, written with its schema', () => expect(run.tables.get('silver/quarantine.csv')!.rowCount).toBe(0));
  it.each([...run.tables].map(([path, table]) => ({ folder: 'issues-off', path, table })))('$path: types and values as the CSV', checkTable);
});

// Table-driven edge cases on tiny inline tables.
const def = (name: string, type: ColumnType): ColumnDef => ({ name, type, description: name });
const tiny = (layer: Layer, defs: ColumnDef[], rowCount: number, columns: Column[]): Table =>
  makeTable({ name: `tiny_${layer}`, path: `${layer}/tiny_${layer}.csv`, layer, grain: 'test', description: 'test', columns: defs }, rowCount, columns);

async function readBack(table: Table): Promise<Record<string, string | null>[]> {
  const file = await writeTiny(table);
  const types = await describeTypes(file);
  const r = await rows(`SELECT ${types.map(([n, t]) => asContractText(n, t)).join(', ')} FROM read_parquet(${sqlString(file)})`);
  return r.map((row) => Object.fromEntries(types.map(([n], i) => [n, row[i] === null ? null : String(row[i])])));
}

describe('Parquet values on edge cases', () => {
  it('rounds as the CSV does (half away from zero), keeps nulls and drops no sign', async () => {
    const cases = [
      { name: 'money tie (fractional cents)', type: 'money' as const, stored: 1000.5, expected: '10.01' },
      { name: 'money negative tie', type: 'money' as const, stored: -0.5, expected: '-0.01' },
      { name: 'decimal2 float tie 10.005', type: 'decimal2' as const, stored: 2001 / 200, expected: '10.01' },
      { name: 'decimal4 tie', type: 'decimal4' as const, stored: 0.00005, expected: '0.0001' },
      { name: 'decimal4 negative tie', type: 'decimal4' as const, stored: -0.00005, expected: '-0.0001' },
      { name: 'decimal4 below half', type: 'decimal4' as const, stored: 1 / 3, expected: '0.3333' },
      { name: 'integer', type: 'integer' as const, stored: -42, expected: '-42' },
      { name: 'timestamp', type: 'timestamp' as const, stored: parseIsoUtc('2026-06-30T12:00:00Z'), expected: '2026-06-30T12:00:00Z' },
      { name: 'timestamp with millis', type: 'timestamp' as const, stored: parseIsoUtc('2026-06-30T12:00:00.250Z'), expected: '2026-06-30T12:00:00.250Z' },
      { name: 'boolean true', type: 'boolean' as const, stored: 1, expected: 'true' },
      { name: 'boolean false', type: 'boolean' as const, stored: 0, expected: 'false' },
    ];
    const table = tiny('gold', cases.map((c, i) => def(`c${i}`, c.type)), 2,
      cases.map((c) => num(Float64Array.from([c.stored, NaN]))));
    const [first, second] = await readBack(table);
    cases.forEach((c, i) => {
      expect({ case: c.name, value: first[`c${i}`] }).toEqual({ case: c.name, value: c.expected });
      expect({ case: c.name, value: second[`c${i}`] }).toEqual({ case: c.name, value: null });
    });
  });

  it('writes text without the formula-neutralising apostrophe, empty text as null', async () => {
    const values = ['=HYPERLINK("http://x","y")', '-2+3+cmd', '+90 532 111 22 33', '', null, "O'Brien", 'Çağrı Öztürk', 'a😀b', 'x\ud800y'];
    const table = tiny('silver', [def('name', 'string'), def('status', 'enum')], values.length,
      [text(values), code(Int32Array.from([0, 1, -1, 0, 1, 0, 0, 1, 1]), ['open', 'closed'])]);
    const back = await readBack(table);
    expect(back.map((r) => r.name)).toEqual([
      '=HYPERLINK("http://x","y")', '-2+3+cmd', '+90 532 111 22 33', null, null, "O'Brien", 'Çağrı Öztürk', 'a😀b', 'x\ufffdy',
    ]);
    expect(back.map((r) => r.status)).toEqual(['open', 'closed', null, 'open', 'closed', 'open', 'open', 'closed', 'closed']);
  });

  it('types lazy and view columns from their text and their base', async () => {
    const base = num(Float64Array.from([100, 250, NaN]));
    const table = tiny('bronze', [def('amount', 'money'), def('_ingested_at', 'timestamp'), def('_bronze_row_id', 'integer')], 2, [
      view(base, Int32Array.from([1, 2])),
      lazy((r) => (r === 0 ? '2026-06-30T11:59:00Z' : null)),
      num(Float64Array.from([1, 2])),
    ]);
    expect(await describeTypes(await writeTiny(table))).toEqual([
      ['amount', 'VARCHAR'], ['_ingested_at', 'TIMESTAMP WITH TIME ZONE'], ['_bronze_row_id', 'BIGINT'],
    ]);
    expect(await readBack(table)).toEqual([
      { amount: '2.50', _ingested_at: '2026-06-30T11:59:00Z', _bronze_row_id: '1' },
      { amount: null, _ingested_at: null, _bronze_row_id: '2' },
    ]);
  });

  it('keeps a malformed raw value as its text; refuses one that reached a typed layer', async () => {
    const amounts = () => {
      const c = num(Float64Array.from([1250, NaN]));
      c.overrides = new Map([[1, '12,50']]);
      return c;
    };
    const raw = tiny('raw', [def('amount', 'money')], 2, [amounts()]);
    expect(await readBack(raw)).toEqual([{ amount: '12.50' }, { amount: '12,50' }]);
    const silver = tiny('silver', [def('amount', 'money')], 2, [amounts()]);
    expect(() => tableToParquet(silver)).toThrow(/tiny_silver\.amount, row 1: "12,50" is not a money value/);
  });

  it('splits rows into row groups of 100,000, in order, through views, lazy text and repeated text', async () => {
    const n = 230_001;
    const ids = new Float64Array(n).map((_, i) => i);
    const names = Array.from({ length: n }, (_, i) => `n${n - 1 - i}`);
    const table = tiny('silver', [def('id', 'integer'), def('name', 'string'), def('tag', 'string'), def('seen_at', 'timestamp')], n, [
      num(ids),
      view(text(names), Int32Array.from({ length: n }, (_, i) => n - 1 - i)),
      lazy((r) => (r < 2000 ? 'early' : `tag${r}`)),
      lazy((r) => (r % 7 === 0 ? null : '2026-06-30T12:00:00Z')),
    ]);
    const file = await writeTiny(table);
    const pq = `read_parquet(${sqlString(file)}, file_row_number = true)`;
    expect(await rows(`SELECT count(DISTINCT row_group_id)::INTEGER FROM parquet_metadata(${sqlString(file)})`)).toEqual([[3]]);
    expect(await rows(`SELECT count(*)::INTEGER,
        count(*) FILTER (WHERE id = file_row_number AND name = 'n' || id
          AND tag = CASE WHEN id < 2000 THEN 'early' ELSE 'tag' || id END
          AND (seen_at IS NULL) = (id % 7 = 0))::INTEGER
      FROM ${pq}`)).toEqual([[n, n]]);
  });

  it('writes an empty table with its typed schema', async () => {
    const table = tiny('gold', [def('k', 'string'), def('n', 'integer'), def('at', 'timestamp')], 0,
      [text([]), num(new Float64Array(0)), num(new Float64Array(0))]);
    const file = await writeTiny(table);
    expect(await describeTypes(file)).toEqual([['k', 'VARCHAR'], ['n', 'BIGINT'], ['at', 'TIMESTAMP WITH TIME ZONE']]);
    expect(await rows(`SELECT count(*)::INTEGER FROM read_parquet(${sqlString(file)})`)).toEqual([[0]]);
  });

  it('gives byte-identical files for the same table', () => {
    const make = () => tiny('gold', [def('x', 'decimal4')], 3, [num(Float64Array.from([0.1, 0.2, NaN]))]);
    expect(tableToParquet(make())).toEqual(tableToParquet(make()));
  });
});

let tinyFiles = 0;
async function writeTiny(table: Table): Promise<string> {
  const file = join(dir, `tiny-${++tinyFiles}.parquet`);
  writeFileSync(file, tableToParquet(table));
  return file;
}
