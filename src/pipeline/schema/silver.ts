// Silver: validated, deduplicated, normalised and attributed to a resolved person.
import type { TableSchema } from '../table';
import * as E from './enums';

export const quarantineSchema: TableSchema = {
  name: 'quarantine', path: 'silver/quarantine.csv', layer: 'silver',
  grain: 'One row per bronze row that failed validation.',
  description: 'Rows held back with the first validation rule they broke; nothing is dropped silently.',
  columns: [
    { name: 'source', type: 'string', description: 'Raw source the row came from (customers, orders, ...).' },
    { name: '_bronze_row_id', type: 'integer', description: 'Row id in the bronze table (its 1-based position in the raw file).' },
    { name: 'reason', type: 'enum', values: ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'unparseable_amount', 'future_timestamp'], description: 'First rule broken, in the order missing_key, unknown_enum, unparseable_timestamp, unparseable_amount, future_timestamp.' },
    { name: 'record', type: 'string', description: 'The raw CSV line as it arrived.' },
  ],
};

export const QUARANTINE_REASONS = quarantineSchema.columns[2].values!;

export const customerIdentitySchema: TableSchema = {
  name: 'customer_identity', path: 'silver/customer_identity.csv', layer: 'silver',
  grain: 'One row per deduplicated customer source record.',
  description: 'Identity resolution: each source record and the person (customer_key) it was resolved to.',
  columns: [
    { name: 'source_system', type: 'enum', values: E.SOURCE_SYSTEMS, description: 'System of the record.' },
    { name: 'source_customer_id', type: 'string', description: 'Customer id in that system.' },
    { name: 'customer_key', type: 'string', description: 'Resolved person: a hash of the member records, stable across runs.' },
    { name: 'match_rule', type: 'string', description: 'singleton, or the identifier kinds (email|phone|loyalty) this record shares with another member.' },
    { name: 'cluster_size', type: 'integer', description: 'Number of source records resolved to this person.' },
  ],
};

export const customerProfileBaseSchema: TableSchema = {
  name: 'customer_profile_base', path: 'silver/customer_profile_base.csv', layer: 'silver',
  grain: 'One row per resolved person (customer_key).',
  description: 'Golden record by survivorship: each field from the most recently updated member record that has it.',
  columns: [
    { name: 'customer_key', type: 'string', description: 'Resolved person.' },
    { name: 'first_name', type: 'string', description: 'Given name from the most recently updated record that has one.' },
    { name: 'last_name', type: 'string', description: 'Family name, by the same survivorship rule.' },
    { name: 'email', type: 'string', description: 'Normalised email (trimmed, lower-case), by survivorship.' },
    { name: 'phone', type: 'string', description: 'Phone in E.164, by survivorship.' },
    { name: 'city', type: 'string', description: 'City, by survivorship.' },
    { name: 'country', type: 'string', description: 'Country (ISO alpha-2), by survivorship.' },
    { name: 'loyalty_id', type: 'string', description: 'Loyalty id, by survivorship.' },
    { name: 'source_record_count', type: 'integer', description: 'Number of member source records.' },
    { name: 'source_systems', type: 'string', description: 'Systems of the member records, sorted and |-joined.' },
    { name: 'first_seen_at', type: 'timestamp', description: 'Earliest created_at of the member records.' },
    { name: 'profile_updated_at', type: 'timestamp', description: 'Latest updated_at of the member records.' },
  ],
};

const customerKeyCol = { name: 'customer_key', type: 'string', description: 'Resolved person; empty when the row matches no profile.' } as const;

export const ordersCurrentSchema: TableSchema = {
  name: 'orders_current', path: 'silver/orders_current.csv', layer: 'silver',
  grain: 'One row per live order: its change with the highest lsn (deleted orders are gone).',
  description: 'The orders table rebuilt from its CDC log, as a Flink or Spark upsert job would keep it.',
  columns: [
    { name: 'order_id', type: 'string', description: 'Order id.' },
    customerKeyCol,
    { name: 'source_system', type: 'enum', values: E.SOURCE_SYSTEMS, description: 'System of the ordering customer record.' },
    { name: 'source_customer_id', type: 'string', description: 'Customer id in that system.' },
    { name: 'order_ts', type: 'timestamp', description: 'When the order was placed.' },
    { name: 'status', type: 'enum', values: E.ORDER_STATUSES, description: 'Current status.' },
    { name: 'channel', type: 'enum', values: E.ORDER_CHANNELS, description: 'Where it was placed.' },
    { name: 'amount', type: 'money', description: 'Order total.' },
    { name: 'currency', type: 'string', description: 'Currency code.' },
    { name: 'updated_at', type: 'timestamp', description: 'Commit time of the current change.' },
    { name: 'lsn', type: 'integer', description: 'Log sequence number of the current change.' },
    { name: 'is_counted', type: 'boolean', description: 'Counts in gold metrics: status placed, shipped or delivered.' },
  ],
};

