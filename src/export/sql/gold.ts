// Gold marts in SQL: customer_360 as per-source facts joined to the profile base, then the
// segment summary, the KPIs and the activation audiences, all from customer_360.
import { SEGMENTS } from '../../pipeline/schema/gold';
import { lit, type SqlModel } from './model';

const in30 = (t: string) => `${t} > c360_now() - INTERVAL 30 DAY AND ${t} <= c360_now()`;
const in90 = (t: string) => `${t} > c360_now() - INTERVAL 90 DAY AND ${t} <= c360_now()`;
const latestConsent = (purpose: string) =>
  `first(status ORDER BY event_ts DESC NULLS LAST, event_id DESC) FILTER (WHERE purpose = '${purpose}') AS consent_${purpose}`;
const d = (x: string) => `${x}::DOUBLE`;

const WINDOW_SPARK = 'c360_now() is a parameter (a widget or dbt var as TIMESTAMP); INTERVAL 30 DAY is INTERVAL 30 DAYS; first(x ORDER BY ...) FILTER (...) is max_by(x, struct(...)) FILTER (...); epoch_ms is unix_millis; exp, floor and least are the same.';

const customer360: SqlModel = {
  name: 'customer_360', folder: 'gold', materialized: 'table',
  grain: 'one row per resolved person (customer_key), as of the run\'s now.',
  spark: WINDOW_SPARK,
  flink: 'Windows relative to a fixed now do not stream: in Flink each fact becomes a continuous GROUP BY customer_key (an updating table to an upsert-kafka sink keyed by customer_key), and the 30d/90d counts become HOP windows (e.g. HOP(TABLE clicks, DESCRIPTOR(event_ts), INTERVAL \'1\' DAY, INTERVAL \'30\' DAY)) or OVER (PARTITION BY customer_key ORDER BY event_ts RANGE BETWEEN INTERVAL \'30\' DAY PRECEDING AND CURRENT ROW), which count up to the watermark rather than up to now. Segment, tier and churn risk are plain expressions on those results.',
  sql: `WITH order_facts AS (
    SELECT customer_key,
      count(*) AS orders_count,
      sum(coalesce(amount, 0)) AS lifetime_revenue,
      count(*) FILTER (WHERE ${in90('order_ts')}) AS orders_90d,
      coalesce(sum(coalesce(amount, 0)) FILTER (WHERE ${in90('order_ts')}), 0) AS revenue_90d,
      min(order_ts) AS first_order_at,
      max(order_ts) AS last_order_at
    FROM {{ ref('orders_current') }}
    WHERE customer_key IS NOT NULL AND is_counted
    GROUP BY customer_key
  ),
  click_facts AS (
    SELECT customer_key,
      count(DISTINCT session_id) FILTER (WHERE ${in30('event_ts')}) AS sessions_30d,
      count(*) FILTER (WHERE event_type = 'product_view' AND ${in30('event_ts')}) AS product_views_30d,
      count(*) FILTER (WHERE event_type = 'add_to_cart' AND ${in30('event_ts')}) AS add_to_cart_30d,
      max(event_ts) AS last_seen_at
    FROM {{ ref('clickstream_clean') }}
    WHERE customer_key IS NOT NULL
    GROUP BY customer_key
  ),
  ticket_facts AS (
    SELECT customer_key,
      count(*) AS tickets_total,
      count(*) FILTER (WHERE status IN ('open', 'pending')) AS tickets_open,
      -- the exact integer sum over the count, as one float division (what the lab computes)
      CASE WHEN count(csat_score) > 0 THEN sum(csat_score)::DOUBLE / count(csat_score) END AS avg_csat
    FROM {{ ref('support_tickets_clean') }}
    WHERE customer_key IS NOT NULL
    GROUP BY customer_key
  ),
  campaign_facts AS (
    SELECT customer_key,
      count(*) FILTER (WHERE event_type = 'sent') AS campaign_sent_90d,
      count(*) FILTER (WHERE event_type = 'opened') AS campaign_opened_90d,
      count(*) FILTER (WHERE event_type = 'clicked') AS campaign_clicked_90d
    FROM {{ ref('campaign_events_clean') }}
    WHERE customer_key IS NOT NULL AND ${in90('event_ts')}
    GROUP BY customer_key
  ),
  consent_facts AS (
    SELECT customer_key,
      ${latestConsent('email_marketing')},
      ${latestConsent('sms_marketing')},
      ${latestConsent('personalized_ads')},
      max(event_ts) AS consent_updated_at
    FROM {{ ref('consent_events_clean') }}
    WHERE customer_key IS NOT NULL
    GROUP BY customer_key
  ),
  joined AS (
    SELECT p.customer_key,
      nullif(concat_ws(' ', p.first_name, p.last_name), '') AS full_name,
      p.email, p.phone, p.country, p.city, p.source_systems, p.source_record_count,
      coalesce(o.orders_count, 0) AS orders_count,
      CAST(coalesce(o.lifetime_revenue, 0) AS DECIMAL(18, 2)) AS lifetime_revenue,
      coalesce(o.orders_90d, 0) AS orders_90d,
      CAST(coalesce(o.revenue_90d, 0) AS DECIMAL(18, 2)) AS revenue_90d,
      o.first_order_at, o.last_order_at,
      CASE WHEN o.last_order_at IS NOT NULL
        THEN floor((epoch_ms(c360_now()) - epoch_ms(o.last_order_at)) / 86400000)::BIGINT END AS days_since_last_order,
      coalesce(c.sessions_30d, 0) AS sessions_30d,
      coalesce(c.product_views_30d, 0) AS product_views_30d,
      coalesce(c.add_to_cart_30d, 0) AS add_to_cart_30d,
      c.last_seen_at,
      coalesce(t.tickets_total, 0) AS tickets_total,
      coalesce(t.tickets_open, 0) AS tickets_open,
      t.avg_csat,
      coalesce(k.campaign_sent_90d, 0) AS campaign_sent_90d,
      coalesce(k.campaign_opened_90d, 0) AS campaign_opened_90d,
      coalesce(k.campaign_clicked_90d, 0) AS campaign_clicked_90d,
      coalesce(s.consent_email_marketing, 'unknown') AS consent_email_marketing,
      coalesce(s.consent_sms_marketing, 'unknown') AS consent_sms_marketing,
      coalesce(s.consent_personalized_ads, 'unknown') AS consent_personalized_ads,
      s.consent_updated_at
    FROM {{ ref('customer_profile_base') }} p
      LEFT JOIN order_facts o USING (customer_key)
      LEFT JOIN click_facts c USING (customer_key)
      LEFT JOIN ticket_facts t USING (customer_key)
      LEFT JOIN campaign_facts k USING (customer_key)
      LEFT JOIN consent_facts s USING (customer_key)
  ),
  scored AS (
    SELECT *,
      -- the lab's order of float operations, term by term, so the doubles agree bit for bit
      CASE WHEN orders_count > 0 THEN
        -1.5::DOUBLE + 0.015::DOUBLE * ${d('days_since_last_order')} - 0.4::DOUBLE * ${d('least(orders_90d, 5)')}
        + 0.6::DOUBLE * ${d('tickets_open')} - 0.35::DOUBLE * coalesce(avg_csat - 3, 0)::DOUBLE - 0.05::DOUBLE * ${d('least(sessions_30d, 10)')}
      END AS churn_x
    FROM joined
  )
SELECT customer_key, full_name, email, phone, country, city, source_systems, source_record_count,
  orders_count, lifetime_revenue, orders_90d, revenue_90d,
  CASE WHEN orders_count > 0
    THEN c360_cents_to_money(c360_round_scaled(c360_money_cents(lifetime_revenue)::DOUBLE / orders_count, 0)) END AS avg_order_value,
  first_order_at, last_order_at, days_since_last_order,
  sessions_30d, product_views_30d, add_to_cart_30d, last_seen_at,
  tickets_total, tickets_open, avg_csat,
  campaign_sent_90d, campaign_opened_90d, campaign_clicked_90d,
  consent_email_marketing, consent_sms_marketing, consent_personalized_ads, consent_updated_at,
  consent_email_marketing = 'granted' AND email IS NOT NULL AS can_email,
  consent_sms_marketing = 'granted' AND phone IS NOT NULL AS can_sms,
  consent_personalized_ads = 'granted' AS can_target_ads,
  CASE
    WHEN orders_count = 0 THEN 'Prospect'
    WHEN orders_count = 1 AND days_since_last_order <= 30 THEN 'New'
    WHEN days_since_last_order <= 30 AND orders_count >= 5 THEN 'Champion'
    WHEN days_since_last_order <= 90 AND orders_count >= 3 THEN 'Loyal'
    WHEN days_since_last_order <= 90 THEN 'Promising'
    WHEN days_since_last_order <= 180 THEN 'At Risk'
    ELSE 'Hibernating' END AS segment,
  CASE WHEN lifetime_revenue >= 1000 THEN 'high' WHEN lifetime_revenue >= 250 THEN 'medium'
    WHEN lifetime_revenue > 0 THEN 'low' ELSE 'none' END AS value_tier,
  1 / (1 + exp(-churn_x)) AS churn_risk,
  CASE WHEN churn_x IS NULL THEN NULL WHEN 1 / (1 + exp(-churn_x)) < 0.33 THEN 'low'
    WHEN 1 / (1 + exp(-churn_x)) < 0.66 THEN 'medium' ELSE 'high' END AS churn_risk_band
FROM scored`,
};

