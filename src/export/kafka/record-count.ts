// How many records a topic file holds, without making them: one per source row, plus a tombstone
// after each order delete. The app lists this for every topic; at 250,000 customers building the
// JSON just to count it would hold the worker for most of a minute.
import type { PipelineRun } from '../../pipeline/run';
import { cellReader } from './json-cell';
import type { TopicSpec } from './topics';

export function topicRecordCount(run: PipelineRun, spec: TopicSpec): number {
  const raw = run.sources[spec.source];
  if (spec.source !== 'orders') return raw.rowCount;
  const opOf = cellReader(raw, 'op');
  let deletes = 0;
  for (let r = 0; r < raw.rowCount; r++) if (opOf(r) === 'd') deletes++;
  return raw.rowCount + deletes;
}
