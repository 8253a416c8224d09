// Raw sources: what Debezium CDC and the event streams would deliver. Column storage the generator
// must use is noted per column (text | number | code | id); the CSV writer turns it into text.
import type { TableSchema } from '../table';
import * as E from './enums';

export const rawCustomers: TableSchema = {
  name: 'customers', path: 'raw/customers.csv', layer: 'raw',
  grain: 'One row per customer record in one source system, as the snapshot delivered it.',
  description: 'Customer master snapshot from the web shop, the stores and the CRM. One person may have records in several systems.',
  columns: [
    { name: 'source_system', type: 'enum', values: E.SOURCE_SYSTEMS, description: 'System the record comes from: web, store or crm. (code)' },
    { name: 'source_customer_id', type: 'string', description: 'Customer id, unique within its system. (text)' },
    { name: 'first_name', type: 'string', description: 'Given name as typed into the source system. (text)' },
    { name: 'last_name', type: 'string', description: 'Family name as typed into the source system. (text)' },
    { name: 'email', type: 'string', description: 'Email as typed: case, spaces and placeholders vary by system. (text)' },
    { name: 'phone', type: 'string', description: 'Phone as typed: national with trunk 0, or international with + or 00. (text)' },
    { name: 'city', type: 'string', description: 'City of the customer. (text)' },
    { name: 'country', type: 'string', description: 'ISO 3166 alpha-2 country code. (text)' },
    { name: 'loyalty_id', type: 'string', description: 'Loyalty card number, if the person joined the programme. (text)' },
    { name: 'created_at', type: 'timestamp', description: 'When the record was created in its system. (number, ms)' },
    { name: 'updated_at', type: 'timestamp', description: 'When the record last changed in its system. (number, ms)' },
  ],
};

export const rawOrders: TableSchema = {
  name: 'orders', path: 'raw/orders.csv', layer: 'raw',
  grain: 'One row per change captured from the orders table (CDC), in arrival order.',
  description: 'The change log of the orders table as Debezium would capture it: a create, then updates as the status moves, a few deletes; arrives out of order and sometimes twice.',
  columns: [
    { name: 'lsn', type: 'integer', description: 'Log sequence number: increases in commit order. (number)' },
    { name: 'op', type: 'enum', values: E.CDC_OPS, description: 'Change type: c create, u update, d delete. (code)' },
    { name: 'order_id', type: 'string', description: 'Order id. (id)' },
    { name: 'source_system', type: 'enum', values: E.SOURCE_SYSTEMS, description: 'System of the ordering customer record. (code)' },
    { name: 'source_customer_id', type: 'string', description: 'Customer id in that system. (code, into a dictionary of customer ids)' },
    { name: 'order_ts', type: 'timestamp', description: 'When the order was placed. (number, ms)' },
    { name: 'status', type: 'enum', values: E.ORDER_STATUSES, description: 'Order status after this change. (code)' },
    { name: 'channel', type: 'enum', values: E.ORDER_CHANNELS, description: 'Where the order was placed. (code)' },
    { name: 'amount', type: 'money', description: 'Order total in the order currency. (number, cents)' },
    { name: 'currency', type: 'string', description: 'ISO 4217 currency code; every order is in USD. (code)' },
    { name: 'updated_at', type: 'timestamp', description: 'When this change was committed. (number, ms)' },
  ],
};

export const rawClickstream: TableSchema = {
  name: 'clickstream', path: 'raw/clickstream.csv', layer: 'raw',
  grain: 'One row per delivered click event (at-least-once: an event may arrive twice).',
  description: 'Web and app behaviour events from the tracking stream, in arrival (ingest) order.',
  columns: [
    { name: 'event_id', type: 'string', description: 'Event id; repeats when the stream redelivers. (id)' },
    { name: 'event_ts', type: 'timestamp', description: 'When the event happened on the device (event time). (number, ms)' },
    { name: 'ingest_ts', type: 'timestamp', description: 'When the platform received it (processing time). (number, ms)' },
    { name: 'session_id', type: 'string', description: 'Browsing session id. (id)' },
    { name: 'anonymous_id', type: 'string', description: 'Device cookie id. (id)' },
    { name: 'source_customer_id', type: 'string', description: 'Web customer id, only while logged in. (code, into a dictionary of customer ids)' },
    { name: 'event_type', type: 'enum', values: E.CLICK_EVENT_TYPES, description: 'What the visitor did. (code)' },
    { name: 'product_id', type: 'string', description: 'Product viewed or added, when there is one. (id)' },
    { name: 'page', type: 'string', description: 'Page path. (code)' },
  ],
};