const segmentValues = SEGMENTS.map((s, i) => `(${lit(s)}, ${i + 1})`).join(', ');

const segmentSummary: SqlModel = {
  name: 'segment_summary', folder: 'gold', materialized: 'table',
  grain: 'one row per segment, all seven, empty ones included.',
  spark: 'list_reduce(list(x ORDER BY k), ...) is aggregate(array_sort(collect_list(struct(k, x))).x, 0D, (a, b) -> a + b): a summation order fixed by customer_key, as the lab adds the risks.',
  flink: 'A GROUP BY segment over the customer_360 changelog (retractions move a person between segments); the empty segments come from a LEFT JOIN with a VALUES table.',
  sql: `WITH segments AS (
    SELECT * FROM (VALUES ${segmentValues}) AS s(segment, segment_order)
  ),
  people AS (
    SELECT count(*) AS profiles FROM {{ ref('customer_360') }}
  ),
  sums AS (
    SELECT segment, count(*) AS customers,
      sum(lifetime_revenue) AS lifetime_revenue, sum(revenue_90d) AS revenue_90d, sum(orders_count) AS orders,
      count(*) FILTER (WHERE can_email) AS can_email, sum(tickets_open) AS tickets_open,
      -- summed in customer_key order, left to right, as the lab adds them
      list(churn_risk ORDER BY customer_key) FILTER (WHERE churn_risk IS NOT NULL) AS risks
    FROM {{ ref('customer_360') }}
    GROUP BY segment
  )
SELECT s.segment, coalesce(m.customers, 0) AS customers,
  CASE WHEN p.profiles > 0 THEN coalesce(m.customers, 0)::DOUBLE / p.profiles ELSE 0 END AS share_of_customers,
  CAST(coalesce(m.lifetime_revenue, 0) AS DECIMAL(18, 2)) AS lifetime_revenue,
  CAST(coalesce(m.revenue_90d, 0) AS DECIMAL(18, 2)) AS revenue_90d,
  CASE WHEN m.customers > 0 THEN c360_cents_to_money(c360_round_scaled(c360_money_cents(m.lifetime_revenue)::DOUBLE / m.customers, 0)) END AS avg_lifetime_revenue,
  CASE WHEN m.customers > 0 THEN m.orders::DOUBLE / m.customers END AS avg_orders,
  CASE WHEN m.customers > 0 THEN m.can_email::DOUBLE / m.customers END AS can_email_rate,
  CASE WHEN len(m.risks) > 0 THEN list_reduce(m.risks, lambda a, b: a + b) / len(m.risks) END AS avg_churn_risk,
  coalesce(m.tickets_open, 0) AS tickets_open,
  s.segment_order
FROM segments s CROSS JOIN people p LEFT JOIN sums m USING (segment)`,
};

