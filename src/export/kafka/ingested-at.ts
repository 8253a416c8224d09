// Kafka-side processing time of each raw row, taken from bronze's `_ingested_at` (the row's landing
// batch): deterministic, at or before the run's now, never the wall clock.
import type { PipelineRun, SourceName } from '../../pipeline/run';
import { parseIsoUtc } from '../../pipeline/time';
import { cellReader } from './json-cell';

export function ingestedAtMs(run: PipelineRun, source: SourceName): (row: number) => number {
  const read = cellReader(run.bronze[source], '_ingested_at');
  return (row) => parseIsoUtc(read(row));
}
