// The customer_360 order, click, ticket, campaign and consent columns computed by DuckDB (in
// memory) from the same silver event tables, as one SQL query; and a per-person comparison with
// our gold result. Loading goes through temporary CSV files and is not part of the query time.
import { mkdtempSync, openSync, closeSync, writeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { PipelineRun } from '../src/pipeline/run';
import type { Customer360 } from '../src/pipeline/gold/customer-360';
import { CONSENT_PURPOSES } from '../src/pipeline/schema/enums';
import { DAY } from '../src/pipeline/time';
import type { ColumnCheck, DuckdbFigures } from './pipeline-bench-result';

const QUERY_RUNS = 3;

interface CsvColumn {
  readonly name: string;
  /** DuckDB type read from the CSV. */
  readonly type: string;
  /** Cell text of row i; '' is NULL. */
  readonly cell: (i: number) => string;
}

const num = (a: Float64Array) => (i: number) => (Number.isNaN(a[i]) ? '' : String(a[i]));
const person = (a: Int32Array) => (i: number) => (a[i] < 0 ? '' : String(a[i]));
const codeText = (codes: Int32Array, dict: readonly string[]) => (i: number) => (codes[i] < 0 ? '' : dict[codes[i]]);

/** BIGINT when every value is a whole number (ids, epoch ms, cents), else DOUBLE. */
function numberType(a: Float64Array): string {
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]) && !Number.isInteger(a[i])) return 'DOUBLE';
  return 'BIGINT';
}

function writeCsv(path: string, rows: number, cols: readonly CsvColumn[]): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, cols.map((c) => c.name).join(',') + '\n');
    const CHUNK = 65_536;
    const lines: string[] = [];
    for (let start = 0; start < rows; start += CHUNK) {
      lines.length = 0;
      const end = Math.min(rows, start + CHUNK);
      for (let i = start; i < end; i++) {
        let line = cols[0].cell(i);
        for (let c = 1; c < cols.length; c++) line += ',' + cols[c].cell(i);
        lines.push(line);
      }
      writeSync(fd, lines.join('\n') + '\n');
    }
  } finally {
    closeSync(fd);
  }
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const enumType = (values: readonly string[]) => `ENUM (${values.map(sqlString).join(', ')})`;