export const rawSupportTickets: TableSchema = {
  name: 'support_tickets', path: 'raw/support_tickets.csv', layer: 'raw',
  grain: 'One row per support ticket as exported by the help desk.',
  description: 'Help-desk tickets, keyed only by the email the contact typed.',
  columns: [
    { name: 'ticket_id', type: 'string', description: 'Ticket id. (id)' },
    { name: 'email', type: 'string', description: 'Email as typed by the contact. (text)' },
    { name: 'opened_at', type: 'timestamp', description: 'When the ticket was opened. (number, ms)' },
    { name: 'closed_at', type: 'timestamp', description: 'When it was closed, if it was. (number, ms)' },
    { name: 'status', type: 'enum', values: E.TICKET_STATUSES, description: 'open, pending, solved or closed. (code)' },
    { name: 'priority', type: 'enum', values: E.TICKET_PRIORITIES, description: 'low, normal, high or urgent. (code)' },
    { name: 'channel', type: 'enum', values: E.TICKET_CHANNELS, description: 'email, chat or phone. (code)' },
    { name: 'topic', type: 'string', description: 'What the ticket is about. (code)' },
    { name: 'csat_score', type: 'integer', description: 'Satisfaction 1-5, empty if not rated. (number)' },
  ],
};

export const rawCampaignEvents: TableSchema = {
  name: 'campaign_events', path: 'raw/campaign_events.csv', layer: 'raw',
  grain: 'One row per campaign delivery or engagement event.',
  description: 'Marketing campaign funnel events from the CRM, keyed by the CRM customer id.',
  columns: [
    { name: 'event_id', type: 'string', description: 'Event id. (id)' },
    { name: 'campaign_id', type: 'string', description: 'Campaign id. (code)' },
    { name: 'campaign_name', type: 'string', description: 'Campaign name. (code)' },
    { name: 'channel', type: 'enum', values: E.CAMPAIGN_CHANNELS, description: 'email, sms or ads. (code)' },
    { name: 'source_customer_id', type: 'string', description: 'CRM customer id. (code, into a dictionary of customer ids)' },
    { name: 'event_type', type: 'enum', values: E.CAMPAIGN_EVENT_TYPES, description: 'sent, delivered, opened, clicked, unsubscribed or converted. (code)' },
    { name: 'event_ts', type: 'timestamp', description: 'When it happened. (number, ms)' },
  ],
};

export const rawConsentEvents: TableSchema = {
  name: 'consent_events', path: 'raw/consent_events.csv', layer: 'raw',
  grain: 'One row per consent decision a customer record made for one purpose.',
  description: 'Consent grants and withdrawals per purpose, from every system that captures them.',
  columns: [
    { name: 'event_id', type: 'string', description: 'Event id. (id)' },
    { name: 'source_system', type: 'enum', values: E.SOURCE_SYSTEMS, description: 'System that captured it. (code)' },
    { name: 'source_customer_id', type: 'string', description: 'Customer id in that system. (code, into a dictionary of customer ids)' },
    { name: 'purpose', type: 'enum', values: E.CONSENT_PURPOSES, description: 'email_marketing, sms_marketing or personalized_ads. (code)' },
    { name: 'status', type: 'enum', values: E.CONSENT_STATUSES, description: 'granted or withdrawn. (code)' },
    { name: 'event_ts', type: 'timestamp', description: 'When the decision was made. (number, ms)' },
    { name: 'capture_point', type: 'enum', values: E.CAPTURE_POINTS, description: 'Where it was captured. (code)' },
  ],
};

export const truthPersonMap: TableSchema = {
  name: 'person_map', path: 'truth/person_map.csv', layer: 'truth',
  grain: 'One row per customer source record, with the real person behind it.',
  description: 'Generator ground truth, not observable in production: lets the lab measure identity resolution.',
  columns: [
    { name: 'source_system', type: 'enum', values: E.SOURCE_SYSTEMS, description: 'System of the record. (code)' },
    { name: 'source_customer_id', type: 'string', description: 'Customer id in that system. (text)' },
    { name: 'person_id', type: 'string', description: 'The simulated real person. (id)' },
  ],
};

export const RAW_SCHEMAS = [rawCustomers, rawOrders, rawClickstream, rawSupportTickets, rawCampaignEvents, rawConsentEvents] as const;
export type RawSourceName = (typeof RAW_SCHEMAS)[number]['name'];
