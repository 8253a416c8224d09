// Finding tables and cells by name in a run summary and in page rows.
import type { Layer } from '../../pipeline/table';
import type { PageResult, RunSummary, TableInfo } from '../../worker/api';

export const LAYER_ORDER: readonly Layer[] = ['raw', 'bronze', 'silver', 'gold', 'reports', 'truth'];

export const LAYER_LABELS: Record<Layer, string> = {
  raw: 'Raw sources',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
  reports: 'Reports',
  truth: 'Truth',
};

export const PATHS = {
  customer360: 'gold/customer_360.csv',
  segmentSummary: 'gold/segment_summary.csv',
  kpiSummary: 'gold/kpi_summary.csv',
  report: 'reports/customer360_quality_report.csv',
  reportMd: 'reports/customer360_quality_report.md',
  quarantine: 'silver/quarantine.csv',
} as const;

export function findTable(summary: RunSummary | null, path: string): TableInfo | undefined {
  return summary?.tables.find((t) => t.path === path);
}

/** Rows of a page as objects keyed by column name. */
export function recordsOf(info: TableInfo, page: PageResult | undefined): Record<string, string>[] {
  if (!page) return [];
  return page.rows.map((r) => Object.fromEntries(info.columns.map((c, i) => [c.name, r[i] ?? ''])));
}

export function hasColumn(info: TableInfo | undefined, name: string): boolean {
  return !!info?.columns.some((c) => c.name === name);
}
