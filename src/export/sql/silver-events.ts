// Silver event tables and the quarantine: CDC collapse, first arrival, attribution to a person.
import { RAW_SCHEMAS } from '../../pipeline/schema/raw';
import { LATE_AFTER_MS } from '../../pipeline/silver/clickstream-clean';
import type { SqlModel } from './model';

/** The first arrival (file order) of each id among accepted rows. */
const firstArrivals = (stg: string, id: string) => `SELECT * FROM {{ ref('${stg}') }} WHERE _reason IS NULL
    QUALIFY row_number() OVER (PARTITION BY ${id} ORDER BY _bronze_row_id) = 1`;

const FIRST_ARRIVAL_SPARK = 'QUALIFY works on Databricks; elsewhere filter row_number() in a subquery. File order comes from _bronze_row_id (see staging).';
const FIRST_ARRIVAL_FLINK = 'Flink\'s deduplication pattern: ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY proctime ASC) = 1 keeps the first arrival as an append-only stream (set table.exec.state.ttl so the seen ids do not grow forever).';

const ordersCurrent: SqlModel = {
  name: 'orders_current', folder: 'silver', materialized: 'table',
  grain: 'one row per live order: its accepted change with the highest lsn (one lsn twice: the later arrival); an order whose newest change is a delete is gone.',
  spark: 'On Delta: MERGE INTO orders_current USING (latest change per order_id) ON order_id WHEN MATCHED AND op = \'d\' THEN DELETE WHEN MATCHED AND s.lsn >= t.lsn THEN UPDATE SET * WHEN NOT MATCHED AND op <> \'d\' THEN INSERT *; or APPLY CHANGES INTO (Delta Live Tables) with SEQUENCE BY lsn and APPLY AS DELETE WHEN op = \'d\'.',
  flink: 'Read the topic with format debezium-json (or this CSV through a Top-1: ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY lsn DESC) = 1) and write to an upsert-kafka sink with PRIMARY KEY (order_id) NOT ENFORCED; a delete becomes a tombstone. The customer_key comes from a temporal join FOR SYSTEM_TIME AS OF against the customer_identity upsert topic.',
  sql: `WITH accepted AS (
    SELECT * FROM {{ ref('stg_orders') }} WHERE _reason IS NULL
  ),
  latest AS (
    SELECT * FROM accepted
    QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY lsn DESC, _bronze_row_id DESC) = 1
  )
SELECT l.order_id, i.customer_key, l.source_system, l.source_customer_id, l.order_ts, l.status, l.channel,
  l.amount, l.currency, l.updated_at, l.lsn,
  coalesce(l.status IN ('placed', 'shipped', 'delivered'), false) AS is_counted,
  l._bronze_row_id
FROM latest l
  LEFT JOIN {{ ref('customer_identity') }} i
    ON i.source_system = l.source_system AND i.source_customer_id = l.source_customer_id
WHERE l.op <> 'd'`,
};

const clickstream: SqlModel = {
  name: 'clickstream_clean', folder: 'silver', materialized: 'table',
  grain: 'one row per click event_id (first arrival kept), attributed through its own web id or its device\'s latest logged-in event.',
  spark: `${FIRST_ARRIVAL_SPARK} The device stitch is max_by(own_key, struct(event_ts, event_id)) per anonymous_id (nulls first: coalesce event_ts to a minimum timestamp). epoch_ms(x) is unix_millis(x).`,
  flink: `${FIRST_ARRIVAL_FLINK} Event time is event_ts with WATERMARK FOR event_ts AS event_ts - INTERVAL '1' HOUR (late events beyond it go to a side output or are counted). Stitching earlier events to a later login rewrites history: emit the device → key map as an upsert table and join it as a regular (updating) join, or restate in batch.`,
  sql: `WITH first_arrivals AS (
    ${firstArrivals('stg_clickstream', 'event_id')}
  ),
  own AS (
    SELECT f.*, i.customer_key AS own_key
    FROM first_arrivals f
      LEFT JOIN {{ ref('customer_identity') }} i ON i.source_system = 'web' AND i.source_customer_id = f.source_customer_id
  ),
  device_login AS (
    -- a device follows its latest logged-in event (by event_ts, a missing one first, then event_id)
    SELECT anonymous_id, own_key AS device_key
    FROM own WHERE source_customer_id IS NOT NULL AND anonymous_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY anonymous_id ORDER BY event_ts DESC NULLS LAST, event_id DESC) = 1
  ),
  attributed AS (
    SELECT o.*, CASE WHEN o.source_customer_id IS NOT NULL THEN o.own_key ELSE d.device_key END AS customer_key
    FROM own o LEFT JOIN device_login d ON o.source_customer_id IS NULL AND d.anonymous_id = o.anonymous_id
  )
SELECT event_id, event_ts, ingest_ts, session_id, anonymous_id, source_customer_id, customer_key,
  CASE WHEN customer_key IS NULL THEN 'anonymous' WHEN source_customer_id IS NOT NULL THEN 'web_id' ELSE 'stitched' END AS attribution,
  event_type, product_id, page,
  coalesce(epoch_ms(ingest_ts) - epoch_ms(event_ts) > ${LATE_AFTER_MS}, false) AS is_late,
  _bronze_row_id
FROM attributed`,
};

