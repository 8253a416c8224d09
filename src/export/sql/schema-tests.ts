// The project's dbt tests: generic ones (unique, not_null, accepted_values) on the contract's
// keys and enums, written into models/schema.yml, and singular ones for the contract's quality
// checks that fit a query. Each test is also plain SQL that returns the failing rows, so the
// DuckDB run and the vitest suite can run exactly what dbt would.
import type { ColumnDef } from '../../pipeline/table';
import { FRESHNESS_POLICIES } from '../../pipeline/quality/freshness';
import { lit } from './model';

export type GenericTest = { kind: 'unique' | 'not_null' } | { kind: 'accepted_values'; values: readonly string[] };

/** Keys per model: unique and not null. */
const KEYS: Readonly<Record<string, readonly string[]>> = {
  customer_profile_base: ['customer_key'], customer_360: ['customer_key'], orders_current: ['order_id'],
  clickstream_clean: ['event_id'], support_tickets_clean: ['ticket_id'], campaign_events_clean: ['event_id'],
  consent_events_clean: ['event_id'], segment_summary: ['segment'], kpi_summary: ['kpi'],
  activation_email: ['customer_key'], activation_sms: ['customer_key'], activation_ads: ['customer_key'],
};
/** Columns that are never empty besides the keys (profile_coverage, critical_null_rate). */
const NOT_NULL: Readonly<Record<string, readonly string[]>> = {
  customer_identity: ['source_system', 'source_customer_id', 'customer_key', 'match_rule', 'cluster_size'],
  customer_360: ['segment', 'consent_email_marketing', 'consent_sms_marketing', 'consent_personalized_ads'],
  activation_email: ['email'], activation_sms: ['phone'], activation_ads: ['email_sha256'],
  quarantine: ['source', '_bronze_row_id', 'reason', 'record'],
};

export function genericTests(model: string, c: ColumnDef): GenericTest[] {
  const out: GenericTest[] = [];
  if (KEYS[model]?.includes(c.name)) out.push({ kind: 'unique' }, { kind: 'not_null' });
  else if (NOT_NULL[model]?.includes(c.name)) out.push({ kind: 'not_null' });
  if (c.type === 'enum' && c.values) out.push({ kind: 'accepted_values', values: c.values });
  return out;
}

/** dbt's generic test as the query it compiles to (rows returned = failures). */
export function genericTestSql(model: string, column: string, t: GenericTest): string {
  switch (t.kind) {
    case 'unique': return `SELECT ${column}, count(*) AS n FROM ${model} WHERE ${column} IS NOT NULL GROUP BY ${column} HAVING count(*) > 1`;
    case 'not_null': return `SELECT * FROM ${model} WHERE ${column} IS NULL`;
    case 'accepted_values': return `SELECT * FROM ${model} WHERE ${column} IS NOT NULL AND ${column} NOT IN (${t.values.map(lit).join(', ')})`;
  }
}

export interface SingularTest {
  readonly name: string;
  readonly description: string;
  readonly severity: 'error' | 'warn';
  /** dbt form, with {{ ref() }}. */
  readonly sql: string;
}

const freshnessTests: SingularTest[] = FRESHNESS_POLICIES.map((p) => ({
  name: `freshness_${p.source}`,
  description: `Hours from the latest accepted ${p.columns.join('/')} of ${p.source} to now must be at most error_after=${p.errorAfterHours}h (warn_after=${p.warnAfterHours}h is the report's warn).`,
  severity: 'error',
  sql: `SELECT max_time, (epoch_ms(c360_now()) - epoch_ms(max_time)) / 3600000.0 AS hours
FROM (SELECT max(greatest(${p.columns.join(', ')})) AS max_time FROM {{ ref('stg_${p.source}') }} WHERE _reason IS NULL)
WHERE max_time IS NULL OR (epoch_ms(c360_now()) - epoch_ms(max_time)) / 3600000.0 > ${p.errorAfterHours}`,
}));

