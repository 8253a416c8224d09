// Debezium's change-event envelope, as the JSON converter writes it with `schemas.enable=false`:
// the Kafka value is {before, after, source, op, ts_ms}; the key is the table's primary key.
// Lines are assembled from JSON.stringify'd parts (a row's `after` is reused as the next change's
// `before` without being serialised twice).
import type { JsonCell } from './json-cell';

/** The PostgreSQL connector's `topic.prefix`, which names the topics and `source.name`. */
export const TOPIC_PREFIX = 'turanmart';
export const SOURCE_DB = 'turanmart';
export const SOURCE_SCHEMA = 'public';
export const CONNECTOR = 'postgresql';

export interface SourceBlock {
  readonly table: string;
  /** Commit time in the source database (epoch ms), or raw text when the source sent none readable. */
  readonly tsMs: number | string | null;
  readonly snapshot: 'true' | 'false';
  /** Log sequence number of the commit; absent on snapshot reads. */
  readonly lsn?: JsonCell;
}

/** `source` in Debezium's field order (version, txId, sequence and xmin are left out: the lab has none). */
export function sourceJson(s: SourceBlock): string {
  const block: Record<string, JsonCell> = {
    connector: CONNECTOR, name: TOPIC_PREFIX, ts_ms: s.tsMs, snapshot: s.snapshot, db: SOURCE_DB, schema: SOURCE_SCHEMA, table: s.table,
  };
  if (s.lsn !== undefined) block.lsn = s.lsn;
  return JSON.stringify(block);
}

/** One Kafka record as a line: {"key": ..., "value": {before, after, source, op, ts_ms}}. */
export function changeEventLine(keyJson: string, beforeJson: string, afterJson: string, source: SourceBlock, op: string | null, tsMs: number): string {
  return `{"key":${keyJson},"value":{"before":${beforeJson},"after":${afterJson},"source":${sourceJson(source)},` +
    `"op":${JSON.stringify(op)},"ts_ms":${JSON.stringify(tsMs)}}}`;
}

/** The tombstone Debezium writes after a delete, so log compaction can drop the key entirely. */
export function tombstoneLine(keyJson: string): string {
  return `{"key":${keyJson},"value":null}`;
}
