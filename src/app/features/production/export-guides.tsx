// What each export is and how to use it at work, in the words of the files themselves
// (export/kafka/topics.md, export/sql/README.md, the Parquet schemas): keep them in step.
import type { ReactNode } from 'react';
import type { RunParams } from '../../../pipeline/params';
import type { ExportKind } from './export-files';

export interface ExportGuide {
  readonly title: string;
  /** The export's name in a button: "Download SQL export (.zip)". */
  readonly short: string;
  /** Word for a file's count: records of a topic, rows of a table; none for the SQL project. */
  readonly countLabel: string | null;
  readonly what: ReactNode;
  readonly use: (params: RunParams) => ReactNode;
}

const KCAT = `jq -r '(.key|tojson) + "\\t" + (if .value == null then "" else (.value|tojson) end)' export/kafka/orders.cdc.jsonl \\
  | kcat -P -b localhost:9092 -t turanmart.public.orders -K $'\\t' -Z`;

export const GUIDES: Readonly<Record<ExportKind, ExportGuide>> = {
  kafka: {
    title: 'Kafka topics',
    short: 'Kafka',
    countLabel: 'Records',
    what: (
      <p>
        The raw files as the Kafka topics they stand for: one JSON-lines file per topic, each line one record <code>{'{"key": …, "value": …}'}</code> in
        arrival order, as Kafka Connect&apos;s JsonConverter writes it with <code>schemas.enable=false</code>. Customers and orders carry Debezium&apos;s
        envelope (<code>before</code>, <code>after</code>, <code>source</code>, <code>op</code>, <code>ts_ms</code>): customers as snapshot reads (
        <code>op</code> r), orders as changes (c, u, d), each delete followed by a tombstone. The other four are keyed event streams. Money travels as a
        decimal string, times as ISO 8601 UTC. <code>topics.md</code> gives each topic&apos;s key, partitioning, cleanup policy and why.
      </p>
    ),
    use: () => (
      <>
        <p>
          To load a topic into a broker, create it with the <code>--config</code> from <code>topics.md</code> (compaction for the CDC topics), then produce
          each line&apos;s <code>key</code> and <code>value</code> as the record&apos;s key and value, for example with kcat (<code>-Z</code> sends a
          tombstone&apos;s empty value as null):
        </p>
        <pre className="command" tabIndex={0}>
          <code>{KCAT}</code>
        </pre>
        <p>
          A consumer that understands Debezium (a Flink SQL table with <code>&apos;format&apos; = &apos;debezium-json&apos;</code>, a Debezium sink connector)
          reads the CDC values as they are.
        </p>
      </>
    ),
  },
  sql: {
    title: 'SQL project',
    short: 'SQL',
    countLabel: null,
    what: (
      <p>
        The pipeline as a dbt-style project for DuckDB: staging models read the raw CSV files as text and pick out the rows to quarantine, intermediate
        models resolve identity (a recursive CTE for connected components), silver and gold models build the contract&apos;s typed tables, export models
        hold each file&apos;s text; <code>models/schema.yml</code> and <code>tests/</code> carry the quality checks that fit a query. <code>run.sql</code>{' '}
        is the same models as one plain script. The lab&apos;s tests run it and check that every silver and gold file it writes equals the lab&apos;s, byte
        for byte.
      </p>
    ),
    use: (params) => (
      <>
        <p>
          From the unzipped folder (it holds <code>raw/</code>), rebuild every silver and gold table into <code>out/</code>:
        </p>
        <pre className="command" tabIndex={0}>
          <code>mkdir -p out/silver out/gold && duckdb &lt; export/sql/run.sql</code>
        </pre>
        <p>
          Or with dbt-duckdb (a <code>customer_360_lab</code> profile of type duckdb, run from the folder holding <code>raw/</code>):{' '}
          <code>
            dbt build --vars &apos;{`{now: "${params.now}", link: [${params.link.join(', ')}], placeholder_threshold: ${params.placeholderThreshold}}`}&apos;
          </code>
          . Each model file starts with what changes for Spark SQL (Databricks) and for Flink SQL (streaming); <code>README.md</code> explains the steps
          plain SQL has no verb for (connected components, the customer_key hash, E.164 phones, rounding).
        </p>
      </>
    ),
  },
  parquet: {
    title: 'Parquet',
    short: 'Parquet',
    countLabel: 'Rows',
    what: (
      <p>
        Every table of the run tree (raw, bronze, silver, gold, the quality report and the generator&apos;s truth) as one Snappy-compressed Parquet file,
        typed from the schemas: counts <code>INT64</code>, money and hours <code>DECIMAL(12,2)</code>, rates and scores <code>DECIMAL(18,4)</code>, times{' '}
        <code>TIMESTAMP(MILLIS, UTC)</code>, flags <code>BOOLEAN</code>, text <code>STRING</code>; every column optional, null where the CSV cell is empty.
        Raw columns, and the raw columns bronze carries, stay text as they landed, malformed values included. The values are the CSV&apos;s, without the
        spreadsheet-formula <code>&apos;</code>.
      </p>
    ),
    use: () => (
      <>
        <p>Read a file with any engine; decimals arrive as exact decimals, times as UTC timestamps:</p>
        <pre className="command" tabIndex={0}>
          <code>
            {[
              "duckdb -c \"SELECT segment, count(*) FROM 'export/parquet/gold/customer_360.parquet' GROUP BY ALL\"",
              "spark.read.parquet('export/parquet/gold/customer_360.parquet')        # PySpark",
              "pd.read_parquet('export/parquet/gold/customer_360.parquet')           # pandas with pyarrow",
            ].join('\n')}
          </code>
        </pre>
        <p>Any table, or its filtered and sorted view, also downloads as Parquet from the toolbar of its table in Data layers.</p>
      </>
    ),
  },
};