const kpis: readonly [string, string, string, string][] = [
  ['profiles', 'profiles::VARCHAR', 'count', 'Resolved people: rows of customer_360.'],
  ['source_customer_records', 'records::VARCHAR', 'count', 'Deduplicated customer source records resolved into profiles.'],
  ['identity_merge_ratio', 'CASE WHEN profiles > 0 THEN c360_fmt_decimal(records::DOUBLE / profiles, 4) END', 'ratio', 'source_customer_records / profiles.'],
  ['customers_with_orders', 'with_orders::VARCHAR', 'count', 'Profiles with orders_count > 0.'],
  ['active_customers_90d', 'active_90d::VARCHAR', 'count', 'Profiles with orders_90d > 0.'],
  ['lifetime_revenue', 'revenue::VARCHAR', 'money', 'Sum of lifetime_revenue over profiles (counted orders).'],
  ['revenue_90d', 'revenue_90d::VARCHAR', 'money', 'Sum of revenue_90d over profiles.'],
  ['avg_order_value', 'CASE WHEN orders > 0 THEN c360_fixed_text(c360_round_scaled(c360_money_cents(revenue)::DOUBLE / orders, 0), 2) END', 'money', 'lifetime_revenue / sum of orders_count.'],
  ['can_email_rate', 'CASE WHEN profiles > 0 THEN c360_fmt_decimal(can_email::DOUBLE / profiles, 4) END', 'rate', 'Share of profiles with can_email.'],
  ['can_sms_rate', 'CASE WHEN profiles > 0 THEN c360_fmt_decimal(can_sms::DOUBLE / profiles, 4) END', 'rate', 'Share of profiles with can_sms.'],
  ['can_target_ads_rate', 'CASE WHEN profiles > 0 THEN c360_fmt_decimal(can_ads::DOUBLE / profiles, 4) END', 'rate', 'Share of profiles with can_target_ads.'],
  ['tickets_open', 'tickets_open::VARCHAR', 'count', 'Sum of tickets_open over profiles.'],
  ['avg_csat', 'CASE WHEN csat_count > 0 THEN c360_fmt_decimal(csat_sum::DOUBLE / csat_count, 4) END', 'score', 'Mean csat_score of rated tickets attributed to a profile.'],
  ['anonymous_click_events', 'anonymous::VARCHAR', 'count', 'Clean click events with no customer_key (never stitched to a profile).'],
];

