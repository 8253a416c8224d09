// Column widths for a page of a data table, measured from its text before the rows are drawn
// (see column-widths.ts for why).
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { TableInfo } from '../../worker/api';
import { canvasMeasure, columnWidths, fontOf, type ColumnWidths, type TableFonts } from './column-widths';
import { formatCell, TYPE_LABELS } from './format';

interface Metrics {
  readonly fonts: TableFonts;
  readonly cellPaddingPx: number;
  readonly headerExtraPx: number;
}

// The stylesheet's fonts and padding are the same for every table: read once from the first one.
let known: Metrics | undefined;

function readMetrics(table: HTMLTableElement): Metrics | undefined {
  const th = table.querySelector('thead th');
  const name = table.querySelector('thead .col-name');
  const type = table.querySelector('thead .col-type');
  const icon = table.querySelector('thead .sort-icon');
  const button = table.querySelector('thead .sort-button');
  if (!th || !name || !type || !icon || !button) return undefined;
  const thStyle = getComputedStyle(th);
  const buttonStyle = getComputedStyle(button);
  const px = (v: string) => parseFloat(v) || 0;
  const cellPaddingPx = px(thStyle.paddingLeft) + px(thStyle.paddingRight);
  // Beside the name: the gap, the widest sort icon, the button's padding, and a multi-sort number.
  const iconPx = Math.max(...['▲', '▼', '↕'].map((t) => canvasMeasure(t, fontOf(icon))));
  const headerExtraPx = px(buttonStyle.columnGap) + iconPx + px(buttonStyle.paddingLeft) + px(buttonStyle.paddingRight) + 10;
  return { fonts: { cell: fontOf(table), header: fontOf(name), type: fontOf(type) }, cellPaddingPx, headerExtraPx };
}

/** Widths for `rows` of `info`, or undefined until the table's fonts are known (or when `enabled` is false). */
export function useColumnWidths(
  ref: RefObject<HTMLTableElement | null>,
  info: TableInfo,
  rows: readonly (readonly string[])[],
  enabled: boolean,
): ColumnWidths | undefined {
  const [metrics, setMetrics] = useState(known);
  useLayoutEffect(() => {
    if (metrics || !enabled || !ref.current) return;
    known = readMetrics(ref.current);
    if (known) setMetrics(known);
  }, [metrics, enabled, ref]);
  return useMemo(() => {
    if (!metrics || !enabled) return undefined;
    const columns = info.columns.map((c) => ({ name: c.name, typeLabel: TYPE_LABELS[c.type], headerExtraPx: metrics.headerExtraPx }));
    const cells = rows.map((row) => info.columns.map((c, i) => (row[i] === '' ? '—' : formatCell(row[i], c.type, c.name))));
    return columnWidths(columns, cells, metrics.fonts, metrics.cellPaddingPx, canvasMeasure);
  }, [metrics, enabled, info, rows]);
}
