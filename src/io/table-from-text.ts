// Text rows → a columnar table stored the way the generator stores it (typed where the text is in
// canonical form, raw-text overrides where it is not). Lets tests write raw data inline and lets
// the pipeline re-read its own CSV files, so the typed fast path can be checked against the text.
import type { Column, TableSchema, Table } from '../pipeline/table';
import { makeTable } from '../pipeline/table';
import { formatIsoUtc, parseIsoUtc } from '../pipeline/time';
import { parseTyped } from '../pipeline/silver/columns';
import { neutraliseFormula } from './csv-writer';

const ID_FORM = /^([A-Za-z]+)(\d+)$/;

/** Undoes the writer's formula neutralising: strips the one `'` it added, and only that. */
export function unneutralise(value: string): string {
  if (value.startsWith("'")) {
    const rest = value.slice(1);
    if (neutraliseFormula(rest) === value) return rest;
  }
  return value;
}

function canonical(type: string, text: string): boolean {
  switch (type) {
    case 'timestamp': { const ms = parseIsoUtc(text); return !Number.isNaN(ms) && formatIsoUtc(ms) === text; }
    case 'money': return /^-?\d+\.\d{2}$/.test(text) && text !== '-0.00';
    case 'integer': return /^-?\d+$/.test(text) && String(Number(text)) === text;
    case 'boolean': return text === 'true' || text === 'false';
    default: return true;
  }
}

function idShape(values: readonly string[]): { prefix: string; width: number } | null {
  let prefix: string | null = null, width = -1;
  for (const v of values) {
    if (v === '') continue;
    const m = ID_FORM.exec(v);
    if (!m) return null;
    if (prefix === null) {
      prefix = m[1];
      width = m[2].length;
    } else if (m[1] !== prefix || m[2].length !== width) return null;
  }
  return prefix === null ? { prefix: '', width: 0 } : { prefix, width };
}

export function tableFromText(schema: TableSchema, rows: readonly (readonly string[])[], idColumns: readonly string[] = []): Table {
  const n = rows.length;
  const flagged = new Uint8Array(n);
  const columns: Column[] = schema.columns.map((def, ci) => {
    const texts = rows.map((r) => {
      const t = r[ci] ?? '';
      return def.type === 'string' || def.type === 'enum' ? unneutralise(t) : t;
    });
    const overrides = new Map<number, string>();
    const override = (i: number, t: string) => {
      overrides.set(i, t);
      flagged[i] = 1;
    };
    let col: Column;
    if (def.type === 'enum') {
      const dict = def.values ?? [];
      const codes = new Int32Array(n);
      texts.forEach((t, i) => {
        codes[i] = t === '' ? -1 : dict.indexOf(t);
        if (t !== '' && codes[i] < 0) override(i, t);
      });
      col = { kind: 'code', codes, dict };
    } else if (def.type === 'string') {
      const shape = idColumns.includes(def.name) ? idShape(texts) : null;
      if (shape) {
        const nums = Float64Array.from(texts, (t) => (t === '' ? NaN : Number(ID_FORM.exec(t)![2])));
        col = { kind: 'id', nums, prefix: shape.prefix, width: shape.width };
      } else {
        col = { kind: 'text', values: texts.map((t) => (t === '' ? null : t)) };
      }
    } else {
      const values = new Float64Array(n);
      texts.forEach((t, i) => {
        if (t === '') values[i] = NaN;
        else if (canonical(def.type, t)) values[i] = parseTyped(def.type, t);
        else {
          values[i] = NaN;
          override(i, t);
        }
      });
      col = { kind: 'number', values };
    }
    if (overrides.size) col.overrides = overrides;
    return col;
  });
  return makeTable(schema, n, columns, flagged);
}
