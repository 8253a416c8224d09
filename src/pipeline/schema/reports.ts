import type { TableSchema } from '../table';

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'info'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const qualityReportSchema: TableSchema = {
  name: 'customer360_quality_report', path: 'reports/customer360_quality_report.csv', layer: 'reports',
  grain: 'One row per quality or freshness check.',
  description: 'Quality and freshness checks over every layer, as a production data product would publish them.',
  columns: [
    { name: 'check_id', type: 'string', description: 'Stable id of the check.' },
    { name: 'check', type: 'string', description: 'What it checks.' },
    { name: 'layer', type: 'string', description: 'Layer checked.' },
    { name: 'status', type: 'enum', values: CHECK_STATUSES, description: 'pass, warn, fail or info.' },
    { name: 'observed', type: 'string', description: 'Observed value, a plain number.' },
    { name: 'threshold', type: 'string', description: 'What pass means.' },
    { name: 'detail', type: 'string', description: 'Breakdown or explanation.' },
  ],
};
