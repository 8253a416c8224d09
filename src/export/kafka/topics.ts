// The Kafka topics the raw files stand for, as data: name, file, key, cleanup policy and why.
// topics.md and kafkaFiles are both made from this list.
import type { PipelineRun, SourceName } from '../../pipeline/run';
import { TOPIC_PREFIX } from './debezium';
import { ordersCdcLines } from './orders-cdc';
import { CUSTOMER_KEY_COLUMNS, customersCdcLines } from './customers-cdc';
import { keyedEventLines } from './event-streams';

export interface TopicSpec {
  readonly topic: string;
  /** Path in the run tree. */
  readonly path: string;
  readonly source: SourceName;
  readonly format: 'Debezium change events' | 'Debezium snapshot reads' | 'events';
  readonly key: readonly string[];
  /** Why this key: what partitioning by it keeps in order. */
  readonly partitioning: string;
  /** Topic-level config, as `kafka-topics --config` takes it. */
  readonly config: readonly string[];
  readonly why: string;
  readonly lines: (run: PipelineRun, emit: (line: string) => void) => void;
}

const DAY_MS = 86_400_000;
const events = (source: SourceName, key: readonly string[]) =>
  (run: PipelineRun, emit: (line: string) => void) => keyedEventLines(run.sources[source], key, emit);

export const TOPICS: readonly TopicSpec[] = [
  {
    topic: `${TOPIC_PREFIX}.public.customers`, path: 'export/kafka/customers.cdc.jsonl', source: 'customers',
    format: 'Debezium snapshot reads', key: CUSTOMER_KEY_COLUMNS,
    partitioning: 'All versions of one source record land in one partition, so the latest version is the last one read.',
    config: ['cleanup.policy=compact', `delete.retention.ms=${DAY_MS}`],
    why: 'Consumers need the current state of each record, not its history, and compaction keeps exactly that. '
      + 'A tombstone for a key erases that customer\'s personal data from the topic after compaction, which is how a right-to-erasure request reaches Kafka. '
      + 'In production each system (web, store, crm) has its own connector and topic; the lab has one file for the three, keyed by system and id.',
    lines: customersCdcLines,
  },
  {
    topic: `${TOPIC_PREFIX}.public.orders`, path: 'export/kafka/orders.cdc.jsonl', source: 'orders',
    format: 'Debezium change events', key: ['order_id'],
    partitioning: 'All changes of one order land in one partition, in the order they were produced, so an upsert job sees them in sequence.',
    config: ['cleanup.policy=compact', `delete.retention.ms=${DAY_MS}`, `min.compaction.lag.ms=${7 * DAY_MS}`],
    why: 'orders_current is the latest change per order, which is what compaction keeps. Tombstones let compaction drop deleted orders. '
      + 'delete.retention.ms keeps each tombstone for a day so slow consumers still see the delete. '
      + 'min.compaction.lag.ms keeps a week of full history for replays. '
      + 'Compaction keeps the last record by offset, not the highest lsn. That is right only while the producer writes each key in commit order, '
      + 'as Debezium does. The lab\'s log is deliberately out of order and redelivered, so silver takes the highest lsn. '
      + 'Bronze, not the topic, keeps the complete log.',
    lines: ordersCdcLines,
  },
  {
    topic: `${TOPIC_PREFIX}.events.clickstream`, path: 'export/kafka/clickstream.jsonl', source: 'clickstream',
    format: 'events', key: ['anonymous_id'],
    partitioning: 'All events of one device stay in one partition and in order, so device stitching can follow a device from anonymous to logged in.',
    config: ['cleanup.policy=delete', `retention.ms=${7 * DAY_MS}`],
    why: 'This is the largest stream, and every event matters only as history: nothing to compact. '
      + 'Seven days covers late events and a few days of reprocessing after an outage. Bronze keeps the rest.',
    lines: events('clickstream', ['anonymous_id']),
  },
  {
    topic: `${TOPIC_PREFIX}.events.consent_events`, path: 'export/kafka/consent_events.jsonl', source: 'consent_events',
    format: 'events', key: ['source_system', 'source_customer_id'],
    partitioning: 'All decisions of one customer record stay in order, so the latest decision per purpose is the last one read.',
    config: ['cleanup.policy=delete', 'retention.ms=-1'],
    why: 'Consent history is legal evidence (who agreed to what, when and where), so it is kept for good. '
      + 'Compaction would be wrong here: the key covers all three purposes, so it would keep one purpose\'s latest decision and drop the others.',
    lines: events('consent_events', ['source_system', 'source_customer_id']),
  },
  {
    topic: `${TOPIC_PREFIX}.events.campaign_events`, path: 'export/kafka/campaign_events.jsonl', source: 'campaign_events',
    format: 'events', key: ['source_customer_id'],
    partitioning: 'All events of one CRM customer stay in order (sent before opened before clicked).',
    config: ['cleanup.policy=delete', `retention.ms=${30 * DAY_MS}`],
    why: 'This is funnel history. Gold reads 90-day windows from the lakehouse, not from Kafka, so 30 days covers replays without keeping personal data on the brokers longer than needed.',
    lines: events('campaign_events', ['source_customer_id']),
  },
  {
    topic: `${TOPIC_PREFIX}.events.support_tickets`, path: 'export/kafka/support_tickets.jsonl', source: 'support_tickets',
    format: 'events', key: ['ticket_id'],
    partitioning: 'All updates of one ticket stay in order. The contact email is not the key: it is personal data, and it is spelled as typed.',
    config: ['cleanup.policy=compact', `delete.retention.ms=${DAY_MS}`],
    why: 'The help desk sends a ticket\'s state as it changes, and consumers want each ticket\'s latest state, which compaction keeps.',
    lines: events('support_tickets', ['ticket_id']),
  },
];
