// The Kafka / Debezium export: what the raw files would be as topics, and the replay back.
export { kafkaFiles, TOPICS_MD_PATH } from './kafka-files';
export { replayOrdersCdc } from './replay-orders';
export { TOPICS, type TopicSpec } from './topics';
export { ORDER_ROW_COLUMNS } from './orders-cdc';
export { topicRecordCount } from './record-count';
