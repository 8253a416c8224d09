// The data product review (reports/data_product_review.md): its sections, every quality row with
// its status, consent counts checked against the gold CSV read back, the improvement rules (as a
// table of cases, and on real runs whose driving numbers differ), determinism and clean text.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { resolveParams, type RunParamsInput } from '../../src/pipeline/params';
import { runPipeline, type PipelineRun } from '../../src/pipeline/run';
import { CONSENT_PURPOSES } from '../../src/pipeline/schema/enums';
import { customer360Schema } from '../../src/pipeline/schema/gold';
import { tableToCsv } from '../../src/io/csv-writer';
import {
  dataProductReview, IMPROVEMENT_RULES, rankImprovements, REVIEW_PATH, REVIEW_TITLE, SECTION_HEADINGS, type ImprovementMeasures,
} from '../../src/export/review';

const CASES: readonly { name: string; input: RunParamsInput }[] = [
  { name: 'seed 21, 1000 customers, defaults', input: { seed: 21, customers: 1000 } },
  { name: 'seed 21, 1000 customers, issues off', input: { seed: 21, customers: 1000, issues: false } },
  { name: 'seed 21, 1000 customers, placeholder threshold 1000', input: { seed: 21, customers: 1000, placeholderThreshold: 1000 } },
  { name: 'seed 9, 1000 customers, issues off', input: { seed: 9, customers: 1000, issues: false } },
  { name: 'seed 7, 1500 customers, link email only', input: { seed: 7, customers: 1500, link: ['email'] } },
  { name: 'seed 3, 500 customers, link nothing', input: { seed: 3, customers: 500, link: [] } },
];

const runs = new Map<string, { run: PipelineRun; text: string }>();
function reviewed(input: RunParamsInput): { run: PipelineRun; text: string } {
  const key = JSON.stringify(input);
  let r = runs.get(key);
  if (!r) {
    const run = runPipeline(resolveParams(input));
    r = { run, text: dataProductReview(run) };
    runs.set(key, r);
  }
  return r;
}

const decoder = new TextDecoder();
function csvRows(run: PipelineRun, path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(decoder.decode(tableToCsv(run.tables.get(path)!)), { header: true, skipEmptyLines: true });
  return parsed.data;
}

