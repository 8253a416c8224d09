// export/kafka/customers.cdc.jsonl: raw/customers.csv is a snapshot of the customer masters, so it
// becomes Debezium's initial-snapshot records: op "r" (read), no before, the row as after, keyed by
// the record's (source_system, source_customer_id), in file order.
import type { PipelineRun } from '../../pipeline/run';
import { rawCustomers } from '../../pipeline/schema/raw';
import { recordReader } from './json-cell';
import { ingestedAtMs } from './ingested-at';
import { changeEventLine } from './debezium';

export const CUSTOMER_KEY_COLUMNS = ['source_system', 'source_customer_id'] as const;

export function customersCdcLines(run: PipelineRun, emit: (line: string) => void): void {
  const raw = run.sources.customers;
  const keyOf = recordReader(raw, CUSTOMER_KEY_COLUMNS);
  const rowImage = recordReader(raw, rawCustomers.columns.map((c) => c.name));
  const ingestedAt = ingestedAtMs(run, 'customers');
  for (let r = 0; r < raw.rowCount; r++) {
    // A snapshot read's source.ts_ms is when the connector read the row: here, its landing time.
    const readAt = ingestedAt(r);
    emit(changeEventLine(JSON.stringify(keyOf(r)), 'null', JSON.stringify(rowImage(r)), {
      table: 'customers', tsMs: readAt, snapshot: 'true',
    }, 'r', readAt));
  }
}
