// reports/customer360_quality_report.csv and .md: the same rows, for machines and for people.
import type { Table } from '../table';
import { code, makeTable, text } from '../table';
import { CHECK_STATUSES, qualityReportSchema } from '../schema/reports';
import type { RunParams } from '../params';
import type { CheckResult } from './checks';

export function qualityReportTable(rows: readonly CheckResult[]): Table {
  const col = (k: keyof CheckResult) => text(rows.map((r) => (r[k] === '' ? null : r[k])));
  return makeTable(qualityReportSchema, rows.length, [
    col('check_id'), col('check'), col('layer'),
    code(Int32Array.from(rows, (r) => CHECK_STATUSES.indexOf(r.status)), CHECK_STATUSES),
    col('observed'), col('threshold'), col('detail'),
  ]);
}

const STATUS_MEANING: Record<string, string> = {
  pass: 'the check holds',
  warn: 'worth a look; the data is still served',
  fail: 'the data product breaks its promise; fix before serving',
  info: 'a measurement to read, with no threshold',
};

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function qualityReportMarkdown(rows: readonly CheckResult[], params: RunParams): string {
  const counts = { pass: 0, warn: 0, fail: 0, info: 0 } as Record<string, number>;
  for (const r of rows) counts[r.status]++;
  const lines = [
    '# Customer 360 quality report',
    '',
    `Run: seed ${params.seed}, ${params.customers} customers, as of ${params.now}, injected problems ${params.issues ? 'on' : 'off'}, ` +
      `link ${params.link.length ? params.link.join(', ') : 'none'}, placeholder threshold ${params.placeholderThreshold}.`,
    '',
    `Summary: ${counts.pass} pass, ${counts.warn} warn, ${counts.fail} fail, ${counts.info} info.`,
    '',
    '| check_id | check | layer | status | observed | threshold | detail |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${[r.check_id, r.check, r.layer, r.status.toUpperCase(), r.observed, r.threshold, r.detail].map(cell).join(' | ')} |`),
    '',
    '## What the statuses mean',
    '',
    ...Object.entries(STATUS_MEANING).map(([s, m]) => `- **${s.toUpperCase()}**: ${m}.`),
    '',
  ];
  return lines.join('\n');
}