/** The cells of the markdown table row that starts with `first`. */
function rowCells(text: string, first: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (line === undefined) throw new Error(`no row starting with ${first}`);
  return line.slice(2, -2).split(' | ');
}
const leadingInt = (cell: string) => Number(/^(\d+)/.exec(cell.replace(/^`[^`]*` \(/, ''))![1]);

describe('data product review', () => {
  it('lives beside the quality report', () => {
    expect(REVIEW_PATH).toBe('reports/data_product_review.md');
  });

  it.each(CASES)('has the title and every section heading, in order: $name', ({ input }) => {
    const lines = reviewed(input).text.split('\n');
    const at = [REVIEW_TITLE, ...Object.values(SECTION_HEADINGS)].map((h) => lines.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lines[0]).toBe(REVIEW_TITLE);
  });

  it.each(CASES)('states every run parameter in the header: $name', ({ input }) => {
    const { run, text } = reviewed(input);
    const p = run.params;
    for (const row of [`| seed | ${p.seed} |`, `| customers | ${p.customers} |`, `| now (as of) | ${p.now} |`, `| injected problems | ${p.issues ? 'on' : 'off'} |`]) {
      expect(text).toContain(row);
    }
    expect(text).toContain(`| placeholder threshold | ${p.placeholderThreshold} `);
    expect(rowCells(text, 'linking identifiers')[1]).toBe(p.link.length ? p.link.map((k) => `\`${k}\``).join(', ') : 'none (every record is its own person)');
  });

  it.each(CASES)('lists every quality check of the run with its status and observed value: $name', ({ input }) => {
    const { run, text } = reviewed(input);
    expect(run.quality.rows.length).toBeGreaterThan(20);
    for (const r of run.quality.rows) {
      const cells = rowCells(text, `\`${r.check_id}\``);
      expect(cells.slice(1, 4)).toEqual([r.status.toUpperCase(), r.observed, r.threshold]);
      expect(cells[4].length).toBeGreaterThan(20);
    }
  });

  it.each(CASES)('consent counts sum to the profiles and match gold/customer_360.csv read back: $name', ({ input }) => {
    const { run, text } = reviewed(input);
    const c360 = csvRows(run, 'gold/customer_360.csv');
    expect(c360.length).toBe(run.gold.customer360.table.rowCount);
    const contact: Record<string, string> = { email_marketing: 'email', sms_marketing: 'phone', personalized_ads: 'email' };
    const audience: Record<string, string> = { email_marketing: 'gold/activation_email.csv', sms_marketing: 'gold/activation_sms.csv', personalized_ads: 'gold/activation_ads.csv' };
    for (const purpose of CONSENT_PURPOSES) {
      const cells = rowCells(text, `\`${purpose}\``);
      const [granted, withdrawn, unknown, without, files] = [cells[3], cells[4], cells[5], cells[6], cells[7]].map(leadingInt);
      expect(granted + withdrawn + unknown).toBe(c360.length);
      const col = `consent_${purpose}`;
      expect(granted).toBe(c360.filter((r) => r[col] === 'granted').length);
      expect(withdrawn).toBe(c360.filter((r) => r[col] === 'withdrawn').length);
      expect(unknown).toBe(c360.filter((r) => r[col] === 'unknown').length);
      expect(without).toBe(c360.filter((r) => r[col] === 'granted' && r[contact[purpose]] === '').length);
      expect(files).toBe(csvRows(run, audience[purpose]).length);
      expect(files).toBe(granted - without);
    }
  });

  it('takes key column descriptions from the schema', () => {
    const { text } = reviewed(CASES[0].input);
    for (const name of ['customer_key', 'email', 'consent_email_marketing', 'lifetime_revenue', 'sessions_30d', 'revenue_90d', 'segment']) {
      const def = customer360Schema.columns.find((c) => c.name === name)!;
      expect(text).toContain(`| \`${name}\` | ${def.type} | ${def.description.replace(/\|/g, '\\|')} |`);
    }
    expect(text).toContain(customer360Schema.grain);
  });

  it.each(CASES)('has no NaN, undefined, Infinity or [object in the text: $name', ({ input }) => {
    const { text } = reviewed(input);
    for (const bad of [/NaN/, /undefined/, /Infinity/, /\[object/, /\bnull\b/]) expect(text).not.toMatch(bad);
  });

  it('is byte-identical for the same parameters, run twice', () => {
    const input = { seed: 5, customers: 800 };
    const a = dataProductReview(runPipeline(resolveParams(input)));
    const run = runPipeline(resolveParams(input));
    expect(dataProductReview(run)).toBe(a);
    expect(dataProductReview(run)).toBe(a);
  });

  it('gives a check it has no reading for a fallback line instead of failing', () => {
    const { run } = reviewed(CASES[0].input);
    const extra = { check_id: 'brand_new_check', check: 'Something measured for the first time', layer: 'gold', status: 'warn' as const, observed: '3', threshold: '0', detail: 'x' };
    const odd = { ...extra, check_id: 'constructor', check: '' };
    const text = dataProductReview({ ...run, quality: { ...run.quality, rows: [...run.quality.rows, extra, odd] } });
    expect(rowCells(text, '`brand_new_check`')[4]).toContain('Something measured for the first time');
    expect(rowCells(text, '`constructor`')[4]).toContain('no reading written for this check yet');
  });
});

