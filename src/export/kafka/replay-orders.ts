// Replaying export/kafka/orders.cdc.jsonl: the raw orders rows back, exactly, in topic order. A
// learner's consumer (or this lab's silver step) fed with them rebuilds orders_current.
import type { Table } from '../../pipeline/table';
import { rawOrders } from '../../pipeline/schema/raw';
import { tableFromText } from '../../io/table-from-text';
import { neutraliseFormula } from '../../io/csv-writer';
import { jsonlLines } from './jsonl';
import { cellTextOfJson, timestampTextOf } from './json-cell';

interface ChangeValue {
  readonly after: Record<string, unknown> | null;
  readonly source: { readonly ts_ms?: unknown; readonly lsn?: unknown };
  readonly op: unknown;
}

interface ChangeRecord {
  readonly key: { readonly order_id?: unknown } | null;
  readonly value: ChangeValue | null;
}

function parseRecord(line: string, lineNo: number): ChangeRecord {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    throw new Error(`orders.cdc.jsonl line ${lineNo}: not JSON (${(e as Error).message})`);
  }
  if (typeof rec !== 'object' || rec === null || !('key' in rec) || !('value' in rec)) {
    throw new Error(`orders.cdc.jsonl line ${lineNo}: expected {"key", "value"}`);
  }
  const key = (rec as ChangeRecord).key;
  if (typeof key !== 'object' || key === null || Array.isArray(key)) {
    throw new Error(`orders.cdc.jsonl line ${lineNo}: the key must be an object like {"order_id": "O00000001"}`);
  }
  const value = (rec as ChangeRecord).value;
  if (value !== null && (typeof value.source !== 'object' || value.source === null || !('after' in value))) {
    throw new Error(`orders.cdc.jsonl line ${lineNo}: value is not a Debezium change event`);
  }
  return rec as ChangeRecord;
}

/**
 * A change event's raw row, as text per raw column. The row image comes from `after`, lsn and the
 * commit time from `source`, the order id from the key. A delete has no `after`: its row is the key,
 * lsn, op and commit time only, which is all a source delete row carries.
 */
function rawRowOf(rec: ChangeRecord, value: ChangeValue): string[] {
  const after = value.after;
  return rawOrders.columns.map((c) => {
    switch (c.name) {
      case 'lsn': return cellTextOfJson(value.source.lsn);
      case 'op': return cellTextOfJson(value.op);
      case 'order_id': return cellTextOfJson(rec.key?.order_id);
      case 'updated_at': return after === null ? timestampTextOf(value.source.ts_ms) : cellTextOfJson(after.updated_at);
      default: return after === null ? '' : cellTextOfJson(after[c.name]);
    }
  });
}

/**
 * raw/orders.csv rebuilt from its topic: one row per change event (tombstones skipped), in topic
 * order, stored as the lab stores raw tables (typed where canonical, raw text where not), so the
 * silver step quarantines the same rows for the same reasons.
 */
export function replayOrdersCdc(jsonl: string): Table {
  const rows: string[][] = [];
  jsonlLines(jsonl).forEach((line, i) => {
    const rec = parseRecord(line, i + 1);
    if (rec.value === null) return; // a tombstone only tells compaction the key is gone
    try {
      rows.push(rawRowOf(rec, rec.value));
    } catch (e) {
      throw new Error(`orders.cdc.jsonl line ${i + 1}: ${(e as Error).message}`);
    }
  });
  // tableFromText reads CSV cell text, which has text columns neutralised; doing the same first makes
  // its un-neutralising exact, so the rows are stored as a re-read of raw/orders.csv would store them.
  const cells = rows.map((row) => row.map((t, c) => (isText(c) ? neutraliseFormula(t) : t)));
  return tableFromText(rawOrders, cells, ['order_id']);
}

const isText = (c: number) => rawOrders.columns[c].type === 'string' || rawOrders.columns[c].type === 'enum';
