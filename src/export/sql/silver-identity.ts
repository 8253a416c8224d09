// Identity resolution in SQL: deduplicated customer records, the identifier values that link
// them, connected components by a recursive CTE, then customer_identity and the profile base.
import type { SqlModel } from './model';

const kinds = [
  { kind: 'email', order: 1, column: 'email_normalized', on: 'c360_link_email()' },
  { kind: 'phone', order: 2, column: 'phone_e164', on: 'c360_link_phone()' },
  { kind: 'loyalty', order: 3, column: 'loyalty_id', on: 'c360_link_loyalty()' },
];

const customerRecords: SqlModel = {
  name: 'int_customer_records', folder: 'intermediate', materialized: 'table',
  grain: 'one row per (source_system, source_customer_id) among accepted customer rows: the latest updated_at wins, a tie goes to the later row in the file.',
  spark: 'Same SQL with the c360_* functions as SQL UDFs; QUALIFY is supported on Databricks (else a subquery on row_number()).',
  flink: 'A deduplication query: ROW_NUMBER() OVER (PARTITION BY source_system, source_customer_id ORDER BY updated_at DESC) = 1 keeps an updating table (changelog); updated_at must be the rowtime attribute, or keep the latest by proctime.',
  sql: `WITH accepted AS (
    SELECT * FROM {{ ref('stg_customers') }} WHERE _reason IS NULL
  ),
  latest AS (
    SELECT * FROM accepted
    QUALIFY row_number() OVER (PARTITION BY source_system, source_customer_id ORDER BY updated_at DESC NULLS LAST, _bronze_row_id DESC) = 1
  )
SELECT row_number() OVER (ORDER BY source_system, source_customer_id) AS record_no,
  source_system, source_customer_id, first_name, last_name,
  c360_email(email) AS email_normalized,
  c360_phone_e164(phone, country) AS phone_e164,
  city, country, loyalty_id, created_at, updated_at, _bronze_row_id
FROM latest`,
};

const identifierValues: SqlModel = {
  name: 'int_identifier_values', folder: 'intermediate', materialized: 'table',
  grain: 'one row per (identifier kind, value, record) for the kinds the run links by, with how many records hold the value (more than placeholder_threshold: a placeholder).',
  spark: 'Same SQL; the link switches and threshold come from widgets or dbt vars instead of macros.',
  flink: 'A keyed COUNT per (kind, value) over the deduplicated records (an updating table); a value crossing the threshold retracts its links, which a streaming job must then re-resolve.',
  sql: `WITH held AS (
${kinds.map((k) => `    SELECT '${k.kind}' AS kind, ${k.order} AS kind_order, ${k.column} AS value, record_no
    FROM {{ ref('int_customer_records') }} WHERE ${k.on} AND ${k.column} IS NOT NULL`).join('\n    UNION ALL\n')}
  )
SELECT kind, kind_order, value, record_no, count(*) OVER (PARTITION BY kind, value) AS holders
FROM held`,
};

const components: SqlModel = {
  name: 'int_identity_components', folder: 'intermediate', materialized: 'table',
  grain: 'one row per customer record with its component: the smallest record_no it is connected to through linking values.',
  spark: 'WITH RECURSIVE is in Spark 4 / Databricks Runtime 17+; on older runtimes run the propagation step in a loop (a notebook while-loop until no label changes) or use GraphFrames connectedComponents().',
  flink: 'Not expressible as one continuous Flink SQL query (it is iterative): run this batch-style on a schedule, or keep the union-find in a DataStream KeyedProcessFunction and publish record → customer_key to an upsert-kafka topic that the event joins read.',
  sql: `WITH RECURSIVE links AS (
    SELECT * FROM {{ ref('int_identifier_values') }}
    WHERE holders BETWEEN 2 AND c360_placeholder_threshold()
  ),
  edges AS (
    SELECT DISTINCT a.record_no AS from_record, b.record_no AS to_record
    FROM links a JOIN links b ON a.kind = b.kind AND a.value = b.value AND a.record_no <> b.record_no
  ),
  -- each record's label spreads along the edges; only smaller labels move on, and UNION stops the
  -- walk once nothing new is reached, so every record ends with its component's smallest record_no
  reach(record_no, label) AS (
    SELECT record_no, record_no FROM {{ ref('int_customer_records') }}
    UNION
    SELECT e.to_record, r.label FROM reach r JOIN edges e ON e.from_record = r.record_no
    WHERE r.label < e.to_record
  )
SELECT record_no, min(label) AS component
FROM reach
GROUP BY record_no`,
};

