// Profile design: the grain of customer_360, how many records became how many profiles, the key
// columns with their descriptions read from the schema, and silver profile base vs gold mart.
import type { PipelineRun } from '../../pipeline/run';
import type { ColumnDef } from '../../pipeline/table';
import { customer360Schema, SEGMENTS } from '../../pipeline/schema/gold';
import { customerProfileBaseSchema } from '../../pipeline/schema/silver';
import { code, countShare, decimal, mdTable } from './markdown';
import { SECTION_HEADINGS } from './headings';

/** Key column groups; a column goes to the first group that matches it, unmatched ones are left out. */
const KEY_GROUPS: readonly { title: string; match: (name: string) => boolean }[] = [
  { title: 'identity key', match: (n) => ['customer_key', 'source_record_count', 'source_systems'].includes(n) },
  { title: 'golden contact', match: (n) => ['full_name', 'email', 'phone', 'country', 'city'].includes(n) },
  { title: 'consent', match: (n) => /^consent_|^can_/.test(n) },
  { title: 'lifetime value', match: (n) => /^(orders_count|lifetime_revenue|avg_order_value|days_since_last_order|value_tier)$/.test(n) },
  { title: 'windowed (30d / 90d)', match: (n) => /_(30d|90d)$/.test(n) },
  { title: 'service', match: (n) => /^tickets_|csat/.test(n) },
  { title: 'segment and risk', match: (n) => /^(segment|churn_risk|churn_risk_band)$/.test(n) },
];

export function keyColumns(columns: readonly ColumnDef[] = customer360Schema.columns): { group: string; column: ColumnDef }[] {
  const out: { group: string; column: ColumnDef }[] = [];
  for (const g of KEY_GROUPS) for (const c of columns) {
    if (g.match(c.name) && KEY_GROUPS.find((k) => k.match(c.name)) === g) out.push({ group: g.title, column: c });
  }
  return out;
}

function recordCounts(run: PipelineRun): string[] {
  const profiles = run.gold.customer360.table.rowCount;
  const records = run.silver.records.rawRow.length;
  const counts = run.silver.profile.recordCount;
  let merged = 0, largest = 0;
  for (let p = 0; p < counts.length; p++) {
    if (counts[p] > 1) merged++;
    if (counts[p] > largest) largest = counts[p];
  }
  return mdTable(['measure', 'value'], [
    ['raw customer rows (all versions, quarantined included)', String(run.sources.customers.rowCount)],
    ['source customer records resolved (deduplicated, accepted)', String(records)],
    ['profiles (rows of customer_360)', String(profiles)],
    ['merge ratio (records / profiles)', profiles > 0 ? decimal(records / profiles, 4) : 'n/a'],
    ['profiles merged from more than one record', countShare(merged, profiles)],
    ['largest profile (records)', String(largest)],
  ]);
}

function segmentCounts(run: PipelineRun): string[] {
  const seg = run.gold.customer360.segment;
  const n = new Array<number>(SEGMENTS.length).fill(0);
  for (let p = 0; p < seg.length; p++) if (seg[p] >= 0) n[seg[p]]++;
  return mdTable(['segment', 'profiles'], SEGMENTS.map((s, i) => [s, countShare(n[i], seg.length)]));
}

export function profileDesign(run: PipelineRun): string[] {
  return [
    SECTION_HEADINGS.profile,
    '',
    `${code(customer360Schema.path)}: ${customer360Schema.description}`,
    '',
    `**Grain:** ${customer360Schema.grain} Source records from the web shop, the stores and the CRM are resolved into one person first; `
      + 'every metric is then folded per person, so a consumer never has to deduplicate.',
    '',
    ...recordCounts(run),
    '',
    '### Key columns',
    '',
    'Descriptions are the schema\'s own (the same text as the data dictionary and the CSV contract).',
    '',
    ...mdTable(['group', 'column', 'type', 'description'], keyColumns().map(({ group, column }) => [group, code(column.name), column.type, column.description])),
    '',
    '### Segments in this run',
    '',
    ...segmentCounts(run),
    '',
    '### Silver profile base vs gold serving mart',
    '',
    `- ${code(customerProfileBaseSchema.path)} is the golden *record*. ${customerProfileBaseSchema.description} `
      + `${customerProfileBaseSchema.grain} Who the person is, with no behaviour and no business rules.`,
    `- ${code(customer360Schema.path)} is the *product*: the profile joined with everything the person did, as of ${run.params.now}, `
      + 'with business rules applied (segment, value tier, churn risk, consent state) and shaped for serving.',
    '',
  ];
}
