// An auto-sized table lays out every cell again each time rows are added, and a 37-column page
// of raw data is over 2,000 layout objects: the first Data layers table spent 30-50 ms of one task
// in layout alone. Measuring the page's text with a canvas (the rows are already in memory) gives
// each column its width up front, so the table can use `table-layout: fixed`: the browser sizes
// columns from the <col> elements and lays out only the rows that arrive.

/** The widest a column grows; longer cells wrap inside it (a quarantined record stays readable). */
export const MAX_COLUMN_PX = 360;

/** Fonts of the three kinds of text whose width decides a column, as CSS font shorthands. */
export interface TableFonts {
  readonly cell: string;
  readonly header: string;
  readonly type: string;
}

export interface ColumnWidths {
  /** Pixel width of each column (in the order given), cell padding included. */
  readonly px: readonly number[];
  /** Sum of `px`: the table's least width. */
  readonly total: number;
  /** Whether the cell at (row, column) is wider than its column and wraps. */
  wraps(row: number, column: number): boolean;
}

export interface WidthColumn {
  /** Header text (column name) and the type label under it. */
  readonly name: string;
  readonly typeLabel: string;
  /** Room a column needs beyond its text (sort icon in the header, alignment). */
  readonly headerExtraPx: number;
}

type Measure = (text: string, font: string) => number;

/**
 * Column widths that fit the header and every cell of `cells` (row-major, `cells[r][c]` is the text
 * shown), capped at MAX_COLUMN_PX. Pure given `measure`, so it is tested without a canvas.
 */
export function columnWidths(
  columns: readonly WidthColumn[],
  cells: readonly (readonly string[])[],
  fonts: TableFonts,
  cellPaddingPx: number,
  measure: Measure,
): ColumnWidths {
  const px: number[] = [];
  const over = new Set<number>();
  const n = columns.length;
  for (let c = 0; c < n; c++) {
    const col = columns[c];
    let widest = Math.max(measure(col.name, fonts.header) + col.headerExtraPx, measure(col.typeLabel, fonts.type));
    for (let r = 0; r < cells.length; r++) {
      const w = measure(cells[r][c], fonts.cell);
      if (w > MAX_COLUMN_PX - cellPaddingPx) over.add(r * n + c);
      if (w > widest) widest = w;
    }
    // Rounded up, plus a pixel: subpixel text must never wrap in its own column.
    px.push(Math.min(MAX_COLUMN_PX, Math.ceil(widest) + 1 + cellPaddingPx));
  }
  return { px, total: px.reduce((a, b) => a + b, 0), wraps: (row, column) => over.has(row * n + column) };
}

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

/** Width of `text` in `font`, from a shared canvas; repeated texts (codes, enums) are cached. */
export const canvasMeasure: Measure = (text, font) => {
  if (text === '') return 0;
  const key = font + '\u0000' + text;
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 9; // no canvas (never in a browser we support): a wide guess
  if (context.font !== font) context.font = font;
  const w = context.measureText(text).width;
  if (cache.size > 50_000) cache.clear();
  cache.set(key, w);
  return w;
};

/** The CSS font shorthand an element's text is drawn in. */
export function fontOf(el: Element): string {
  const s = getComputedStyle(el);
  return `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
}
