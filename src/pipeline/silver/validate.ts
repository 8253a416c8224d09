// Row validation for every raw source, driven by a rule spec per source (data, not code paths).
// Typed values the generator wrote are valid by construction; only rows flagged as carrying raw
// override text go through the text rules. A test checks both paths agree on every row.
import type { Column, Table } from '../table';
import { columnIndex } from '../table';
import { cellText } from '../../io/cell-text';
import { parseIsoUtc } from '../time';

export const REASONS = ['missing_key', 'unknown_enum', 'unparseable_timestamp', 'unparseable_amount', 'future_timestamp'] as const;
export type Reason = (typeof REASONS)[number];
/** 0 = valid, else 1 + index in REASONS. */
export type ReasonCode = 0 | 1 | 2 | 3 | 4 | 5;

export interface ValidationSpec {
  readonly keys: readonly string[];
  /** Key columns that must be integers (orders.lsn). */
  readonly integerKeys?: readonly string[];
  readonly enums: readonly string[];
  /** Enum-like columns where empty is allowed and the value must be one of `values`. */
  readonly optionalEnums?: readonly { column: string; values: readonly string[] }[];
  readonly timestamps: readonly string[];
  readonly amounts?: readonly string[];
  /** For CDC deletes: the op value and the only columns validated on such rows. */
  readonly deleteOp?: { column: string; value: string; validated: readonly string[] };
}

export const VALIDATION_SPECS: Readonly<Record<string, ValidationSpec>> = {
  customers: { keys: ['source_system', 'source_customer_id'], enums: ['source_system'], timestamps: ['created_at', 'updated_at'] },
  orders: {
    keys: ['lsn', 'op', 'order_id'], integerKeys: ['lsn'],
    enums: ['op', 'source_system', 'status', 'channel'], timestamps: ['order_ts', 'updated_at'], amounts: ['amount'],
    deleteOp: { column: 'op', value: 'd', validated: ['lsn', 'op', 'order_id', 'updated_at'] },
  },
  clickstream: { keys: ['event_id'], enums: ['event_type'], timestamps: ['event_ts', 'ingest_ts'] },
  support_tickets: {
    keys: ['ticket_id'], enums: ['status', 'priority', 'channel'], timestamps: ['opened_at', 'closed_at'],
    optionalEnums: [{ column: 'csat_score', values: ['1', '2', '3', '4', '5'] }],
  },
  campaign_events: { keys: ['event_id'], enums: ['channel', 'event_type'], timestamps: ['event_ts'] },
  consent_events: { keys: ['event_id'], enums: ['source_system', 'purpose', 'status', 'capture_point'], timestamps: ['event_ts'] },
};

const INTEGER = /^-?\d+$/;
const AMOUNT = /^-?\d+(?:\.\d{1,2})?$/;

/** Validates one row from its text, exactly as the contract states the rules. */
export function validateRowText(
  spec: ValidationSpec,
  text: (column: string) => string,
  enumValues: (column: string) => readonly string[],
  nowMs: number,
): ReasonCode {
  let onlyThese: readonly string[] | null = null;
  if (spec.deleteOp && text(spec.deleteOp.column) === spec.deleteOp.value) onlyThese = spec.deleteOp.validated;
  const checked = (c: string) => onlyThese === null || onlyThese.includes(c);

  for (const k of spec.keys) {
    if (!checked(k)) continue;
    const v = text(k);
    if (v.trim() === '') return 1;
    if (spec.integerKeys?.includes(k) && !INTEGER.test(v)) return 1;
  }
  for (const e of spec.enums) {
    if (!checked(e)) continue;
    if (!enumValues(e).includes(text(e))) return 2;
  }
  for (const o of spec.optionalEnums ?? []) {
    if (!checked(o.column)) continue;
    const v = text(o.column);
    if (v !== '' && !o.values.includes(v)) return 2;
  }
  const times: number[] = [];
  for (const t of spec.timestamps) {
    if (!checked(t)) continue;
    const v = text(t);
    if (v === '') continue;
    const ms = parseIsoUtc(v);
    if (Number.isNaN(ms)) return 3;
    times.push(ms);
  }
  for (const a of spec.amounts ?? []) {
    if (!checked(a)) continue;
    const v = text(a);
    if (v !== '' && !AMOUNT.test(v)) return 4;
  }
  for (const ms of times) if (ms > nowMs) return 5;
  return 0;
}

