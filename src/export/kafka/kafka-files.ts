// The Kafka export as run files: one JSON-lines file per topic, then topics.md.
import type { PipelineRun } from '../../pipeline/run';
import type { RunFile } from '../../io/run-files';
import { jsonlBytes } from './jsonl';
import { TOPICS } from './topics';
import { topicsMarkdown } from './topics-md';

export const TOPICS_MD_PATH = 'export/kafka/topics.md';

export function kafkaFiles(run: PipelineRun): RunFile[] {
  return [
    ...TOPICS.map((spec): RunFile => ({ path: spec.path, bytes: () => jsonlBytes((emit) => spec.lines(run, emit)) })),
    { path: TOPICS_MD_PATH, bytes: () => new TextEncoder().encode(topicsMarkdown(run)) },
  ];
}
