// Shared fixtures and independent readings of the contract for the generator tests: raw cell text
// as the CSV writer prints it, the validation order, phone and email normalisation.
import type { Column, Table } from '../../src/pipeline/table';
import { columnIndex } from '../../src/pipeline/table';
import { cellText } from '../../src/io/cell-text';
import { parseIsoUtc } from '../../src/pipeline/time';
import { CALLING_CODES } from '../../src/pipeline/schema/enums';
import { resolveParams, type RunParamsInput } from '../../src/pipeline/params';
import { createRng } from '../../src/pipeline/random';
import { generateSources, type GeneratedSources } from '../../src/pipeline/generate';

export const NOW = '2026-06-30T12:00:00Z';
export const NOW_MS = parseIsoUtc(NOW);

const cache = new Map<string, GeneratedSources>();

/** Generated sources, memoised per parameter set within a test file. */
export function generated(input: RunParamsInput = {}): GeneratedSources {
  const params = resolveParams({ customers: 1500, seed: 7, now: NOW, ...input });
  const key = JSON.stringify(params);
  let s = cache.get(key);
  if (!s) cache.set(key, (s = generateSources(params, createRng(params.seed))));
  return s;
}

export const SOURCES = ['customers', 'orders', 'clickstream', 'support_tickets', 'campaign_events', 'consent_events'] as const;

/** Cell text of a column by name, exactly as the CSV writer prints it (before quoting). */
export function reader(table: Table, name: string): (row: number) => string {
  const i = columnIndex(table.schema, name);
  const col = table.columns[i];
  const type = table.schema.columns[i].type;
  return (row) => cellText(col, type, row);
}

export function hasOverride(table: Table, row: number): boolean {
  return table.columns.some((c: Column) => c.overrides?.has(row) ?? false);
}

// ---- The contract's validation, read independently of src/pipeline/silver ----

export const REASONS = ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'unparseable_amount', 'future_timestamp'] as const;
export type Reason = (typeof REASONS)[number];

interface Rules {
  keys: string[];
  enums: string[];
  timestamps: string[];
  amounts?: string[];
}
const RULES: Record<string, Rules> = {
  customers: { keys: ['source_system', 'source_customer_id'], enums: ['source_system'], timestamps: ['created_at', 'updated_at'] },
  orders: { keys: ['lsn', 'op', 'order_id'], enums: ['op', 'source_system', 'status', 'channel'], timestamps: ['order_ts', 'updated_at'], amounts: ['amount'] },
  clickstream: { keys: ['event_id'], enums: ['event_type'], timestamps: ['event_ts', 'ingest_ts'] },
  support_tickets: { keys: ['ticket_id'], enums: ['status', 'priority', 'channel'], timestamps: ['opened_at', 'closed_at'] },
  campaign_events: { keys: ['event_id'], enums: ['channel', 'event_type'], timestamps: ['event_ts'] },
  consent_events: { keys: ['event_id'], enums: ['source_system', 'purpose', 'status', 'capture_point'], timestamps: ['event_ts'] },
};

/**
 * The first quarantine reason of a row, or null: missing_key, unknown_enum, unparseable_timestamp,
 * unparseable_amount, future_timestamp, in that order. On orders `d` rows only lsn, op, order_id
 * and updated_at count; csat_score may be empty, else 1-5.
 */
export function quarantineReason(source: string, cell: (column: string) => string, values: (column: string) => readonly string[], nowMs: number): Reason | null {
  const rules = RULES[source];
  const isDelete = source === 'orders' && cell('op') === 'd';
  const checked = (c: string) => !isDelete || ['lsn', 'op', 'order_id', 'updated_at'].includes(c);
  for (const k of rules.keys) {
    const v = cell(k);
    if (v.trim() === '') return 'missing_key';
    if (k === 'lsn' && !/^-?\d+$/.test(v)) return 'missing_key';
  }
  for (const e of rules.enums) if (checked(e) && !values(e).includes(cell(e))) return 'unknown_enum';
  if (source === 'support_tickets' && !['', '1', '2', '3', '4', '5'].includes(cell('csat_score'))) return 'unknown_enum';
  const times: number[] = [];
  for (const t of rules.timestamps) {
    if (!checked(t) || cell(t) === '') continue;
    const ms = parseIsoUtc(cell(t));
    if (Number.isNaN(ms)) return 'unparseable_timestamp';
    times.push(ms);
  }
  for (const a of rules.amounts ?? []) {
    if (checked(a) && cell(a) !== '' && !/^-?\d+(\.\d{1,2})?$/.test(cell(a))) return 'unparseable_amount';
  }
  if (times.some((ms) => ms > nowMs)) return 'future_timestamp';
  return null;
}

/** Reason of every row of a raw table (null = valid). */
export function reasonsOf(source: string, table: Table, nowMs = NOW_MS): (Reason | null)[] {
  const readers = new Map(table.schema.columns.map((c) => [c.name, reader(table, c.name)]));
  const values = (name: string) => table.schema.columns[columnIndex(table.schema, name)].values ?? [];
  const out: (Reason | null)[] = [];
  for (let r = 0; r < table.rowCount; r++) out.push(quarantineReason(source, (c) => readers.get(c)!(r), values, nowMs));
  return out;
}

// ---- Normalisation, as the contract states it ----

export function normalizeEmail(raw: string): string | null {
  const e = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(e) ? e : null;
}

export function phoneE164(raw: string, country: string): string | null {
  const t = raw.trim();
  let digits = t.replace(/\D/g, '');
  if (t.startsWith('+')) {
    // international already
  } else if (t.startsWith('00')) {
    digits = digits.slice(2);
  } else {
    const cc = CALLING_CODES[country];
    if (cc === undefined) return null;
    if (digits.startsWith('0')) digits = digits.slice(1);
    digits = cc + digits;
  }
  return digits.length >= 8 && digits.length <= 15 ? '+' + digits : null;
}

/** Text a spreadsheet would run as a formula (the contract's CSV-injection rule). */
export function isFormula(s: string): boolean {
  if (s === '') return false;
  if ('=@\t\r\n'.includes(s[0])) return true;
  if (s[0] === '+' || s[0] === '-') return !/^[+-][0-9 ().\-/]*$/.test(s);
  return false;
}

/** Deduplicated customer records: the accepted row with the latest updated_at per key. */
export function customerRecords(s: GeneratedSources): Map<string, Record<string, string>> {
  const t = s.customers;
  const reasons = reasonsOf('customers', t);
  const cols = t.schema.columns.map((c) => [c.name, reader(t, c.name)] as const);
  const out = new Map<string, Record<string, string>>();
  for (let r = 0; r < t.rowCount; r++) {
    if (reasons[r] !== null) continue;
    const row = Object.fromEntries(cols.map(([name, read]) => [name, read(r)]));
    const key = `${row.source_system}:${row.source_customer_id}`;
    const prev = out.get(key);
    if (!prev || prev.updated_at <= row.updated_at) out.set(key, row);
  }
  return out;
}
