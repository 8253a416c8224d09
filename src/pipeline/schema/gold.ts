// Gold: the serving marts. Column descriptions are the rules, written for a learner.
import type { ColumnDef, TableSchema } from '../table';
import * as E from './enums';

export const SEGMENTS = ['Prospect', 'New', 'Champion', 'Loyal', 'Promising', 'At Risk', 'Hibernating'] as const;
export const VALUE_TIERS = ['high', 'medium', 'low', 'none'] as const;
export const CHURN_BANDS = ['low', 'medium', 'high'] as const;
export const CONSENT_STATES = ['granted', 'withdrawn', 'unknown'] as const;

const consentCol = (purpose: string): ColumnDef => ({
  name: `consent_${purpose}`, type: 'enum', values: CONSENT_STATES,
  description: `Status of the latest ${purpose} consent event over all of the person's records (by event_ts, then event_id); unknown if none.`,
});

export const customer360Schema: TableSchema = {
  name: 'customer_360', path: 'gold/customer_360.csv', layer: 'gold',
  grain: 'One row per resolved person (customer_key).',
  description: 'The Customer 360 serving mart: profile, value, behaviour, service, campaign response, consent and segment, computed as of the run\'s now.',
  columns: [
    { name: 'customer_key', type: 'string', description: 'Resolved person.' },
    { name: 'full_name', type: 'string', description: 'First and last name joined by one space (the parts present).' },
    { name: 'email', type: 'string', description: 'Normalised email from the profile base.' },
    { name: 'phone', type: 'string', description: 'E.164 phone from the profile base.' },
    { name: 'country', type: 'string', description: 'Country from the profile base.' },
    { name: 'city', type: 'string', description: 'City from the profile base.' },
    { name: 'source_systems', type: 'string', description: 'Systems the person has records in.' },
    { name: 'source_record_count', type: 'integer', description: 'Number of merged source records.' },
    { name: 'orders_count', type: 'integer', description: 'Counted orders: current, not deleted, status placed, shipped or delivered.' },
    { name: 'lifetime_revenue', type: 'money', description: 'Sum of amount over counted orders.' },
    { name: 'orders_90d', type: 'integer', description: 'Counted orders with order_ts in the 90 days up to now (now - 90d < t <= now).' },
    { name: 'revenue_90d', type: 'money', description: 'Sum of amount of those orders.' },
    { name: 'avg_order_value', type: 'money', description: 'lifetime_revenue / orders_count; empty without orders.' },
    { name: 'first_order_at', type: 'timestamp', description: 'Earliest order_ts of counted orders.' },
    { name: 'last_order_at', type: 'timestamp', description: 'Latest order_ts of counted orders.' },
    { name: 'days_since_last_order', type: 'integer', description: 'Whole days from last_order_at to now (floor); empty without orders.' },
    { name: 'sessions_30d', type: 'integer', description: 'Distinct session_id of the person\'s click events in the last 30 days.' },
    { name: 'product_views_30d', type: 'integer', description: 'product_view events in the last 30 days.' },
    { name: 'add_to_cart_30d', type: 'integer', description: 'add_to_cart events in the last 30 days.' },
    { name: 'last_seen_at', type: 'timestamp', description: 'Latest event_ts of the person\'s click events.' },
    { name: 'tickets_total', type: 'integer', description: 'All support tickets attributed to the person.' },
    { name: 'tickets_open', type: 'integer', description: 'Tickets with status open or pending.' },
    { name: 'avg_csat', type: 'decimal4', description: 'Mean of rated csat_score; empty if none rated.' },
    { name: 'campaign_sent_90d', type: 'integer', description: 'Campaign sent events in the last 90 days.' },
    { name: 'campaign_opened_90d', type: 'integer', description: 'Campaign opened events in the last 90 days.' },
    { name: 'campaign_clicked_90d', type: 'integer', description: 'Campaign clicked events in the last 90 days.' },
    ...E.CONSENT_PURPOSES.map(consentCol),
    { name: 'consent_updated_at', type: 'timestamp', description: 'Latest event_ts of the person\'s consent events.' },
    { name: 'can_email', type: 'boolean', description: 'Email marketing consent granted and an email present.' },
    { name: 'can_sms', type: 'boolean', description: 'SMS marketing consent granted and a phone present.' },
    { name: 'can_target_ads', type: 'boolean', description: 'Personalised ads consent granted.' },
    { name: 'segment', type: 'enum', values: SEGMENTS, description: 'First rule that holds (F = orders_count, R = days_since_last_order): Prospect F=0; New F=1 and R<=30; Champion R<=30 and F>=5; Loyal R<=90 and F>=3; Promising R<=90; At Risk R<=180; Hibernating otherwise.' },
    { name: 'value_tier', type: 'enum', values: VALUE_TIERS, description: 'lifetime_revenue >= 1000 high, >= 250 medium, > 0 low, else none.' },
    { name: 'churn_risk', type: 'decimal4', description: '1/(1+e^-x), x = -1.5 + 0.015R - 0.4 min(orders_90d,5) + 0.6 tickets_open - 0.35 (avg_csat - 3, or 0) - 0.05 min(sessions_30d,10); empty without orders.' },
    { name: 'churn_risk_band', type: 'enum', values: CHURN_BANDS, description: 'churn_risk < 0.33 low, < 0.66 medium, else high; empty without orders.' },
  ],
};

