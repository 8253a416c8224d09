// A chart with a toggle that shows the same numbers as a table (for screen readers, projectors
// and anyone who wants the exact values).
import { startTransition, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ChartEngagedContext } from './chart-tooltip';

export interface ChartTable {
  columns: { key: string; label: string; numeric?: boolean }[];
  rows: Record<string, ReactNode>[];
}

interface Props {
  title: string;
  description: ReactNode;
  table: ChartTable;
  /**
   * The chart, drawn at the card's measured width. A fixed width lets Recharts lay the chart out in
   * its first render; its `responsive` mode measures after mounting and renders everything again.
   */
  children: (width: number) => ReactNode;
  footer?: ReactNode;
  /** Position on the page: charts are drawn one after another, so no single task draws them all. */
  order?: number;
  /**
   * Series names and colours, drawn as HTML under the chart: cheaper than Recharts' Legend (which
   * re-renders with the chart's state) and readable by screen readers and in print.
   */
  legend?: readonly { label: string; color: string }[];
}

/**
 * Mounts a chart a little after its card, as a transition: React can then split the work into short
 * tasks, and five charts never block the main thread together.
 */
function useStaggeredMount(order: number): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => startTransition(() => setReady(true)), 16 + order * 48);
    return () => clearTimeout(id);
  }, [order]);
  return ready;
}

/** The element's content width, kept current; 0 until measured. */
function useWidth(ref: RefObject<HTMLElement | null>, measure: boolean): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !measure) return;
    setWidth(Math.floor(el.clientWidth));
    const observer = new ResizeObserver(() => startTransition(() => setWidth(Math.floor(el.clientWidth))));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, measure]);
  return width;
}

export function ChartCard({ title, description, table, children, footer, order = 0, legend }: Props) {
  const [asTable, setAsTable] = useState(false);
  const [engaged, setEngaged] = useState(false);
  const engage = () => engaged || startTransition(() => setEngaged(true));
  const ready = useStaggeredMount(order);
  const body = useRef<HTMLDivElement>(null);
  const width = useWidth(body, !asTable);
  const id = useId();
  return (
    <section className="chart-card" aria-labelledby={`${id}-h`}>
      <div className="chart-head">
        <h3 id={`${id}-h`}>{title}</h3>
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)} aria-label={`Show ${title} as a table`}>
          {asTable ? 'Show chart' : 'Show table'}
        </button>
      </div>
      <p className="note">{description}</p>
      {asTable ? (
        <div className="table-scroll compact">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {table.columns.map((c, j) =>
                    j === 0 ? (
                      <th key={c.key} scope="row">
                        {r[c.key]}
                      </th>
                    ) : (
                      <td key={c.key} className={c.numeric ? 'num' : undefined}>
                        {r[c.key]}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <>
          <div ref={body} className="chart-body" aria-busy={!ready || width === 0} onPointerEnter={engage} onFocus={engage}>
            <ChartEngagedContext.Provider value={engaged}>{ready && width > 0 ? children(width) : null}</ChartEngagedContext.Provider>
          </div>
          {legend && (
            <ul className="chart-legend">
              {legend.map((l) => (
                <li key={l.label}>
                  <span className="swatch" style={{ background: l.color }} aria-hidden="true" />
                  {l.label}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {footer}
    </section>
  );
}
