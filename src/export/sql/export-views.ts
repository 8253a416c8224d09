// models/export/<table>.sql: each contract file's columns as the lab's writer puts them into text
// (formula neutralising on text, 2 decimals on money, 4 on rates, ISO timestamps, true/false), with
// _row giving the file's row order. COPY writes them out; the test compares them with the lab's files.
import type { ColumnDef, TableSchema } from '../../pipeline/table';
import * as S from '../../pipeline/schema/silver';
import * as G from '../../pipeline/schema/gold';
import type { SqlModel } from './model';

export interface ContractTable {
  readonly schema: TableSchema;
  /** Typed model the file is built from. */
  readonly model: string;
  /** The file's row order, over the typed model's columns. */
  readonly orderBy: string;
}

export const CONTRACT_TABLES: readonly ContractTable[] = [
  { schema: S.customerIdentitySchema, model: 'customer_identity', orderBy: 'source_system, source_customer_id' },
  { schema: S.customerProfileBaseSchema, model: 'customer_profile_base', orderBy: 'customer_key' },
  { schema: S.ordersCurrentSchema, model: 'orders_current', orderBy: 'order_id' },
  { schema: S.clickstreamCleanSchema, model: 'clickstream_clean', orderBy: 'event_id' },
  { schema: S.supportTicketsCleanSchema, model: 'support_tickets_clean', orderBy: 'ticket_id' },
  { schema: S.campaignEventsCleanSchema, model: 'campaign_events_clean', orderBy: 'event_id' },
  { schema: S.consentEventsCleanSchema, model: 'consent_events_clean', orderBy: 'event_id' },
  { schema: S.quarantineSchema, model: 'quarantine', orderBy: 'source_order, _bronze_row_id' },
  { schema: G.customer360Schema, model: 'customer_360', orderBy: 'customer_key' },
  { schema: G.segmentSummarySchema, model: 'segment_summary', orderBy: 'segment_order' },
  { schema: G.kpiSummarySchema, model: 'kpi_summary', orderBy: 'kpi_order' },
  { schema: G.activationEmailSchema, model: 'activation_email', orderBy: 'customer_key' },
  { schema: G.activationSmsSchema, model: 'activation_sms', orderBy: 'customer_key' },
  { schema: G.activationAdsSchema, model: 'activation_ads', orderBy: 'customer_key' },
];

/** One column as the lab's writer turns it into text (before CSV quoting). */
function asText(c: ColumnDef): string {
  const v = `m.${c.name}`;
  switch (c.type) {
    case 'string':
    case 'enum': return `c360_neutralise(CAST(${v} AS VARCHAR))`;
    case 'integer':
    case 'money': return `CAST(${v} AS VARCHAR)`;
    case 'decimal4': return `c360_fmt_decimal(${v}, 4)`;
    case 'decimal2': return `c360_fmt_decimal(${v}, 2)`;
    case 'timestamp': return `c360_fmt_ts(${v})`;
    case 'boolean': return `c360_fmt_bool(${v})`;
  }
}

export const exportName = (t: ContractTable) => `export_${t.model}`;

export function exportModels(): SqlModel[] {
  return CONTRACT_TABLES.map((t) => ({
    name: exportName(t), folder: 'export', materialized: 'view',
    grain: `one row per row of ${t.schema.path}, every column text as the contract writes it; _row is the file order.`,
    spark: 'The c360_* formatting functions as SQL UDFs (date_format(ts, "yyyy-MM-dd\'T\'HH:mm:ss\'Z\'") for timestamps); write with df.coalesce(1).write.option("header", true).option("quoteAll", false).option("emptyValue", "").csv(...), ordered by _row.',
    flink: 'Formatting belongs to the sink: a filesystem or kafka sink with format csv, fed from the upsert tables; row order is not a streaming notion, so order in the batch export only.',
    sql: `SELECT row_number() OVER (ORDER BY ${t.orderBy.split(', ').map((k) => `m.${k}`).join(', ')}) AS _row,
  ${t.schema.columns.map((c) => `${asText(c)} AS ${c.name}`).join(',\n  ')}
FROM {{ ref('${t.model}') }} m`,
  }));
}