export const segmentSummarySchema: TableSchema = {
  name: 'segment_summary', path: 'gold/segment_summary.csv', layer: 'gold',
  grain: 'One row per segment (all seven, empty ones included).',
  description: 'Segment sizes, value and contactability, from customer_360.',
  columns: [
    { name: 'segment', type: 'enum', values: SEGMENTS, description: 'Segment.' },
    { name: 'customers', type: 'integer', description: 'Profiles in the segment.' },
    { name: 'share_of_customers', type: 'decimal4', description: 'customers / all profiles.' },
    { name: 'lifetime_revenue', type: 'money', description: 'Sum of lifetime_revenue.' },
    { name: 'revenue_90d', type: 'money', description: 'Sum of revenue_90d.' },
    { name: 'avg_lifetime_revenue', type: 'money', description: 'lifetime_revenue / customers; empty for an empty segment.' },
    { name: 'avg_orders', type: 'decimal4', description: 'Mean orders_count; empty for an empty segment.' },
    { name: 'can_email_rate', type: 'decimal4', description: 'Share of the segment with can_email; empty for an empty segment.' },
    { name: 'avg_churn_risk', type: 'decimal4', description: 'Mean churn_risk over the segment\'s profiles that have one; empty if none.' },
    { name: 'tickets_open', type: 'integer', description: 'Sum of tickets_open.' },
  ],
};

export const kpiSummarySchema: TableSchema = {
  name: 'kpi_summary', path: 'gold/kpi_summary.csv', layer: 'gold',
  grain: 'One row per KPI.',
  description: 'Headline figures of the Customer 360, totals over customer_360 (attributed data only) unless stated.',
  columns: [
    { name: 'kpi', type: 'string', description: 'KPI name.' },
    { name: 'value', type: 'string', description: 'Value as written: counts whole, money with 2 decimals, rates with 4.' },
    { name: 'unit', type: 'string', description: 'count, ratio, rate, money or score.' },
    { name: 'definition', type: 'string', description: 'How it is computed.' },
  ],
};

export const activationEmailSchema: TableSchema = {
  name: 'activation_email', path: 'gold/activation_email.csv', layer: 'gold',
  grain: 'One row per profile with can_email.',
  description: 'Email marketing audience: only the key and the address, only people with current email consent.',
  columns: [
    { name: 'customer_key', type: 'string', description: 'Resolved person.' },
    { name: 'email', type: 'string', description: 'Normalised email.' },
  ],
};

export const activationSmsSchema: TableSchema = {
  name: 'activation_sms', path: 'gold/activation_sms.csv', layer: 'gold',
  grain: 'One row per profile with can_sms.',
  description: 'SMS audience: only the key and the E.164 phone, only people with current SMS consent.',
  columns: [
    { name: 'customer_key', type: 'string', description: 'Resolved person.' },
    { name: 'phone', type: 'string', description: 'E.164 phone.' },
  ],
};

export const activationAdsSchema: TableSchema = {
  name: 'activation_ads', path: 'gold/activation_ads.csv', layer: 'gold',
  grain: 'One row per profile with can_target_ads and an email.',
  description: 'Ads customer-list audience: the key and the sha256 of the normalised email, as ad platforms take it.',
  columns: [
    { name: 'customer_key', type: 'string', description: 'Resolved person.' },
    { name: 'email_sha256', type: 'string', description: 'Lower-case sha256 hex of the normalised email.' },
  ],
};
