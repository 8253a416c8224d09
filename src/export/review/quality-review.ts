// Quality and freshness review: every row of reports/customer360_quality_report.md, in report
// order, with what it means for a consumer.
import type { PipelineRun } from '../../pipeline/run';
import { CHECK_STATUSES } from '../../pipeline/schema/reports';
import { code, mdTable } from './markdown';
import { checkNote, type NoteContext } from './check-notes';
import { SECTION_HEADINGS } from './headings';

/** A status as the .md report writes it (upper case). */
export const statusText = (status: string) => status.toUpperCase();

export function qualityReview(run: PipelineRun): string[] {
  const rows = run.quality.rows;
  const ctx: NoteContext = { currentOrders: run.silver.orders.person.length, cleanClickEvents: run.silver.clicks.person.length };
  const counts = CHECK_STATUSES.map((s) => `${rows.filter((r) => r.status === s).length} ${s}`);
  const other = rows.filter((r) => !(CHECK_STATUSES as readonly string[]).includes(r.status)).length;
  return [
    SECTION_HEADINGS.quality,
    '',
    `All ${rows.length} rows of ${code('reports/customer360_quality_report.md')}, in report order: ${counts.join(', ')}`
      + `${other ? `, ${other} other` : ''}. PASS: the promise holds. WARN: served, read with care. FAIL: the product breaks its promise. `
      + 'INFO: a measurement with no threshold. Freshness thresholds are hours because the lab\'s data is small; production SLAs are minutes.',
    '',
    ...mdTable(
      ['check_id', 'status', 'observed', 'threshold', 'what it means for a consumer'],
      rows.map((r) => [code(r.check_id), statusText(r.status), r.observed, r.threshold, checkNote(r, ctx)]),
    ),
    '',
  ];
}
