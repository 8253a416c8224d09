// Production mapping: each lab layer, its size in this run, and what runs it in production; then the
// lab's export folders that make the mapping concrete.
import type { PipelineRun } from '../../pipeline/run';
import { SOURCE_NAMES } from '../../pipeline/run';
import { FRESHNESS_POLICIES } from '../../pipeline/quality/freshness';
import { TOPICS } from '../kafka/topics';
import { code, mdTable } from './markdown';
import { SECTION_HEADINGS } from './headings';

function layerRows(run: PipelineRun): string[][] {
  const { silver, gold } = run;
  const bronzeRows = SOURCE_NAMES.reduce((n, s) => n + run.bronze[s].rowCount, 0);
  const topics = TOPICS.map((t) => `${code(t.topic)} (${run.sources[t.source].rowCount})`).join(', ');
  const a = gold.activation;
  return [
    ['sources', `${code('raw/*.csv')}: ${SOURCE_NAMES.map((s) => `${s} ${run.sources[s].rowCount}`).join(', ')} rows`,
      `Debezium CDC connectors on the web-shop, store and CRM databases, and the tracking, marketing, consent and help-desk event streams, on Kafka topics: ${topics}`],
    ['bronze', `${code('bronze/*_bronze.csv')}: ${bronzeRows} rows, raw rows unchanged plus landing metadata`,
      'Kafka topics landed append-only into lakehouse bronze tables (Delta / Iceberg / Hudi) by a sink connector or streaming job, with offset, batch and landing time: the replay point'],
    ['silver', `${code('silver/*')}: ${silver.identityTable.rowCount} identity records, ${silver.orders.person.length} current orders, `
      + `${silver.clicks.person.length} clean clicks, ${silver.quarantine.rowCount} quarantined rows`,
      'Flink or Spark Structured Streaming jobs: validation with a quarantine (dead-letter) table, CDC upsert / MERGE into `orders_current` by highest lsn, '
      + 'dedupe by event id, identity resolution into `customer_key`, device stitching, event attribution'],
    ['gold', `${code(gold.customer360.table.schema.path)}: ${gold.customer360.table.rowCount} profiles; audiences email ${a.email.rowCount}, sms ${a.sms.rowCount}, ads ${a.ads.rowCount}`,
      'lakehouse gold tables and marts served to BI and to reverse-ETL audience syncs (email, SMS, ad platforms), plus a low-latency profile store or API'],
    ['quality', `${code(run.quality.table.schema.path)}: ${run.quality.rows.length} checks`,
      'expectations run with the pipeline (dbt tests, Delta Live Tables expectations, Great Expectations suites) that warn or stop a publish, and freshness SLAs as dbt `warn_after` / `error_after` in minutes'],
  ];
}

export function productionMapping(run: PipelineRun): string[] {
  const sla = FRESHNESS_POLICIES.map((p) => `${p.source} ${p.warnAfterHours}/${p.errorAfterHours} h`).join(', ');
  return [
    SECTION_HEADINGS.production,
    '',
    ...mdTable(['layer', 'lab (this run)', 'production'], layerRows(run)),
    '',
    `Freshness SLAs in the lab (warn/error): ${sla}. In production the same checks would be minutes behind the stream, not hours.`,
    '',
    'The lab\'s export folders make the mapping concrete:',
    '',
    `- ${code('export/kafka/')}: one JSON-lines file per topic, Debezium change-event envelopes for customers and orders, keyed events for the streams, and ${code('topics.md')} with keys, partitioning and retention.`,
    `- ${code('export/sql/')}: a dbt-style project (staging, silver and gold models, schema tests, ${code('run.sql')}) that rebuilds every silver and gold table from the raw files; the lab's tests run it in DuckDB and compare every file byte for byte.`,
    `- ${code('export/parquet/')}: every table of the run tree as typed Parquet, the form a lakehouse bronze or gold table takes.`,
    '',
  ];
}
