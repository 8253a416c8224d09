// Tiny inline raw sources for table-driven tests: rows are objects of column → raw text.
import type { GeneratedSources } from '../../src/pipeline/generate';
import type { Table, TableSchema } from '../../src/pipeline/table';
import * as R from '../../src/pipeline/schema/raw';
import { tableFromText } from '../../src/io/table-from-text';
import { cellText } from '../../src/io/cell-text';
import { resolveParams, type RunParamsInput } from '../../src/pipeline/params';
import { runPipelineOnSources, type PipelineRun } from '../../src/pipeline/run';

export type Rows = Record<string, string>[];

export const ID_COLUMNS = ['order_id', 'event_id', 'session_id', 'anonymous_id', 'ticket_id', 'product_id', 'person_id'];

export function inlineTable(schema: TableSchema, rows: Rows): Table {
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (!schema.columns.some((c) => c.name === k)) throw new Error(`${schema.name} has no column ${k}`);
    }
  }
  return tableFromText(schema, rows.map((r) => schema.columns.map((c) => r[c.name] ?? '')), ID_COLUMNS);
}

export interface InlineSources {
  customers?: Rows;
  orders?: Rows;
  clickstream?: Rows;
  support_tickets?: Rows;
  campaign_events?: Rows;
  consent_events?: Rows;
  person_map?: Rows;
}

export function inlineSources(s: InlineSources): GeneratedSources {
  return {
    customers: inlineTable(R.rawCustomers, s.customers ?? []),
    orders: inlineTable(R.rawOrders, s.orders ?? []),
    clickstream: inlineTable(R.rawClickstream, s.clickstream ?? []),
    support_tickets: inlineTable(R.rawSupportTickets, s.support_tickets ?? []),
    campaign_events: inlineTable(R.rawCampaignEvents, s.campaign_events ?? []),
    consent_events: inlineTable(R.rawConsentEvents, s.consent_events ?? []),
    personMap: inlineTable(R.truthPersonMap, s.person_map ?? []),
    injected: {},
  };
}

export const NOW = '2026-06-30T12:00:00Z';

export function runInline(s: InlineSources, params: RunParamsInput = {}): PipelineRun {
  return runPipelineOnSources(resolveParams({ customers: 100, now: NOW, ...params }), inlineSources(s));
}

/** A table's rows as objects of column → cell text (as the CSV writes it, before quoting). */
export function rowsOf(table: Table): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const row: Record<string, string> = {};
    table.schema.columns.forEach((c, i) => (row[c.name] = cellText(table.columns[i], c.type, r)));
    out.push(row);
  }
  return out;
}

export function tableAt(run: PipelineRun, path: string): Table {
  const t = run.tables.get(path);
  if (!t) throw new Error(`no table ${path}`);
  return t;
}

/** A customer record with sensible defaults. */
export function customer(system: string, id: string, fields: Record<string, string> = {}): Record<string, string> {
  return {
    source_system: system, source_customer_id: id, first_name: 'Ayse', last_name: 'Yilmaz', email: '', phone: '',
    city: 'Istanbul', country: 'TR', loyalty_id: '', created_at: '2025-01-01T00:00:00Z', updated_at: '2025-06-01T00:00:00Z',
    ...fields,
  };
}
