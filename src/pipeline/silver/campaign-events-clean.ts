// silver/campaign_events_clean.csv. Grain: one row per event_id (first arrival kept), attributed
// through the CRM id.
import type { Table } from '../table';
import { lazy, makeTable } from '../table';
import { campaignEventsCleanSchema } from '../schema/silver';
import { gatherCodes, gatherNumbers, gatherTexts, viewNamed } from './columns';
import type { CustomerLookup } from './customer-lookup';
import { keyColumnGetter } from './customer-lookup';
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
  const crm = lookup.system('crm');
  const ids = gatherTexts(raw, 'source_customer_id', rows);
  const person = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    person[i] = id === null ? -1 : crm.get(id) ?? -1;
  }
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
