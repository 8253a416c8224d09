// What one child of the pipeline benchmark measures (one size, one fresh process), and how the
// parent prints it. The child sends this as one JSON line; nothing here runs the pipeline.

export const RESULT_PREFIX = 'PIPELINE_BENCH_RESULT ';

export interface ColumnCheck {
  readonly column: string;
  /** People whose value differs between our customer_360 and DuckDB's. */
  readonly mismatches: number;
  /** The first differing person, for a quick look. */
  readonly example?: { person: number; ours: number | string | null; duckdb: number | string | null };
}

export interface DuckdbFigures {
  readonly version: string;
  readonly threads: number;
  /** Rows loaded per table (loading is not timed into the query). */
  readonly loadedRows: Record<string, number>;
  readonly loadMs: number;
  /** The one customer_360 query, materialised, each run in order; default threads. */
  readonly queryMs: number[];
  /** The same query with `SET threads = 1`, each run in order. */
  readonly querySingleThreadMs: number[];
  readonly resultRows: number;
  readonly totals: {
    readonly ordersCount: { ours: number; duckdb: number };
    readonly lifetimeRevenueCents: { ours: number; duckdb: number };
  };
  readonly columns: ColumnCheck[];
}

export interface ChildResult {
  readonly customers: number;
  readonly seed: number;
  readonly pid: number;
  readonly people: number;
  readonly rawRows: Record<string, number>;
  readonly rawRowsTotal: number;
  readonly stagesMs: Record<string, number>;
  /** Wall clock around runPipeline (the stages plus assembling the run). */
  readonly totalMs: number;
  /** process.resourceUsage().maxRSS right after the pipeline run, in bytes. */
  readonly peakRssAfterRun: number;
  /** maxRSS when the child ends (pipeline, repeats and DuckDB), in bytes. */
  readonly peakRssAtEnd: number;
  readonly heapUsedAfterRun: number;
  /** heapUsed after a full GC with the run still referenced: the live size of the run. */
  readonly heapLiveAfterGc: number | null;
  /** customer360(...) on the run's silver inputs, each call in order. */
  readonly customer360Ms: number[];
  /** The folds alone (accumulators and distinct sessions, no derived columns or table). */
  readonly foldsMs: number[];
  /** The whole gold stage (buildGold) again on the run's silver tables, each call in order. */
  readonly goldStageMs: number[];
  readonly duckdb: DuckdbFigures | null;
  readonly lookup: import('./lookup-timing').LookupFigures;
  /** Whole pipeline runs after the first, in the same process, at seeds 22, 23, ... (empty above 50,000). */
  readonly laterRunsMs: number[];
}

export const best = (xs: readonly number[]): number => Math.min(...xs);
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const MB = 1024 * 1024;

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const ms = (n: number): string => (n >= 100 ? int(n) : n.toFixed(1));
export const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : 'n/a');

/** Markdown table with right-aligned numeric columns. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const cell = (s: string, i: number) => (i < leftColumns ? s.padEnd(widths[i]) : s.padStart(widths[i]));
  const line = (r: readonly string[]) => `| ${r.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < leftColumns ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function checkVerdict(d: DuckdbFigures, people: number): string {
  const bad = d.columns.filter((c) => c.mismatches > 0);
  const totalsOk =
    d.totals.ordersCount.ours === d.totals.ordersCount.duckdb &&
    d.totals.lifetimeRevenueCents.ours === d.totals.lifetimeRevenueCents.duckdb;
  if (bad.length === 0 && totalsOk && d.resultRows === people) return 'match';
  const parts: string[] = [];
  if (d.resultRows !== people) parts.push(`DuckDB has ${int(d.resultRows)} rows, we have ${int(people)}`);
  if (!totalsOk) parts.push('totals differ');
  for (const c of bad) {
    const e = c.example ? ` (person ${c.example.person}: ours ${c.example.ours}, DuckDB ${c.example.duckdb})` : '';
    parts.push(`${c.column}: ${int(c.mismatches)} people differ${e}`);
  }
  return 'DIFFERENT: ' + parts.join('; ');
}