/** One silver table into DuckDB: CSV → read_csv → enum text columns cast to ENUM types. */
async function loadTable(con: DuckDBConnection, dir: string, table: string, rows: number, cols: readonly CsvColumn[],
  enums: Record<string, readonly string[]> = {}): Promise<number> {
  const path = join(dir, `${table}.csv`);
  writeCsv(path, rows, cols);
  const columnTypes = cols.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
  const select = cols.map((c) => (enums[c.name] ? `${c.name}::${enumType(enums[c.name])} AS ${c.name}` : c.name)).join(', ');
  await con.run(
    `CREATE OR REPLACE TABLE ${table} AS SELECT ${select} FROM read_csv(${sqlString(path)}, header = true, ` +
      `columns = {${columnTypes}}, nullstr = '')`,
  );
  const loaded = Number((await con.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRowsJS()[0][0]);
  if (loaded !== rows) throw new Error(`DuckDB loaded ${loaded} rows into ${table}, expected ${rows}`);
  return loaded;
}

async function loadSilver(con: DuckDBConnection, run: PipelineRun, dir: string): Promise<Record<string, number>> {
  const { orders, clicks, tickets, campaigns, consent } = run.silver;
  const people = run.silver.identities.keys.length;
  await con.run(`CREATE OR REPLACE TABLE people AS SELECT range::INTEGER AS person FROM range(${people})`);
  const counted = (i: number) => (orders.counted[i] ? 'true' : 'false');
  return {
    people,
    orders_current: await loadTable(con, dir, 'orders_current', orders.person.length, [
      { name: 'person', type: 'INTEGER', cell: person(orders.person) },
      { name: 'order_ts', type: 'BIGINT', cell: num(orders.orderTs) },
      { name: 'amount_cents', type: numberType(orders.amountCents), cell: num(orders.amountCents) },
      { name: 'counted', type: 'BOOLEAN', cell: counted },
    ]),
    clickstream_clean: await loadTable(con, dir, 'clickstream_clean', clicks.person.length, [
      { name: 'person', type: 'INTEGER', cell: person(clicks.person) },
      { name: 'event_ts', type: 'BIGINT', cell: num(clicks.eventTs) },
      { name: 'session_id', type: 'BIGINT', cell: num(clicks.sessionId) },
      { name: 'event_type', type: 'VARCHAR', cell: codeText(clicks.eventType, clicks.eventTypeDict) },
    ], { event_type: clicks.eventTypeDict }),
    support_tickets_clean: await loadTable(con, dir, 'support_tickets_clean', tickets.person.length, [
      { name: 'person', type: 'INTEGER', cell: person(tickets.person) },
      { name: 'status', type: 'VARCHAR', cell: codeText(tickets.status, tickets.statusDict) },
      { name: 'csat', type: numberType(tickets.csat) === 'BIGINT' ? 'INTEGER' : 'DOUBLE', cell: num(tickets.csat) },
    ], { status: tickets.statusDict }),
    campaign_events_clean: await loadTable(con, dir, 'campaign_events_clean', campaigns.person.length, [
      { name: 'person', type: 'INTEGER', cell: person(campaigns.person) },
      { name: 'event_type', type: 'VARCHAR', cell: codeText(campaigns.eventType, campaigns.eventTypeDict) },
      { name: 'event_ts', type: 'BIGINT', cell: num(campaigns.eventTs) },
    ], { event_type: campaigns.eventTypeDict }),
    consent_events_clean: await loadTable(con, dir, 'consent_events_clean', consent.person.length, [
      { name: 'person', type: 'INTEGER', cell: person(consent.person) },
      { name: 'purpose', type: 'VARCHAR', cell: codeText(consent.purpose, consent.purposeDict) },
      { name: 'status', type: 'VARCHAR', cell: codeText(consent.status, consent.statusDict) },
      { name: 'event_ts', type: 'BIGINT', cell: num(consent.eventTs) },
      { name: 'event_id', type: 'BIGINT', cell: num(consent.eventId) },
    ], { purpose: consent.purposeDict, status: consent.statusDict }),
  };
}

/**
 * The contract's rules for these columns, over the silver tables: windows are
 * `now - N days < t <= now`; counted orders only; the latest consent per purpose by (event_ts, then
 * event_id), a missing event_ts first; no event is `unknown`.
 */
export function customer360Sql(nowMs: number): string {
  const in30 = (t: string) => `${t} > ${nowMs - 30 * DAY} AND ${t} <= ${nowMs}`;
  const in90 = (t: string) => `${t} > ${nowMs - 90 * DAY} AND ${t} <= ${nowMs}`;
  const latestKey = `{'ts': coalesce(event_ts, -9223372036854775807), 'id': event_id}`;
  const consentCols = CONSENT_PURPOSES.map(
    (p) => `arg_max_null(status, ${latestKey}) FILTER (WHERE purpose = '${p}') AS consent_${p}`,
  ).join(',\n      ');
  const consentOut = CONSENT_PURPOSES.map((p) => `coalesce(s.consent_${p}::VARCHAR, 'unknown') AS consent_${p}`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE duck_customer_360 AS
WITH
  order_facts AS (
    SELECT person,
      count(*) AS orders_count,
      sum(coalesce(amount_cents, 0)) AS lifetime_revenue,
      count(*) FILTER (WHERE ${in90('order_ts')}) AS orders_90d,
      sum(coalesce(amount_cents, 0)) FILTER (WHERE ${in90('order_ts')}) AS revenue_90d,
      min(order_ts) AS first_order_at,
      max(order_ts) AS last_order_at
    FROM orders_current
    WHERE person IS NOT NULL AND counted
    GROUP BY person),
  click_facts AS (
    SELECT person,
      count(*) FILTER (WHERE event_type = 'product_view' AND ${in30('event_ts')}) AS product_views_30d,
      count(*) FILTER (WHERE event_type = 'add_to_cart' AND ${in30('event_ts')}) AS add_to_cart_30d,
      count(DISTINCT session_id) FILTER (WHERE ${in30('event_ts')}) AS sessions_30d,
      max(event_ts) AS last_seen_at
    FROM clickstream_clean
    WHERE person IS NOT NULL
    GROUP BY person),
  ticket_facts AS (
    SELECT person,
      count(*) AS tickets_total,
      count(*) FILTER (WHERE status IN ('open', 'pending')) AS tickets_open,
      avg(csat) AS avg_csat
    FROM support_tickets_clean
    WHERE person IS NOT NULL
    GROUP BY person),
  campaign_facts AS (
    SELECT person,
      count(*) FILTER (WHERE event_type = 'sent') AS campaign_sent_90d,
      count(*) FILTER (WHERE event_type = 'opened') AS campaign_opened_90d,
      count(*) FILTER (WHERE event_type = 'clicked') AS campaign_clicked_90d
    FROM campaign_events_clean
    WHERE person IS NOT NULL AND ${in90('event_ts')}
    GROUP BY person),
  consent_facts AS (
    SELECT person,
      ${consentCols},
      max(event_ts) AS consent_updated_at
    FROM consent_events_clean
    WHERE person IS NOT NULL AND purpose IS NOT NULL
    GROUP BY person)
SELECT p.person,
  coalesce(o.orders_count, 0) AS orders_count, coalesce(o.lifetime_revenue, 0) AS lifetime_revenue,
  coalesce(o.orders_90d, 0) AS orders_90d, coalesce(o.revenue_90d, 0) AS revenue_90d,
  o.first_order_at, o.last_order_at,
  coalesce(c.product_views_30d, 0) AS product_views_30d, coalesce(c.add_to_cart_30d, 0) AS add_to_cart_30d,
  coalesce(c.sessions_30d, 0) AS sessions_30d, c.last_seen_at,
  coalesce(t.tickets_total, 0) AS tickets_total, coalesce(t.tickets_open, 0) AS tickets_open, t.avg_csat,
  coalesce(k.campaign_sent_90d, 0) AS campaign_sent_90d, coalesce(k.campaign_opened_90d, 0) AS campaign_opened_90d,
  coalesce(k.campaign_clicked_90d, 0) AS campaign_clicked_90d,
  ${consentOut}, s.consent_updated_at
FROM people p
  LEFT JOIN order_facts o USING (person)
  LEFT JOIN click_facts c USING (person)
  LEFT JOIN ticket_facts t USING (person)
  LEFT JOIN campaign_facts k USING (person)
  LEFT JOIN consent_facts s USING (person)`;
}

async function timeQuery(con: DuckDBConnection, sql: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await con.run(sql);
    out.push(performance.now() - start);
  }
  return out;
}

const CONSENT_STATE_TEXT = ['granted', 'withdrawn', 'unknown'];

/** Every compared column, ours (from the pipeline's gold result) beside DuckDB's, person by person. */
async function compare(con: DuckDBConnection, c360: Customer360): Promise<{ columns: ColumnCheck[]; rows: number }> {
  const acc = c360.acc;
  const numeric: [string, ArrayLike<number>][] = [
    ['orders_count', acc.ordersCount], ['lifetime_revenue', acc.revenueCents], ['orders_90d', acc.orders90d],
    ['revenue_90d', acc.revenue90dCents], ['first_order_at', acc.firstOrderAt], ['last_order_at', acc.lastOrderAt],
    ['product_views_30d', acc.productViews30d], ['add_to_cart_30d', acc.addToCart30d], ['sessions_30d', c360.sessions30d],
    ['last_seen_at', acc.lastSeenAt], ['tickets_total', acc.ticketsTotal], ['tickets_open', acc.ticketsOpen],
    ['avg_csat', c360.avgCsat], ['campaign_sent_90d', acc.campaignSent90d], ['campaign_opened_90d', acc.campaignOpened90d],
    ['campaign_clicked_90d', acc.campaignClicked90d], ['consent_updated_at', acc.consentUpdatedAt],
  ];
  const consentNames = CONSENT_PURPOSES.map((p) => `consent_${p}`);
  const select = [...numeric.map(([n]) => `${n}::DOUBLE AS ${n}`), ...consentNames].join(', ');
  const reader = await con.runAndReadAll(`SELECT ${select} FROM duck_customer_360 ORDER BY person`);
  const cols = reader.getColumnsJS();
  const rows = reader.currentRowCount;
  const people = acc.people;
  const checks: ColumnCheck[] = [];
  numeric.forEach(([name, ours], k) => {
    const duck = cols[k] as (number | null)[];
    let mismatches = 0;
    let example: ColumnCheck['example'];
    for (let p = 0; p < Math.min(people, rows); p++) {
      const a = ours[p], b = duck[p];
      const same = b === null ? Number.isNaN(a) : name === 'avg_csat' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;
      if (!same) {
        mismatches++;
        example ??= { person: p, ours: Number.isNaN(a) ? null : a, duckdb: b };
      }
    }
    checks.push({ column: name, mismatches, example });
  });
  consentNames.forEach((name, j) => {
    const duck = cols[numeric.length + j] as (string | null)[];
    const ours = c360.consent[j];
    let mismatches = 0;
    let example: ColumnCheck['example'];
    for (let p = 0; p < Math.min(people, rows); p++) {
      const a = CONSENT_STATE_TEXT[ours[p]];
      if (a !== duck[p]) {
        mismatches++;
        example ??= { person: p, ours: a, duckdb: duck[p] };
      }
    }
    checks.push({ column: name, mismatches, example });
  });
  return { columns: checks, rows };
}

const sumOf = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

export async function duckdbCustomer360(run: PipelineRun): Promise<DuckdbFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'c360-bench-'));
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const info = (await con.runAndReadAll(`SELECT version(), current_setting('threads')`)).getRowsJS()[0];
    const threads = Number(info[1]);
    const loadStart = performance.now();
    const loadedRows = await loadSilver(con, run, dir);
    const loadMs = performance.now() - loadStart;
    rmSync(dir, { recursive: true, force: true });

    const sql = customer360Sql(run.nowMs);
    const queryMs = await timeQuery(con, sql, QUERY_RUNS);
    await con.run('SET threads = 1');
    const querySingleThreadMs = await timeQuery(con, sql, QUERY_RUNS);
    await con.run(`SET threads = ${threads}`);

    const totalsRow = (await con.runAndReadAll(
      'SELECT sum(orders_count)::DOUBLE, sum(lifetime_revenue)::DOUBLE FROM duck_customer_360',
    )).getRowsJS()[0];
    const c360 = run.gold.customer360;
    const { columns, rows } = await compare(con, c360);
    return {
      version: String(info[0]), threads, loadedRows, loadMs, queryMs, querySingleThreadMs, resultRows: rows,
      totals: {
        ordersCount: { ours: sumOf(c360.acc.ordersCount), duckdb: Number(totalsRow[0]) },
        lifetimeRevenueCents: { ours: sumOf(c360.acc.revenueCents), duckdb: Number(totalsRow[1]) },
      },
      columns,
    };
  } finally {
    con.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