const identity: SqlModel = {
  name: 'customer_identity', folder: 'silver', materialized: 'table',
  grain: 'one row per deduplicated customer source record, with the person (customer_key) it resolved to.',
  spark: 'FNV-1a 64: with spark.sql.ansi.enabled=false BIGINT arithmetic wraps mod 2^64, so aggregate(transform(sequence(0, octet_length(b) - 1), i -> CAST(conv(substr(hex(b), 2 * i + 1, 2), 16, 10) AS BIGINT)), CAST(-3750763034362895579 AS BIGINT), (h, x) -> (h ^ x) * 1099511628211) over b = encode(members, \'UTF-8\'), printed as lpad(lower(hex(h)), 16, \'0\'), is the same key; with ANSI on (the Databricks SQL default) that overflows, so use a Python/Scala UDF. string_agg(... ORDER BY) is array_join(array_sort(collect_list(...)), \',\').',
  flink: 'customer_key is a UDF over the members; publish this table as an upsert-kafka topic keyed by (source_system, source_customer_id) so event streams can look a record up with a temporal join.',
  sql: `WITH members AS (
    SELECT r.*, c.component
    FROM {{ ref('int_customer_records') }} r JOIN {{ ref('int_identity_components') }} c USING (record_no)
  ),
  keyed AS (
    -- customer_key depends only on the members: FNV-1a 64 of their system:id, sorted, comma-joined
    SELECT component, count(*) AS cluster_size,
      'c360_' || c360_fnv1a64(string_agg(source_system || ':' || source_customer_id, ',' ORDER BY source_system, source_customer_id)) AS customer_key
    FROM members GROUP BY component
  ),
  shared AS (
    SELECT record_no,
      bool_or(kind = 'email') AS by_email, bool_or(kind = 'phone') AS by_phone, bool_or(kind = 'loyalty') AS by_loyalty
    FROM {{ ref('int_identifier_values') }}
    WHERE holders BETWEEN 2 AND c360_placeholder_threshold()
    GROUP BY record_no
  )
SELECT m.source_system, m.source_customer_id, k.customer_key,
  CASE WHEN k.cluster_size = 1 THEN 'singleton'
    ELSE concat_ws('|', CASE WHEN s.by_email THEN 'email' END, CASE WHEN s.by_phone THEN 'phone' END, CASE WHEN s.by_loyalty THEN 'loyalty' END)
  END AS match_rule,
  k.cluster_size, m.record_no
FROM members m JOIN keyed k USING (component) LEFT JOIN shared s USING (record_no)`,
};

const survive = (col: string, as = col) =>
  `first(${col} ORDER BY updated_at DESC NULLS LAST, source_system, source_customer_id) FILTER (WHERE ${col} IS NOT NULL) AS ${as}`;

const profileBase: SqlModel = {
  name: 'customer_profile_base', folder: 'silver', materialized: 'table',
  grain: 'one row per resolved person (customer_key): each field from the most recently updated member record that has one.',
  spark: 'first(x ORDER BY ...) FILTER (...) becomes max_by(x, struct(updated_at, ...)) over rows where x is not null (mind the tie order: negate the system/id order or use row_number()); string_agg(DISTINCT ...) is array_join(array_sort(collect_set(source_system)), \'|\').',
  flink: 'A GROUP BY customer_key over the identity changelog; LAST_VALUE ignores the tie rule, so use a Top-1 (ROW_NUMBER) per key and field, or a UDAF that keeps the survivor.',
  sql: `WITH members AS (
    SELECT i.customer_key, r.*
    FROM {{ ref('customer_identity') }} i JOIN {{ ref('int_customer_records') }} r USING (record_no)
  )
SELECT customer_key,
  ${survive('first_name')},
  ${survive('last_name')},
  ${survive('email_normalized', 'email')},
  ${survive('phone_e164', 'phone')},
  ${survive('city')},
  ${survive('country')},
  ${survive('loyalty_id')},
  count(*) AS source_record_count,
  string_agg(DISTINCT source_system, '|' ORDER BY source_system) AS source_systems,
  min(created_at) AS first_seen_at,
  max(updated_at) AS profile_updated_at
FROM members
GROUP BY customer_key`,
};

export function identityModels(): SqlModel[] {
  return [customerRecords, identifierValues, components, identity, profileBase];
}
