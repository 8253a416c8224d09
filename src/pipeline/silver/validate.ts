// Row validation for every raw source, driven by a rule spec per source (data, not code paths).
// Typed values the generator wrote are valid by construction; only cells carrying raw override
// text (on rows flagged as such) go through the text rules. A test checks both paths agree on
// every row.
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

/** One check on one column (a column may have several: orders.op is a key and an enum). */
interface Rule {
  readonly column: string;
  readonly kind: 'key' | 'enum' | 'optionalEnum' | 'timestamp' | 'amount';
  /** Allowed values of an enum. */
  readonly values: readonly string[];
  /** A key that must be an integer. */
  readonly integer: boolean;
  /** Whether a CDC delete row is checked on this column. */
  readonly onDelete: boolean;
}

/**
 * The spec's checks in the contract's order. The reason codes grow along that order, so a row's
 * reason is the smallest reason among its failing checks.
 */
function rulesOf(spec: ValidationSpec, enumValues: (column: string) => readonly string[]): Rule[] {
  const onDelete = (column: string) => !spec.deleteOp || spec.deleteOp.validated.includes(column);
  const rule = (column: string, kind: Rule['kind'], values: readonly string[] = []): Rule => ({
    column, kind, values, integer: kind === 'key' && (spec.integerKeys?.includes(column) ?? false), onDelete: onDelete(column),
  });
  return [
    ...spec.keys.map((k) => rule(k, 'key')),
    ...spec.enums.map((e) => rule(e, 'enum', enumValues(e))),
    ...(spec.optionalEnums ?? []).map((o) => rule(o.column, 'optionalEnum', o.values)),
    ...spec.timestamps.map((t) => rule(t, 'timestamp')),
    ...(spec.amounts ?? []).map((a) => rule(a, 'amount')),
  ];
}

/** The reason one cell's text gives under a rule, exactly as the contract states it (0 = passes). */
function textReason(rule: Rule, text: string, nowMs: number): ReasonCode {
  switch (rule.kind) {
    case 'key': return text.trim() === '' || (rule.integer && !INTEGER.test(text)) ? 1 : 0;
    case 'enum': return rule.values.includes(text) ? 0 : 2;
    case 'optionalEnum': return text !== '' && !rule.values.includes(text) ? 2 : 0;
    case 'timestamp': {
      if (text === '') return 0;
      const ms = parseIsoUtc(text);
      return Number.isNaN(ms) ? 3 : ms > nowMs ? 5 : 0;
    }
    case 'amount': return text !== '' && !AMOUNT.test(text) ? 4 : 0;
  }
}

/** The reason of a cell without override text: typed values are well-formed, only emptiness and time can fail. */
function typedReason(rule: Rule, col: Column, row: number, nowMs: number): ReasonCode {
  switch (rule.kind) {
    case 'key': return isEmptyTyped(col, row) ? 1 : 0;
    case 'enum': return isEmptyTyped(col, row) ? 2 : 0;
    case 'optionalEnum': return textReason(rule, cellText(col, 'integer', row), nowMs);
    case 'timestamp': return col.kind === 'number' && col.values[row] > nowMs ? 5 : 0;
    case 'amount': return 0;
  }
}

const smaller = (a: ReasonCode, b: ReasonCode): ReasonCode => (a === 0 ? b : b === 0 ? a : a < b ? a : b);

/**
 * Reason code per row (Uint8Array, 0 = valid). Unflagged rows take the typed fast path: their
 * values are well-formed by construction, so only emptiness and time-after-now can fail. The fast
 * path runs rule by rule in reverse order (a higher-ranked reason overwrites a lower one): one
 * tight loop per column instead of a walk over the spec for every row. Flagged rows are then
 * checked cell by cell, by text where a cell carries override text.
 */
export function validateTable(table: Table, spec: ValidationSpec, nowMs: number): Uint8Array {
  const out = new Uint8Array(table.rowCount);
  const rules = rulesOf(spec, (name) => table.schema.columns[columnIndex(table.schema, name)].values ?? []);
  const columns = rules.map((r) => table.columns[columnIndex(table.schema, r.column)]);
  const deletes = deleteRows(table, spec);
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i], col = columns[i];
    const skip = rule.onDelete ? null : deletes;
    switch (rule.kind) {
      case 'key': markEmpty(out, col, 1, skip); break;
      case 'enum': markEmpty(out, col, 2, skip); break;
      case 'optionalEnum': markOutside(out, col, rule.values, skip); break;
      case 'timestamp':
        if (col.kind !== 'number') throw new Error(`${table.schema.name}.${rule.column}: timestamps must be stored as numbers`);
        markFuture(out, col.values, nowMs, skip);
        break;
      case 'amount': break;
    }
  }
  if (table.flagged !== undefined) validateFlagged(out, table, spec, nowMs, table.flagged);
  return out;
}

/**
 * The same checks for one row at a time, for a stream that validates each row as it arrives. Gives
 * exactly validateTable's code for every row (a test checks all rows of several runs).
 */