const tickets: SqlModel = {
  name: 'support_tickets_clean', folder: 'silver', materialized: 'table',
  grain: 'one row per ticket_id (first arrival kept), attributed when its normalised email belongs to member records of exactly one person and is not a placeholder.',
  spark: `${FIRST_ARRIVAL_SPARK} count(DISTINCT ...) and min() per email are the same; NOT IN over a subquery becomes a LEFT ANTI JOIN.`,
  flink: `${FIRST_ARRIVAL_FLINK} The email → owner map is an updating aggregate over customer_identity; join it as a regular join (results retract when ownership changes).`,
  sql: `WITH first_arrivals AS (
    ${firstArrivals('stg_support_tickets', 'ticket_id')}
  ),
  placeholder_emails AS (
    SELECT value FROM {{ ref('int_identifier_values') }} WHERE kind = 'email' AND holders > c360_placeholder_threshold()
  ),
  email_owners AS (
    SELECT r.email_normalized, CASE WHEN count(DISTINCT i.customer_key) = 1 THEN min(i.customer_key) END AS customer_key
    FROM {{ ref('int_customer_records') }} r JOIN {{ ref('customer_identity') }} i USING (record_no)
    WHERE r.email_normalized IS NOT NULL AND r.email_normalized NOT IN (SELECT value FROM placeholder_emails)
    GROUP BY r.email_normalized
  ),
  normalised AS (
    SELECT f.*, c360_email(f.email) AS email_normalized FROM first_arrivals f
  )
SELECT t.ticket_id, t.email_normalized, o.customer_key, t.opened_at, t.closed_at, t.status, t.priority, t.channel,
  t.topic, t.csat_score, t._bronze_row_id
FROM normalised t LEFT JOIN email_owners o USING (email_normalized)`,
};

const campaigns: SqlModel = {
  name: 'campaign_events_clean', folder: 'silver', materialized: 'table',
  grain: 'one row per campaign event_id (first arrival kept), attributed through the CRM id.',
  spark: FIRST_ARRIVAL_SPARK,
  flink: `${FIRST_ARRIVAL_FLINK} WATERMARK FOR event_ts AS event_ts - INTERVAL '1' HOUR; the key by a temporal join on customer_identity.`,
  sql: `WITH first_arrivals AS (
    ${firstArrivals('stg_campaign_events', 'event_id')}
  )
SELECT f.event_id, f.campaign_id, f.campaign_name, f.channel, f.source_customer_id, i.customer_key, f.event_type, f.event_ts, f._bronze_row_id
FROM first_arrivals f
  LEFT JOIN {{ ref('customer_identity') }} i ON i.source_system = 'crm' AND i.source_customer_id = f.source_customer_id`,
};

const consent: SqlModel = {
  name: 'consent_events_clean', folder: 'silver', materialized: 'table',
  grain: 'one row per consent event_id (first arrival kept), attributed through (source_system, source_customer_id).',
  spark: FIRST_ARRIVAL_SPARK,
  flink: `${FIRST_ARRIVAL_FLINK} WATERMARK FOR event_ts AS event_ts - INTERVAL '1' HOUR; the key by a temporal join on customer_identity.`,
  sql: `WITH first_arrivals AS (
    ${firstArrivals('stg_consent_events', 'event_id')}
  )
SELECT f.event_id, f.source_system, f.source_customer_id, i.customer_key, f.purpose, f.status, f.event_ts, f.capture_point, f._bronze_row_id
FROM first_arrivals f
  LEFT JOIN {{ ref('customer_identity') }} i ON i.source_system = f.source_system AND i.source_customer_id = f.source_customer_id`,
};

const quarantine: SqlModel = {
  name: 'quarantine', folder: 'silver', materialized: 'table',
  grain: 'one row per raw row that failed validation, with the first rule it broke and its raw line; by source in pipeline order, then _bronze_row_id.',
  spark: 'Same UNION ALL; on Databricks DLT the same rows come from expectations (EXPECT ... ON VIOLATION) only if each reason is its own expectation in the contract\'s order.',
  flink: 'The side output of every staging job (one INSERT per source in a STATEMENT SET) into one append-only quarantine topic.',
  sql: RAW_SCHEMAS.map((s, i) => `SELECT '${s.name}' AS source, _bronze_row_id, _reason AS reason, _record AS record, ${i + 1} AS source_order
FROM {{ ref('stg_${s.name}') }} WHERE _reason IS NOT NULL`).join('\nUNION ALL\n'),
};

export function eventModels(): SqlModel[] {
  return [ordersCurrent, clickstream, tickets, campaigns, consent, quarantine];
}