const kpiSummary: SqlModel = {
  name: 'kpi_summary', folder: 'gold', materialized: 'table',
  grain: 'one row per KPI; value is text as written (counts whole, money with 2 decimals, rates with 4).',
  spark: 'Same SQL; the unpivot can also be written with stack(14, ...).',
  flink: 'A global (non-keyed) GROUP BY over customer_360 is a single-parallelism updating aggregate; emit it to an upsert sink keyed by kpi, or compute it in batch.',
  sql: `WITH totals AS (
    SELECT count(*) AS profiles,
      count(*) FILTER (WHERE orders_count > 0) AS with_orders,
      count(*) FILTER (WHERE orders_90d > 0) AS active_90d,
      CAST(coalesce(sum(lifetime_revenue), 0) AS DECIMAL(18, 2)) AS revenue,
      CAST(coalesce(sum(revenue_90d), 0) AS DECIMAL(18, 2)) AS revenue_90d,
      coalesce(sum(orders_count), 0) AS orders,
      count(*) FILTER (WHERE can_email) AS can_email,
      count(*) FILTER (WHERE can_sms) AS can_sms,
      count(*) FILTER (WHERE can_target_ads) AS can_ads,
      coalesce(sum(tickets_open), 0) AS tickets_open
    FROM {{ ref('customer_360') }}
  ),
  records AS (SELECT count(*) AS records FROM {{ ref('customer_identity') }}),
  csat AS (
    SELECT coalesce(sum(csat_score), 0) AS csat_sum, count(csat_score) AS csat_count
    FROM {{ ref('support_tickets_clean') }} WHERE customer_key IS NOT NULL
  ),
  anonymous AS (SELECT count(*) AS anonymous FROM {{ ref('clickstream_clean') }} WHERE customer_key IS NULL),
  facts AS (SELECT * FROM totals, records, csat, anonymous)
${kpis.map(([kpi, value, unit, def], i) => `SELECT ${lit(kpi)} AS kpi, ${value} AS value, ${lit(unit)} AS unit, ${lit(def)} AS definition, ${i + 1} AS kpi_order FROM facts`).join('\nUNION ALL\n')}`,
};

const audience = (name: string, column: string, value: string, where: string, grain: string): SqlModel => ({
  name, folder: 'gold', materialized: 'table', grain,
  spark: name === 'activation_ads' ? 'sha256(email) is sha2(email, 256).' : 'Same SQL.',
  flink: 'A filter over the customer_360 changelog to an upsert-kafka sink keyed by customer_key: a withdrawn consent becomes a delete (tombstone) the activation connector must honour.',
  sql: `SELECT customer_key, ${value} AS ${column}
FROM {{ ref('customer_360') }}
WHERE ${where}`,
});

export function goldModels(): SqlModel[] {
  return [
    customer360, segmentSummary, kpiSummary,
    audience('activation_email', 'email', 'email', 'can_email AND email IS NOT NULL', 'one row per profile with can_email: only the key and the address.'),
    audience('activation_sms', 'phone', 'phone', 'can_sms AND phone IS NOT NULL', 'one row per profile with can_sms: only the key and the E.164 phone.'),
    audience('activation_ads', 'email_sha256', 'sha256(email)', 'can_target_ads AND email IS NOT NULL', 'one row per profile with can_target_ads and an email: the key and the sha256 of the email.'),
  ];
}