export const SINGULAR_TESTS: readonly SingularTest[] = [
  {
    name: 'customer_identity_one_row_per_record', severity: 'error',
    description: 'profile_coverage: every deduplicated customer record has exactly one identity row.',
    sql: `SELECT r.source_system, r.source_customer_id, count(i.customer_key) AS keys
FROM {{ ref('int_customer_records') }} r
  LEFT JOIN {{ ref('customer_identity') }} i USING (source_system, source_customer_id)
GROUP BY r.source_system, r.source_customer_id
HAVING count(i.customer_key) <> 1`,
  },
  {
    name: 'critical_null_rate', severity: 'error',
    description: 'critical_null_rate: at most 1% of customer_360 rows have an empty customer_key, segment or consent column.',
    sql: `SELECT * FROM (
  SELECT count(*) FILTER (WHERE customer_key IS NULL OR segment IS NULL OR consent_email_marketing IS NULL
      OR consent_sms_marketing IS NULL OR consent_personalized_ads IS NULL) AS null_rows, count(*) AS rows
  FROM {{ ref('customer_360') }})
WHERE rows > 0 AND null_rows::DOUBLE / rows > 0.01`,
  },
  {
    name: 'silver_accounting', severity: 'error',
    description: 'silver_accounting_<source>: no raw row is both accepted and quarantined, and quarantine holds exactly the rows with a reason.',
    sql: `SELECT source, count(*) AS rows FROM {{ ref('quarantine') }} q
GROUP BY source
HAVING count(*) <> (
  SELECT count(*) FROM (
    SELECT 'customers' AS source FROM {{ ref('stg_customers') }} WHERE _reason IS NOT NULL
    UNION ALL SELECT 'orders' FROM {{ ref('stg_orders') }} WHERE _reason IS NOT NULL
    UNION ALL SELECT 'clickstream' FROM {{ ref('stg_clickstream') }} WHERE _reason IS NOT NULL
    UNION ALL SELECT 'support_tickets' FROM {{ ref('stg_support_tickets') }} WHERE _reason IS NOT NULL
    UNION ALL SELECT 'campaign_events' FROM {{ ref('stg_campaign_events') }} WHERE _reason IS NOT NULL
    UNION ALL SELECT 'consent_events' FROM {{ ref('stg_consent_events') }} WHERE _reason IS NOT NULL) s
  WHERE s.source = q.source)
UNION ALL
SELECT 'orders', count(*) FROM {{ ref('orders_current') }} o JOIN {{ ref('quarantine') }} q
  ON q.source = 'orders' AND q._bronze_row_id = o._bronze_row_id HAVING count(*) > 0
UNION ALL
SELECT 'clickstream', count(*) FROM {{ ref('clickstream_clean') }} c JOIN {{ ref('quarantine') }} q
  ON q.source = 'clickstream' AND q._bronze_row_id = c._bronze_row_id HAVING count(*) > 0`,
  },
  {
    name: 'activation_consent_violations', severity: 'error',
    description: 'activation_consent_violations: every audience row is a person with current granted consent and their current contact field (or its hash).',
    sql: `SELECT 'email' AS channel, a.customer_key FROM {{ ref('activation_email') }} a
  LEFT JOIN {{ ref('customer_360') }} c USING (customer_key)
  WHERE c.can_email IS NOT TRUE OR a.email IS DISTINCT FROM c.email
UNION ALL
SELECT 'sms', a.customer_key FROM {{ ref('activation_sms') }} a
  LEFT JOIN {{ ref('customer_360') }} c USING (customer_key)
  WHERE c.can_sms IS NOT TRUE OR a.phone IS DISTINCT FROM c.phone
UNION ALL
SELECT 'ads', a.customer_key FROM {{ ref('activation_ads') }} a
  LEFT JOIN {{ ref('customer_360') }} c USING (customer_key)
  WHERE c.can_target_ads IS NOT TRUE OR a.email_sha256 IS DISTINCT FROM sha256(c.email)`,
  },
  {
    name: 'orphan_orders', severity: 'warn',
    description: 'orphan_orders: current orders with no customer_key (the report warns above 0).',
    sql: `SELECT order_id, source_system, source_customer_id FROM {{ ref('orders_current') }} WHERE customer_key IS NULL`,
  },
  ...freshnessTests,
];
