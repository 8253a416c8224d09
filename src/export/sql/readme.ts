// export/sql/README.md: how to run the project and how the hard steps are done in SQL.
import type { RunParams } from '../../pipeline/params';

export function projectReadme(params: RunParams): string {
  return `# Customer 360 Lab: the pipeline as SQL

Rebuilds every silver and gold table of the lab from its raw CSV files, in DuckDB, as a dbt project
and as one plain script. The lab's test suite runs this project on three parameter sets and checks
that every file it writes equals the lab's, byte for byte.

## Run it with the DuckDB CLI

Put the run's \`raw/\` folder next to \`run.sql\`, then:

\`\`\`sh
mkdir -p out/silver out/gold
duckdb < run.sql          # or: duckdb c360.duckdb < run.sql to keep the tables
\`\`\`

\`out/silver/*.csv\` and \`out/gold/*.csv\` are then the lab's files. The parameters are the \`c360_*\`
macros at the top of run.sql (now ${params.now}, link ${params.link.join(',') || 'none'},
placeholder_threshold ${params.placeholderThreshold}); seed and customers only made the raw data.

## Run it with dbt-duckdb

\`\`\`sh
dbt build --vars '{now: "${params.now}", link: [${params.link.join(', ')}], placeholder_threshold: ${params.placeholderThreshold}}'
\`\`\`

with a \`customer_360_lab\` profile of type duckdb, run from the folder holding \`raw/\`. The models are
the same SQL as run.sql (run.sql is rendered from them); \`on-run-start\` creates the macros from the
vars. The export views (\`models/export\`) hold the file text; write them with dbt-duckdb's external
materialization or the COPY lines at the end of run.sql. (The lab's tests run run.sql, not dbt.)

## Layers

- \`models/staging/stg_<source>\`: every raw cell read as text, the raw line rebuilt as the writer quoted
  it, the writer's formula \`'\` stripped exactly as the lab's \`unneutralise\` does (only when the rest
  would have been neutralised), the first quarantine reason in the contract's order
  (missing_key, unknown_enum, unparseable_timestamp, unparseable_amount, future_timestamp; CDC deletes
  checked on lsn, op, order_id and updated_at only), then typed columns.
- \`models/intermediate\`: deduplicated customer records, identifier values with their holder counts,
  connected components.
- \`models/silver\`, \`models/gold\`: the contract's tables, typed (TIMESTAMP, DECIMAL(18,2) money,
  DOUBLE rates kept unrounded, BOOLEAN), with \`_bronze_row_id\`/\`record_no\`/order columns kept for
  lineage and tests.
- \`models/export\`: each file's columns as text, the way the lab's one writer makes it.
- \`models/schema.yml\`: the lab's column descriptions, unique/not_null on keys, accepted_values on
  enums; \`tests/\`: quality checks that fit a query (coverage, critical nulls, accounting, activation
  consent, orphan orders as a warning, freshness against error_after).

## The steps plain SQL has no verb for

- **Connected components** (\`int_identity_components\`): a recursive CTE spreads each record's number
  along the edges of shared linking values (held by 2 to placeholder_threshold records); only smaller
  labels move on and \`UNION\` drops pairs already reached, so it stops, and each record keeps the
  smallest record number of its component. Work grows with the square of a component's size, which
  is small because placeholders link nothing; a very high threshold makes big components slow.
- **customer_key** (\`c360_fnv1a64\`): FNV-1a 64 over the UTF-8 bytes (\`encode\` → hex pairs →
  integers), folded with \`list_reduce\`: \`h = (h xor b) * 1099511628211 mod 2^64\` in HUGEINT, where the
  product (below 2^104) cannot overflow; printed as 16 hex digits of the UBIGINT.
- **E.164 phones** (\`c360_phone_e164\`): the contract's rules as CASE branches over
  \`regexp_replace(t, '[^0-9]+', '')\`: + is international, 00 drops two digits, otherwise one trunk 0
  off and the calling code on; 8 to 15 digits or NULL. JavaScript's \`trim()\` whitespace set is spelled
  out as a regex class so blank keys and trimmed values agree with the lab.
- **Timestamps** (\`c360_ts_valid\`, \`c360_parse_ts\`): the contract's form by regex, real dates by a
  days-in-month rule, then \`try_cast\` (never an error on a bad row).
- **Rounding** (\`c360_round_scaled\`, \`c360_fixed_text\`): the lab's rule exactly: half away from zero,
  and a double within max(1e-9, y·1e-15) of a tie is the tie. Averages are computed as the lab does
  (integer sums, one float division); money sums stay exact DECIMAL.
- **churn_risk**: \`1 / (1 + exp(-x))\` with x's terms added in the lab's order as DOUBLE (literals
  cast, since DuckDB reads 0.015 as DECIMAL). DuckDB's exp and V8's Math.exp may differ in the last
  bit; that changes a written value only if it sits within 1e-16 of a rounding edge.
- **avg_churn_risk** sums the risks in customer_key order with \`list_reduce\`, as the lab adds them,
  so the float sum is the same.
- **File order**: \`row_number() OVER ()\` over the CSV scan relies on DuckDB keeping insertion order
  (\`preserve_insertion_order\`, on by default).

## Other engines

Each model file starts with what changes for Spark SQL (Databricks) and for Flink SQL (streaming):
UDFs for the macros, \`max_by\` for ordered firsts, recursive CTEs only on Spark 4 / DBR 17+, MERGE or
APPLY CHANGES for orders_current; in Flink, watermarks (\`WATERMARK FOR event_ts AS event_ts - INTERVAL
'1' HOUR\`), first-arrival deduplication by proctime, upsert-kafka sinks (orders_current keyed by
order_id, customer_360 by customer_key), and identity resolution outside Flink SQL.

## Known differences from the lab

- Valid raw values in a non-canonical form (a timestamp with \`.000\`, an amount \`5.5\`) are written in
  canonical form here; the lab shows raw values through views and writes them as they arrived
  (decisions.md 33). The generator never makes such values.
- \`lower()\` is Unicode simple case mapping; JavaScript's \`toLowerCase\` differs for a few characters
  (\`İ\` becomes \`i̇\` there, \`i\` here). Generated emails are ASCII.
`;
}
