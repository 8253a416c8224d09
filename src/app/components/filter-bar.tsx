// Datasette-style filters: pick a column, an operator and a value; active filters show as chips.
import { useId, useState, type FormEvent } from 'react';
import type { ColumnInfo, Filter, FilterOp } from '../../worker/api';
import { isNumeric } from '../lib/format';

export const OP_LABELS: Record<FilterOp, string> = {
  eq: '=',
  neq: '≠',
  contains: 'contains',
  in: 'is one of',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  empty: 'is empty',
  notEmpty: 'is not empty',
};

function opsFor(col: ColumnInfo | undefined): FilterOp[] {
  if (!col) return ['eq'];
  if (isNumeric(col.type) || col.type === 'timestamp') return ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty'];
  if (col.type === 'enum' || col.type === 'boolean') return ['eq', 'neq', 'in', 'empty', 'notEmpty'];
  return ['contains', 'eq', 'neq', 'empty', 'notEmpty'];
}

export function describeFilter(f: Filter): string {
  const v = f.value === undefined ? '' : Array.isArray(f.value) ? f.value.join(', ') : String(f.value);
  return f.op === 'empty' || f.op === 'notEmpty' ? `${f.column} ${OP_LABELS[f.op]}` : `${f.column} ${OP_LABELS[f.op]} ${v}`;
}

interface Props {
  columns: readonly ColumnInfo[];
  filters: readonly Filter[];
  onChange: (filters: Filter[]) => void;
  /** Show the builder (column, operator, value). */
  builder?: boolean;
  /** Show the active filters as removable chips. */
  chips?: boolean;
}

export function FilterBar({ columns, filters, onChange, builder = true, chips = true }: Props) {
  const id = useId();
  const [column, setColumn] = useState(columns[0]?.name ?? '');
  const col = columns.find((c) => c.name === column) ?? columns[0];
  const ops = opsFor(col);
  const [op, setOp] = useState<FilterOp>(ops[0]);
  const effectiveOp = ops.includes(op) ? op : ops[0];
  const [value, setValue] = useState('');
  const needsValue = effectiveOp !== 'empty' && effectiveOp !== 'notEmpty';
  const choices = col?.type === 'boolean' ? ['true', 'false'] : col?.values;

  function add(e: FormEvent) {
    e.preventDefault();
    if (!col) return;
    if (needsValue && value === '') return;
    const f: Filter = !needsValue
      ? { column: col.name, op: effectiveOp }
      : effectiveOp === 'in'
        ? { column: col.name, op: 'in', value: value.split(/[|,]/).map((s) => s.trim()).filter(Boolean) }
        : { column: col.name, op: effectiveOp, value };
    onChange([...filters, f]);
    setValue('');
  }

  return (
    <>
      {builder && columns.length > 0 && (
        <form className="filter-form" onSubmit={add} aria-label="Add a filter">
          <label htmlFor={`${id}-col`}>Filter column</label>
          <select
            id={`${id}-col`}
            value={col?.name ?? ''}
            onChange={(e) => {
              setColumn(e.target.value);
              setValue('');
            }}
          >
            {columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-op`} className="visually-hidden">
            Operator
          </label>
          <select id={`${id}-op`} value={effectiveOp} onChange={(e) => setOp(e.target.value as FilterOp)}>
            {ops.map((o) => (
              <option key={o} value={o}>
                {OP_LABELS[o]}
              </option>
            ))}
          </select>
          {needsValue &&
            (choices && effectiveOp !== 'in' ? (
              <>
                <label htmlFor={`${id}-val`} className="visually-hidden">
                  Filter value
                </label>
                <select id={`${id}-val`} value={value} onChange={(e) => setValue(e.target.value)}>
                  <option value="">choose…</option>
                  {choices.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </>
            ) : (
              <>
                <label htmlFor={`${id}-val`} className="visually-hidden">
                  Filter value
                </label>
                <input
                  id={`${id}-val`}
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                  placeholder={
                    effectiveOp === 'in'
                      ? 'a|b|c'
                      : col?.type === 'timestamp'
                        ? '2026-06-01T00:00:00Z'
                        : isNumeric(col?.type ?? 'string')
                          ? 'number'
                          : 'text'
                  }
                  inputMode={isNumeric(col?.type ?? 'string') ? 'decimal' : undefined}
                />
              </>
            ))}
          <button type="submit" disabled={needsValue && value === ''}>
            Add filter
          </button>
        </form>
      )}
      {chips && filters.length > 0 && (
        <ul className="chips" aria-label="Active filters">
          {filters.map((f, i) => (
            <li key={i} className="chip">
              <span>{describeFilter(f)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove filter ${describeFilter(f)}`}
                onClick={() => onChange(filters.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
          {filters.length > 1 && (
            <li>
              <button type="button" className="link-button" onClick={() => onChange([])}>
                Clear all filters
              </button>
            </li>
          )}
        </ul>
      )}
    </>
  );
}