export const clickstreamCleanSchema: TableSchema = {
  name: 'clickstream_clean', path: 'silver/clickstream_clean.csv', layer: 'silver',
  grain: 'One row per click event_id (first arrival kept).',
  description: 'Deduplicated click events, attributed to a person through the web id or the stitched device.',
  columns: [
    { name: 'event_id', type: 'string', description: 'Event id.' },
    { name: 'event_ts', type: 'timestamp', description: 'Event time.' },
    { name: 'ingest_ts', type: 'timestamp', description: 'Arrival time.' },
    { name: 'session_id', type: 'string', description: 'Session id.' },
    { name: 'anonymous_id', type: 'string', description: 'Device cookie id.' },
    { name: 'source_customer_id', type: 'string', description: 'Web id while logged in.' },
    customerKeyCol,
    { name: 'attribution', type: 'enum', values: ['web_id', 'stitched', 'anonymous'], description: 'How the key was found: the event\'s own web id, the device\'s latest login, or none.' },
    { name: 'event_type', type: 'enum', values: E.CLICK_EVENT_TYPES, description: 'What the visitor did.' },
    { name: 'product_id', type: 'string', description: 'Product, if any.' },
    { name: 'page', type: 'string', description: 'Page path.' },
    { name: 'is_late', type: 'boolean', description: 'Arrived more than 1 hour after it happened.' },
  ],
};

export const supportTicketsCleanSchema: TableSchema = {
  name: 'support_tickets_clean', path: 'silver/support_tickets_clean.csv', layer: 'silver',
  grain: 'One row per ticket_id (first arrival kept).',
  description: 'Tickets attributed by normalised email when it belongs to exactly one person.',
  columns: [
    { name: 'ticket_id', type: 'string', description: 'Ticket id.' },
    { name: 'email_normalized', type: 'string', description: 'Contact email, trimmed and lower-cased; empty if not a valid address.' },
    customerKeyCol,
    { name: 'opened_at', type: 'timestamp', description: 'Opened.' },
    { name: 'closed_at', type: 'timestamp', description: 'Closed, if it was.' },
    { name: 'status', type: 'enum', values: E.TICKET_STATUSES, description: 'Status.' },
    { name: 'priority', type: 'enum', values: E.TICKET_PRIORITIES, description: 'Priority.' },
    { name: 'channel', type: 'enum', values: E.TICKET_CHANNELS, description: 'Contact channel.' },
    { name: 'topic', type: 'string', description: 'Topic.' },
    { name: 'csat_score', type: 'integer', description: 'Satisfaction 1-5, empty if not rated.' },
  ],
};

export const campaignEventsCleanSchema: TableSchema = {
  name: 'campaign_events_clean', path: 'silver/campaign_events_clean.csv', layer: 'silver',
  grain: 'One row per campaign event_id (first arrival kept).',
  description: 'Campaign funnel events attributed through the CRM id.',
  columns: [
    { name: 'event_id', type: 'string', description: 'Event id.' },
    { name: 'campaign_id', type: 'string', description: 'Campaign id.' },
    { name: 'campaign_name', type: 'string', description: 'Campaign name.' },
    { name: 'channel', type: 'enum', values: E.CAMPAIGN_CHANNELS, description: 'Channel.' },
    { name: 'source_customer_id', type: 'string', description: 'CRM id.' },
    customerKeyCol,
    { name: 'event_type', type: 'enum', values: E.CAMPAIGN_EVENT_TYPES, description: 'Funnel step.' },
    { name: 'event_ts', type: 'timestamp', description: 'When it happened.' },
  ],
};

export const consentEventsCleanSchema: TableSchema = {
  name: 'consent_events_clean', path: 'silver/consent_events_clean.csv', layer: 'silver',
  grain: 'One row per consent event_id (first arrival kept).',
  description: 'Consent decisions attributed through (source_system, source_customer_id).',
  columns: [
    { name: 'event_id', type: 'string', description: 'Event id.' },
    { name: 'source_system', type: 'enum', values: E.SOURCE_SYSTEMS, description: 'System that captured it.' },
    { name: 'source_customer_id', type: 'string', description: 'Customer id in that system.' },
    customerKeyCol,
    { name: 'purpose', type: 'enum', values: E.CONSENT_PURPOSES, description: 'Purpose.' },
    { name: 'status', type: 'enum', values: E.CONSENT_STATUSES, description: 'granted or withdrawn.' },
    { name: 'event_ts', type: 'timestamp', description: 'When it was decided.' },
    { name: 'capture_point', type: 'enum', values: E.CAPTURE_POINTS, description: 'Where it was captured.' },
  ],
};