export function rowValidator(table: Table, spec: ValidationSpec, nowMs: number): (row: number) => ReasonCode {
  const rules = rulesOf(spec, (name) => table.schema.columns[columnIndex(table.schema, name)].values ?? []);
  const columns = rules.map((r) => table.columns[columnIndex(table.schema, r.column)]);
  const opIndex = spec.deleteOp ? columnIndex(table.schema, spec.deleteOp.column) : -1;
  const opColumn = opIndex >= 0 ? table.columns[opIndex] : undefined;
  const deleteCode = opColumn?.kind === 'code' ? opColumn.dict.indexOf(spec.deleteOp!.value) : -1;
  const flagged = table.flagged;
  return (r) => {
    const isFlagged = flagged !== undefined && flagged[r] === 1;
    const isDelete = opColumn === undefined ? false
      : isFlagged ? cellText(opColumn, table.schema.columns[opIndex].type, r) === spec.deleteOp!.value
        : opColumn.kind === 'code' && opColumn.codes[r] === deleteCode;
    let reason: ReasonCode = 0;
    for (let i = 0; i < rules.length; i++) {
      if (isDelete && !rules[i].onDelete) continue;
      const text = isFlagged ? columns[i].overrides?.get(r) : undefined;
      reason = smaller(reason, text === undefined ? typedReason(rules[i], columns[i], r, nowMs) : textReason(rules[i], text, nowMs));
    }
    return reason;
  };
}

/** CDC deletes (validated on fewer columns) as a row mask, or null when the source has none. */
function deleteRows(table: Table, spec: ValidationSpec): Uint8Array | null {
  if (!spec.deleteOp) return null;
  const c = table.columns[columnIndex(table.schema, spec.deleteOp.column)];
  const rows = new Uint8Array(table.rowCount);
  if (c.kind !== 'code') return rows;
  const code = c.dict.indexOf(spec.deleteOp.value);
  for (let r = 0; r < rows.length; r++) rows[r] = c.codes[r] === code ? 1 : 0;
  return rows;
}

function markFuture(out: Uint8Array, times: Float64Array, nowMs: number, skip: Uint8Array | null): void {
  for (let r = 0; r < out.length; r++) if (times[r] > nowMs && (skip === null || skip[r] === 0)) out[r] = 5;
}

/** Sets `reason` where the column's typed value is empty (null, blank text, NaN, no code). */
function markEmpty(out: Uint8Array, c: Column, reason: ReasonCode, skip: Uint8Array | null): void {
  switch (c.kind) {
    case 'text': return markBlank(out, c.values, reason, skip);
    case 'number': return markNaN(out, c.values, reason, skip);
    case 'id': return markNaN(out, c.nums, reason, skip);
    case 'code': return markNoCode(out, c.codes, reason, skip);
    default: for (let r = 0; r < out.length; r++) if (isEmptyTyped(c, r) && (skip === null || skip[r] === 0)) out[r] = reason;
  }
}

// One small loop per storage kind, each over an array of its own (monomorphic, no per-row dispatch).
function markBlank(out: Uint8Array, values: readonly (string | null)[], reason: ReasonCode, skip: Uint8Array | null): void {
  for (let r = 0; r < out.length; r++) if (isBlank(values[r]) && (skip === null || skip[r] === 0)) out[r] = reason;
}

function markNaN(out: Uint8Array, values: Float64Array, reason: ReasonCode, skip: Uint8Array | null): void {
  for (let r = 0; r < out.length; r++) if (Number.isNaN(values[r]) && (skip === null || skip[r] === 0)) out[r] = reason;
}

function markNoCode(out: Uint8Array, codes: Int32Array, reason: ReasonCode, skip: Uint8Array | null): void {
  for (let r = 0; r < out.length; r++) if (codes[r] < 0 && (skip === null || skip[r] === 0)) out[r] = reason;
}

/** Null or only whitespace (`trim() === ''`); text starting with a visible ASCII character is never trimmed. */
function isBlank(v: string | null): boolean {
  if (v === null || v.length === 0) return true;
  const first = v.charCodeAt(0);
  return (first <= 32 || first >= 127) && v.trim() === '';
}

/** unknown_enum where a non-empty value is not one of `allowed` (compared as the cell's text). */
function markOutside(out: Uint8Array, c: Column, allowed: readonly string[], skip: Uint8Array | null): void {
  if (c.kind === 'number') {
    // String(v) === a exactly when v === Number(a) and `a` is a number's canonical text.
    const numbers = allowed.filter((a) => String(Number(a)) === a).map(Number);
    const v = c.values;
    for (let r = 0; r < out.length; r++) {
      if (!Number.isNaN(v[r]) && !numbers.includes(v[r]) && (skip === null || skip[r] === 0)) out[r] = 2;
    }
    return;
  }
  for (let r = 0; r < out.length; r++) {
    const t = cellText(c, 'integer', r);
    if (t !== '' && !allowed.includes(t) && (skip === null || skip[r] === 0)) out[r] = 2;
  }
}

/**
 * The slow path, for rows carrying raw override text: each checked cell by its text rule where it
 * has override text, by its typed value otherwise (which is what its text would give).
 */
/** Flagged rows (some cell carries override text) are checked one by one, as the stream checks every row. */
function validateFlagged(out: Uint8Array, table: Table, spec: ValidationSpec, nowMs: number, flagged: Uint8Array): void {
  const check = rowValidator(table, spec, nowMs);
  for (let r = 0; r < out.length; r++) if (flagged[r] === 1) out[r] = check(r);
}

/** Emptiness of one typed cell. */
function isEmptyTyped(col: Column, row: number): boolean {
  switch (col.kind) {
    case 'text': return isBlank(col.values[row]);
    case 'number': return Number.isNaN(col.values[row]);
    case 'code': return col.codes[row] < 0;
    case 'id': return Number.isNaN(col.nums[row]);
    case 'lazy': return (col.get(row) ?? '') === '';
    case 'view': return isEmptyTyped(col.base, col.rows[row]);
  }
}
