// silver/campaign_events_clean.csv. Grain: one row per event_id (first arrival kept), attributed
// through the CRM id.
import type { Table } from '../table';
import { lazy, makeTable } from '../table';
import { campaignEventsCleanSchema } from '../schema/silver';
import { gatherCodes, gatherDictionary, gatherNumbers, viewNamed } from './columns';
import type { CustomerLookup } from './customer-lookup';
import { keyColumnGetter, personsInSystem } from './customer-lookup';
import { firstArrivals } from './first-arrival';
import type { SourceAccounting } from './source-accounting';
import { countReasons } from './source-accounting';

export interface CampaignEventsClean {
  readonly table: Table;
  readonly person: Int32Array;
  readonly eventTs: Float64Array;
  readonly eventType: Int32Array;
  readonly eventTypeDict: readonly string[];
  readonly rawRow: Int32Array;
  readonly accounting: SourceAccounting;
}

const COLS = ['event_id', 'campaign_id', 'campaign_name', 'channel', 'source_customer_id', 'event_type', 'event_ts'];

export function campaignEventsClean(raw: Table, reasons: Uint8Array, lookup: CustomerLookup): CampaignEventsClean {
  const { rows, repeats } = firstArrivals(raw, 'event_id', reasons);
  const c = viewNamed(raw, COLS, rows);
  const n = rows.length;
  const person = personsInSystem(lookup, 'crm', gatherDictionary(raw, 'source_customer_id', rows));
  const table = makeTable(campaignEventsCleanSchema, n, [
    c.event_id, c.campaign_id, c.campaign_name, c.channel, c.source_customer_id, lazy(keyColumnGetter(person, lookup.keys)),
    c.event_type, c.event_ts,
  ]);
  const type = gatherCodes(raw, 'event_type', rows);
  const { quarantined, byReason } = countReasons(reasons);
  return {
    table, person, rawRow: rows, eventType: type.codes, eventTypeDict: type.dict,
    eventTs: gatherNumbers(raw, 'event_ts', rows),
    accounting: {
      source: 'campaign_events', bronze: raw.rowCount, accepted: n, superseded: repeats, quarantined, byReason,
      supersededDetail: { duplicate_deliveries: repeats },
    },
  };
}