/** Text accessor for one row of a raw table, for the slow path and for tests. */
export function rowTextOf(table: Table, row: number): (column: string) => string {
  return (name) => {
    const i = columnIndex(table.schema, name);
    return cellText(table.columns[i], table.schema.columns[i].type, row);
  };
}

export function enumValuesOf(table: Table): (column: string) => readonly string[] {
  return (name) => table.schema.columns[columnIndex(table.schema, name)].values ?? [];
}

function isEmptyTyped(col: Column, row: number): boolean {
  switch (col.kind) {
    case 'text': { const v = col.values[row]; return v === null || v.trim() === ''; }
    case 'number': return Number.isNaN(col.values[row]);
    case 'code': return col.codes[row] < 0;
    case 'id': return Number.isNaN(col.nums[row]);
    case 'lazy': return (col.get(row) ?? '') === '';
    case 'view': return isEmptyTyped(col.base, col.rows[row]);
  }
}

/**
 * Reason code per row (Uint8Array, 0 = valid). Unflagged rows take the typed fast path: their
 * values are well-formed by construction, so only emptiness and time-after-now can fail.
 */
export function validateTable(table: Table, spec: ValidationSpec, nowMs: number): Uint8Array {
  const n = table.rowCount;
  const out = new Uint8Array(n);
  const col = (name: string) => table.columns[columnIndex(table.schema, name)];
  const keyCols = spec.keys.map(col);
  const enumCols = spec.enums.map(col);
  const timeCols = spec.timestamps.map((t) => {
    const c = col(t);
    if (c.kind !== 'number') throw new Error(`${table.schema.name}.${t}: timestamps must be stored as numbers`);
    return c.values;
  });
  const deleteCol = spec.deleteOp ? col(spec.deleteOp.column) : null;
  const deleteCode = deleteCol && deleteCol.kind === 'code' ? deleteCol.dict.indexOf(spec.deleteOp!.value) : -2;
  const deleteTimeIdx = spec.deleteOp ? spec.timestamps.map((t) => spec.deleteOp!.validated.includes(t)) : null;
  const deleteEnumIdx = spec.deleteOp ? spec.enums.map((e) => spec.deleteOp!.validated.includes(e)) : null;
  const optional = (spec.optionalEnums ?? []).map((o) => ({ values: col(o.column), allowed: o.values }));
  const flagged = table.flagged;
  const text = (row: number) => rowTextOf(table, row);
  const enumValues = enumValuesOf(table);

  for (let r = 0; r < n; r++) {
    if (flagged !== undefined && flagged[r] === 1) {
      out[r] = validateRowText(spec, text(r), enumValues, nowMs);
      continue;
    }
    const isDelete = deleteCol !== null && deleteCol.kind === 'code' && deleteCol.codes[r] === deleteCode;
    out[r] = fastReason(r, keyCols, enumCols, timeCols, nowMs, isDelete ? deleteEnumIdx : null, isDelete ? deleteTimeIdx : null);
    if (out[r] > 2 || out[r] === 0) {
      // Optional enums sit between unknown_enum and the time checks in the validation order.
      for (const o of optional) {
        const t = cellText(o.values, 'integer', r);
        if (t !== '' && !o.allowed.includes(t)) out[r] = 2;
      }
    }
  }
  return out;
}

function fastReason(
  r: number,
  keyCols: readonly Column[],
  enumCols: readonly Column[],
  timeCols: readonly Float64Array[],
  nowMs: number,
  enumMask: readonly boolean[] | null,
  timeMask: readonly boolean[] | null,
): ReasonCode {
  for (let k = 0; k < keyCols.length; k++) if (isEmptyTyped(keyCols[k], r)) return 1;
  for (let e = 0; e < enumCols.length; e++) {
    if (enumMask !== null && !enumMask[e]) continue;
    if (isEmptyTyped(enumCols[e], r)) return 2;
  }
  for (let t = 0; t < timeCols.length; t++) {
    if (timeMask !== null && !timeMask[t]) continue;
    if (timeCols[t][r] > nowMs) return 5;
  }
  return 0;
}
