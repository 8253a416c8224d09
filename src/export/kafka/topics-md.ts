// export/kafka/topics.md: one section per topic (name, key, partitioning, cleanup policy, why), with
// what this run puts on it. Made from TOPICS and the run only: same bytes everywhere.
import type { PipelineRun } from '../../pipeline/run';
import { cellReader, recordReader } from './json-cell';
import { TOPICS, type TopicSpec } from './topics';

interface TopicCounts {
  readonly records: number;
  readonly tombstones: number;
  readonly keys: number;
}

function countsOf(run: PipelineRun, spec: TopicSpec): TopicCounts {
  const raw = run.sources[spec.source];
  const keyOf = recordReader(raw, spec.key);
  const keys = new Set<string>();
  for (let r = 0; r < raw.rowCount; r++) keys.add(JSON.stringify(keyOf(r)));
  let tombstones = 0;
  if (spec.format === 'Debezium change events') {
    const op = cellReader(raw, 'op');
    for (let r = 0; r < raw.rowCount; r++) if (op(r) === 'd') tombstones++;
  }
  return { records: raw.rowCount + tombstones, tombstones, keys: keys.size };
}

const CONVENTIONS = [
  'Each line of a `.jsonl` file is one Kafka record: `{"key": {...}, "value": {...}}`, in the raw file\'s order (arrival order).',
  'Keys and values are JSON, as Kafka Connect\'s JsonConverter writes them with `schemas.enable=false`.',
  'A record goes to partition murmur2(key bytes) mod partitions, Kafka\'s default partitioner. Records of one key stay in order, records of different keys do not. '
    + 'Adding partitions later moves keys to other partitions, so size the partition count up front.',
  'The CDC topics use Debezium\'s envelope: `before`, `after`, `source` (connector, name, ts_ms = commit time, snapshot, db, schema, table, lsn), `op` and `ts_ms`. '
    + '`op` is c, u or d for changes and r for snapshot reads. `ts_ms` is when the connector handled the change: here, the row\'s bronze `_ingested_at`, never the wall clock.',
  'Money is a decimal string (`decimal.handling.mode=string`: exact, where a double is not). '
    + 'Timestamps are ISO 8601 UTC strings (Debezium\'s `ZonedTimestamp` for `timestamptz` columns), except `ts_ms` fields, which are epoch milliseconds.',
  'A value the source sent in a form its type cannot hold (an unparseable time or amount, an unknown enum value, an LSN printed as `0/1A2B3C`) '
    + 'travels as its raw text, and an empty field as null. These are the rows silver quarantines. Keeping them as sent lets a replay quarantine them again for the same reasons.',
  'Text is exactly as the source sent it: the CSV writer\'s leading `\'` against spreadsheet formulas is not applied. A consumer that writes CSV must neutralise formulas itself.',
  '`before` of an orders change is the order\'s row as the topic had delivered it so far: null for a create, and null if nothing was delivered yet. '
    + 'A delete has `after: null` and is followed by a tombstone (`"value": null`). '
    + 'A delete carries only the key, `lsn` and the commit time (`source.ts_ms`), as the source\'s delete rows do.',
  '`replayOrdersCdc` (src/export/kafka/replay-orders.ts) turns orders.cdc.jsonl back into raw/orders.csv. '
    + 'Running the lab\'s silver step on the result gives the same silver/orders_current.csv, byte for byte.',
];

const rawPathOf = (spec: TopicSpec) => `raw/${spec.source}.csv`;

function section(spec: TopicSpec, c: TopicCounts): string[] {
  return [
    `## \`${spec.topic}\``,
    '',
    `- File: \`${spec.path}\` (${spec.format}, from \`${rawPathOf(spec)}\`)`,
    `- Key: ${spec.key.map((k) => `\`${k}\``).join(' + ')}`,
    `- Partitioning: ${spec.partitioning}`,
    `- Config: ${spec.config.map((k) => `\`${k}\``).join(', ')}`,
    `- Why: ${spec.why}`,
    `- This run: ${c.records} records${c.tombstones ? ` (${c.tombstones} of them tombstones)` : ''}, ${c.keys} distinct keys.`,
    '',
  ];
}

export function topicsMarkdown(run: PipelineRun): string {
  const p = run.params;
  return [
    '# Kafka topics of the Customer 360 Lab',
    '',
    `Run: seed ${p.seed}, ${p.customers} customers, as of ${p.now}, injected problems ${p.issues ? 'on' : 'off'}.`,
    '',
    'The raw files are what these topics would deliver. `export/kafka/` holds each topic as JSON lines. To load one into a real broker, '
      + 'produce each line\'s `key` and `value` as the record\'s key and value (for example with `kcat -P -K`).',
    '',
    '## Conventions',
    '',
    ...CONVENTIONS.map((c) => `- ${c}`),
    '',
    ...TOPICS.flatMap((spec) => section(spec, countsOf(run, spec))),
  ].join('\n');
}
