// The event-stream topics (clickstream, consent, campaign, support): one record per raw row, in
// file order, the key being what partitioning must keep together, the value the event as sent.
import type { Table } from '../../pipeline/table';
import { recordReader } from './json-cell';

export function keyedEventLines(raw: Table, keyColumns: readonly string[], emit: (line: string) => void): void {
  const keyOf = recordReader(raw, keyColumns);
  const event = recordReader(raw, raw.schema.columns.map((c) => c.name));
  for (let r = 0; r < raw.rowCount; r++) emit(`{"key":${JSON.stringify(keyOf(r))},"value":${JSON.stringify(event(r))}}`);
}