describe('the prioritised improvement', () => {
  const clean: ImprovementMeasures = {
    failing: [], warning: [], precision: 1, recall: 1, orphanOrders: 0, currentOrders: 1000, lateEvents: 0, clickEvents: 10_000,
    maxLatenessMs: 0, consentUnknown: CONSENT_PURPOSES.map((purpose) => ({ purpose, unknown: 50 })), profiles: 1000,
  };
  const check = (checkId: string) => ({ checkId, observed: '1', threshold: '0', detail: '' });
  const unknownAds = CONSENT_PURPOSES.map((purpose) => ({ purpose, unknown: purpose === 'personalized_ads' ? 200 : 50 }));
  const rules: readonly { name: string; m: ImprovementMeasures; chosen: string }[] = [
    { name: 'nothing past a trigger: the fallback', m: clean, chosen: 'profile_api' },
    { name: 'a warning only', m: { ...clean, warning: [check('orphan_orders')] }, chosen: 'warn_check' },
    { name: 'unknown consent 20% outranks a warning', m: { ...clean, warning: [check('x')], consentUnknown: unknownAds }, chosen: 'consent_capture' },
    { name: 'unknown consent 14.9% does not fire', m: { ...clean, consentUnknown: CONSENT_PURPOSES.map((purpose) => ({ purpose, unknown: 149 })) }, chosen: 'profile_api' },
    { name: 'late events 1% outrank consent', m: { ...clean, lateEvents: 100, consentUnknown: unknownAds }, chosen: 'late_events' },
    { name: 'late events 0.99% do not fire', m: { ...clean, lateEvents: 99 }, chosen: 'profile_api' },
    { name: 'recall 0.94 outranks late events', m: { ...clean, recall: 0.94, lateEvents: 500 }, chosen: 'identity_recall' },
    { name: 'orphan orders 1% fire the identity rule with perfect recall', m: { ...clean, orphanOrders: 10 }, chosen: 'identity_recall' },
    { name: 'precision 0.94 outranks recall', m: { ...clean, precision: 0.94, recall: 0.5 }, chosen: 'identity_precision' },
    { name: 'a failing check outranks everything', m: { ...clean, failing: [check('freshness_orders')], precision: 0.5, recall: 0.5, warning: [check('y')] }, chosen: 'fail_check' },
    { name: 'unmeasured accuracy (NaN) fires nothing', m: { ...clean, precision: NaN, recall: NaN, currentOrders: 0, clickEvents: 0, profiles: 0 }, chosen: 'profile_api' },
  ];
  it.each(rules)('$name → $chosen', ({ m, chosen }) => {
    expect(rankImprovements(m).chosen.rule.id).toBe(chosen);
    expect(IMPROVEMENT_RULES.map((r) => r.measured(m)).join(' ')).not.toMatch(/NaN|undefined/);
  });

  const chosenOf = (text: string) => /\(rule (\d+) of \d+, `([a-z_]+)`\)/.exec(text)!;
  const onRuns: readonly { name: string; input: RunParamsInput; chosen: string; driving: (run: PipelineRun) => string }[] = [
    { name: 'defaults: missed merges', input: CASES[0].input, chosen: 'identity_recall', driving: (r) => `identity_recall = ${r.quality.rows.find((q) => q.check_id === 'identity_recall')!.observed}` },
    { name: 'issues off: no missed merges, consent unknown drives', input: CASES[1].input, chosen: 'consent_capture', driving: () => 'personalized_ads unknown for' },
    { name: 'placeholder threshold 1000: false merges', input: CASES[2].input, chosen: 'identity_precision', driving: (r) => `identity_precision = ${r.quality.rows.find((q) => q.check_id === 'identity_precision')!.observed}` },
    { name: 'seed 9 issues off: a failing freshness check', input: CASES[3].input, chosen: 'fail_check', driving: () => '1 fail: first `freshness_clickstream`' },
  ];
  it.each(onRuns)('$name → $chosen, with the number that drove it', ({ input, chosen, driving }) => {
    const { run, text } = reviewed(input);
    const section = text.slice(text.indexOf(SECTION_HEADINGS.improvement));
    expect(chosenOf(section)[2]).toBe(chosen);
    expect(section).toContain(`- Driving number: ${driving(run)}`);
    expect(section).toMatch(/- Why it ranks first: /);
    const table = IMPROVEMENT_RULES.map((r) => rowCells(section, String(IMPROVEMENT_RULES.indexOf(r) + 1)));
    expect(table.map((cells) => cells[4]).filter((f) => f === 'yes, chosen')).toHaveLength(1);
  });

  it('changes when the driving measurement changes', () => {
    const chosen = onRuns.map((c) => chosenOf(reviewed(c.input).text)[2]);
    expect(new Set(chosen).size).toBe(onRuns.length);
  });
});
