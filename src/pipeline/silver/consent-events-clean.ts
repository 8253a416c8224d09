// silver/consent_events_clean.csv. Grain: one row per event_id (first arrival kept), attributed
// through (source_system, source_customer_id).
import type { Table } from '../table';
import { lazy, makeTable } from '../table';
import { consentEventsCleanSchema } from '../schema/silver';
import { gatherCodes, gatherDictionary, gatherNumbers, viewNamed } from './columns';
import type { CustomerLookup } from './customer-lookup';
import { keyColumnGetter, personsBySystem } from './customer-lookup';
import { firstArrivals } from './first-arrival';
import type { SourceAccounting } from './source-accounting';
import { countReasons } from './source-accounting';

export interface ConsentEventsClean {
  readonly table: Table;
  readonly person: Int32Array;
  readonly eventTs: Float64Array;
  readonly eventId: Float64Array;
  readonly purpose: Int32Array;
  readonly purposeDict: readonly string[];
  readonly status: Int32Array;
  readonly statusDict: readonly string[];
  readonly rawRow: Int32Array;
  readonly accounting: SourceAccounting;
}

const COLS = ['event_id', 'source_system', 'source_customer_id', 'purpose', 'status', 'event_ts', 'capture_point'];

export function consentEventsClean(raw: Table, reasons: Uint8Array, lookup: CustomerLookup): ConsentEventsClean {
  const { rows, repeats } = firstArrivals(raw, 'event_id', reasons);
  const c = viewNamed(raw, COLS, rows);
  const n = rows.length;
  const person = personsBySystem(lookup, gatherCodes(raw, 'source_system', rows), gatherDictionary(raw, 'source_customer_id', rows));
  const table = makeTable(consentEventsCleanSchema, n, [
    c.event_id, c.source_system, c.source_customer_id, lazy(keyColumnGetter(person, lookup.keys)), c.purpose, c.status,
    c.event_ts, c.capture_point,
  ]);
  const purpose = gatherCodes(raw, 'purpose', rows);
  const status = gatherCodes(raw, 'status', rows);
  const { quarantined, byReason } = countReasons(reasons);
  return {
    table, person, rawRow: rows,
    eventTs: gatherNumbers(raw, 'event_ts', rows),
    eventId: gatherNumbers(raw, 'event_id', rows),
    purpose: purpose.codes, purposeDict: purpose.dict, status: status.codes, statusDict: status.dict,
    accounting: {
      source: 'consent_events', bronze: raw.rowCount, accepted: n, superseded: repeats, quarantined, byReason,
      supersededDetail: { duplicate_deliveries: repeats },
    },
  };
}
