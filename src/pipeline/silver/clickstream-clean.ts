// silver/clickstream_clean.csv. Grain: one row per event_id (first arrival kept).
// Attribution: an event's own web id, else its device's latest logged-in event (by event_ts, then
// event_id), which every event of the device follows, earlier ones too.
import type { Table } from '../table';
import { code, lazy, makeTable, num } from '../table';
import { clickstreamCleanSchema } from '../schema/silver';
import { HOUR } from '../time';
import { gatherCodes, gatherDictionary, gatherNumbers, viewNamed } from './columns';
import type { CustomerLookup } from './customer-lookup';
import { keyColumnGetter, personsInSystem } from './customer-lookup';
import { denseIndex, maxOf } from './dense-keys';
import { firstArrivals } from './first-arrival';
import type { SourceAccounting } from './source-accounting';
import { countReasons } from './source-accounting';

export const LATE_AFTER_MS = HOUR;
const ATTRIBUTION = ['web_id', 'stitched', 'anonymous'] as const;

export interface ClickstreamClean {
  readonly table: Table;
  readonly person: Int32Array;
  readonly eventTs: Float64Array;
  readonly sessionId: Float64Array;
  readonly eventType: Int32Array;
  readonly eventTypeDict: readonly string[];
  readonly late: Uint8Array;
  readonly rawRow: Int32Array;
  readonly accounting: SourceAccounting;
  /** Person a device (anonymous_id number) is stitched to, or -1. */
  readonly devicePerson: (anonymousId: number) => number;
}

const COLS = ['event_id', 'event_ts', 'ingest_ts', 'session_id', 'anonymous_id', 'source_customer_id', 'event_type', 'product_id', 'page'];

export function clickstreamClean(raw: Table, reasons: Uint8Array, lookup: CustomerLookup): ClickstreamClean {
  const { rows, repeats } = firstArrivals(raw, 'event_id', reasons);
  const c = viewNamed(raw, COLS, rows);
  const n = rows.length;
  const eventId = gatherNumbers(raw, 'event_id', rows);
  const eventTs = gatherNumbers(raw, 'event_ts', rows);
  const ingestTs = gatherNumbers(raw, 'ingest_ts', rows);
  const anon = gatherNumbers(raw, 'anonymous_id', rows);
  const webIds = gatherDictionary(raw, 'source_customer_id', rows);
  const webId = webIds.codes;

  const own = personsInSystem(lookup, 'web', webIds);
  const stitched = stitchDevices(anon, webId, eventTs, eventId, own);
  const { person, attribution } = attribute(webId, anon, own, stitched.get);
  const late = new Uint8Array(n);
  const lateNum = new Float64Array(n);
  for (let i = 0; i < n; i++) late[i] = lateNum[i] = ingestTs[i] - eventTs[i] > LATE_AFTER_MS ? 1 : 0;

  const table = makeTable(clickstreamCleanSchema, n, [
    c.event_id, c.event_ts, c.ingest_ts, c.session_id, c.anonymous_id, c.source_customer_id,
    lazy(keyColumnGetter(person, lookup.keys)), code(attribution, ATTRIBUTION), c.event_type, c.product_id, c.page, num(lateNum),
  ]);
  const eventType = gatherCodes(raw, 'event_type', rows);
  const { quarantined, byReason } = countReasons(reasons);
  return {
    table, person, eventTs, late, rawRow: rows, devicePerson: stitched.get,
    sessionId: gatherNumbers(raw, 'session_id', rows),
    eventType: eventType.codes, eventTypeDict: eventType.dict,
    accounting: {
      source: 'clickstream', bronze: raw.rowCount, accepted: n, superseded: repeats, quarantined, byReason,
      supersededDetail: { duplicate_deliveries: repeats },
    },
  };
}

/** Each event's person: its own web id's, else its device's; and how it was attributed. */
function attribute(webId: Int32Array, anon: Float64Array, own: Int32Array, devicePerson: (device: number) => number) {
  const n = webId.length;
  const person = new Int32Array(n);
  const attribution = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const hasId = webId[i] >= 0;
    if (hasId) person[i] = own[i];
    else person[i] = Number.isNaN(anon[i]) ? -1 : devicePerson(anon[i]);
    attribution[i] = person[i] < 0 ? 2 : hasId ? 0 : 1;
  }
  return { person, attribution };
}

/** Device → person of its latest logged-in event (the person may be -1: an unknown web id). */
function stitchDevices(anon: Float64Array, webId: Int32Array, eventTs: Float64Array, eventId: Float64Array, own: Int32Array) {
  const latest = denseIndex(maxOf(anon), anon.length);
  for (let i = 0; i < anon.length; i++) {
    if (webId[i] < 0 || Number.isNaN(anon[i])) continue;
    const b = latest.get(anon[i]);
    if (b < 0 || isLater(eventTs[i], eventId[i], eventTs[b], eventId[b])) latest.set(anon[i], i);
  }
  return { get: (device: number) => { const b = latest.get(device); return b < 0 ? -1 : own[b]; } };
}

/** (ts, id) order; a missing event_ts sorts first. Ids share prefix and width, so number order is string order. */
function isLater(ts: number, id: number, bestTs: number, bestId: number): boolean {
  const a = Number.isNaN(ts) ? -Infinity : ts;
  const b = Number.isNaN(bestTs) ? -Infinity : bestTs;
  return a > b || (a === b && id > bestId);
}
