// Deduplicated customer records: the nodes of identity resolution.
// Grain: one row per (source_system, source_customer_id); the latest updated_at wins, a tie goes
// to the later row in the file.
import type { Table } from '../table';
import { columnIndex } from '../table';
import { cellText } from '../../io/cell-text';
import { acceptedRows, gatherNumbers } from './columns';
import { normalizeEmail, phoneE164 } from './normalize';
import type { SourceAccounting } from './source-accounting';
import { countReasons } from './source-accounting';
import { sortedRanks } from './string-ids';

export interface CustomerRecords {
  /** Raw row of each record, sorted by (source_system, source_customer_id) in string order. */
  readonly rawRow: Int32Array;
  readonly system: string[];
  /** Each record's system as an index in `systemNames`: system names in string order (it may name systems no record has). */
  readonly systemRank: Int32Array;
  readonly systemNames: readonly string[];
  readonly id: string[];
  readonly firstName: (string | null)[];
  readonly lastName: (string | null)[];
  readonly email: (string | null)[]; // normalised
  readonly phone: (string | null)[]; // E.164
  readonly city: (string | null)[];
  readonly country: (string | null)[];
  readonly loyalty: (string | null)[];
  readonly createdAt: Float64Array;
  readonly updatedAt: Float64Array;
  readonly accounting: SourceAccounting;
}

/** Null updated_at sorts as the oldest. */
const updatedOrder = (t: number) => (Number.isNaN(t) ? -Infinity : t);

export function dedupeCustomerRecords(raw: Table, reasons: Uint8Array): CustomerRecords {
  const accepted = acceptedRows(reasons);
  const systems = ranksAt(raw, 'source_system', accepted);
  const ids = ranksAt(raw, 'source_customer_id', accepted);
  const winners = latestVersions(systems.rank, systems.sorted.length, ids.rank, ids.sorted.length, gatherNumbers(raw, 'updated_at', accepted));
  const n = winners.length;
  const rawRow = new Int32Array(n);
  const systemRank = new Int32Array(n);
  const system = new Array<string>(n);
  const id = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const a = winners[i];
    rawRow[i] = accepted[a];
    systemRank[i] = systems.rank[a];
    system[i] = systems.sorted[systems.rank[a]];
    id[i] = ids.sorted[ids.rank[a]];
  }
  const country = textsAt(raw, 'country', rawRow);
  const { quarantined, byReason } = countReasons(reasons);
  return {
    rawRow, system, systemRank, systemNames: systems.sorted, id,
    firstName: textsAt(raw, 'first_name', rawRow),
    lastName: textsAt(raw, 'last_name', rawRow),
    email: normalizedEmails(textsAt(raw, 'email', rawRow)),
    phone: normalizedPhones(textsAt(raw, 'phone', rawRow), country),
    city: textsAt(raw, 'city', rawRow),
    country,
    loyalty: textsAt(raw, 'loyalty_id', rawRow),
    createdAt: gatherNumbers(raw, 'created_at', rawRow),
    updatedAt: gatherNumbers(raw, 'updated_at', rawRow),
    accounting: {
      source: 'customers', bronze: raw.rowCount, accepted: n, superseded: accepted.length - n, quarantined, byReason,
      supersededDetail: { older_record_versions: accepted.length - n },
    },
  };
}


/**
 * The winning version of each (system, id), as positions in the accepted rows, in (system, id)
 * order: a slot per (system rank, id rank) pair, filled in file order, read in slot order.
 */
function latestVersions(system: Int32Array, systems: number, id: Int32Array, ids: number, updatedAt: Float64Array): Int32Array {
  const slot = new Int32Array(systems * ids).fill(-1);
  let filled = 0;
  for (let a = 0; a < system.length; a++) {
    const s = system[a] * ids + id[a];
    const prev = slot[s];
    if (prev < 0) filled++;
    if (prev < 0 || updatedOrder(updatedAt[a]) >= updatedOrder(updatedAt[prev])) slot[s] = a;
  }
  const winners = new Int32Array(filled);
  for (let s = 0, k = 0; s < slot.length; s++) if (slot[s] >= 0) winners[k++] = slot[s];
  return winners;
}

/**
 * Each row's value of one column at `rows` as its rank in string order (-1 for empty), with the
 * ranked values. An enum column without raw text at these rows ranks through its dictionary.
 */
function ranksAt(raw: Table, name: string, rows: Int32Array): { rank: Int32Array; sorted: string[] } {
  const col = raw.columns[columnIndex(raw.schema, name)];
  if (col.kind !== 'code' || overridesAt(col.overrides, rows, raw.rowCount)) return sortedRanks(textsAt(raw, name, rows));
  const sorted = col.dict.filter((v) => v !== '').sort();
  const rankOfCode = col.dict.map((v) => sorted.indexOf(v));
  const rank = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const c = col.codes[rows[k]];
    rank[k] = c < 0 ? -1 : rankOfCode[c];
  }
  return { rank, sorted };
}

function overridesAt(overrides: ReadonlyMap<number, string> | undefined, rows: Int32Array, rowCount: number): boolean {
  if (overrides === undefined || overrides.size === 0) return false;
  const at = positionsOf(rows, rowCount);
  for (const row of overrides.keys()) if (at[row] >= 0) return true;
  return false;
}

/**
 * Raw text of one column at `rows` (null when empty), as cellText gives it: text columns are read
 * directly, other kinds and the rows carrying raw override text go through cellText.
 */
export function textsAt(raw: Table, name: string, rows: Int32Array): (string | null)[] {
  const i = columnIndex(raw.schema, name);
  const col = raw.columns[i], type = raw.schema.columns[i].type;
  const out = new Array<string | null>(rows.length);
  if (col.kind === 'text') {
    const values = col.values;
    for (let k = 0; k < rows.length; k++) {
      const v = values[rows[k]];
      out[k] = v === '' ? null : v;
    }
  } else {
    for (let k = 0; k < rows.length; k++) {
      const t = cellText(col, type, rows[k]);
      out[k] = t === '' ? null : t;
    }
  }
  if (col.overrides !== undefined && col.overrides.size > 0) {
    const at = positionsOf(rows, raw.rowCount);
    for (const [row, t] of col.overrides) if (at[row] >= 0) out[at[row]] = t === '' ? null : t;
  }
  return out;
}

/** Position of each row in `rows` (distinct rows), -1 for rows not in it. */
function positionsOf(rows: Int32Array, rowCount: number): Int32Array {
  const at = new Int32Array(rowCount).fill(-1);
  for (let k = 0; k < rows.length; k++) at[rows[k]] = k;
  return at;
}

function normalizedEmails(raw: (string | null)[]): (string | null)[] {
  const out = new Array<string | null>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = normalizeEmail(raw[i]);
  return out;
}

function normalizedPhones(raw: (string | null)[], country: (string | null)[]): (string | null)[] {
  const out = new Array<string | null>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = phoneE164(raw[i], country[i]);
  return out;
}
