// The prioritised improvement of this run: measures read from the run, the rules' choice, and the
// runner-ups with their numbers.
import type { PipelineRun } from '../../pipeline/run';
import { CONSENT_PURPOSES } from '../../pipeline/schema/enums';
import { code, mdTable } from './markdown';
import { consentCounts, lateClicks, orphanOrders } from './run-facts';
import { rankImprovements, type CheckRef, type ImprovementMeasures } from './improvement-rules';
import { SECTION_HEADINGS } from './headings';

export function improvementMeasures(run: PipelineRun): ImprovementMeasures {
  const ref = (status: string): CheckRef[] => run.quality.rows.filter((r) => r.status === status)
    .map((r) => ({ checkId: r.check_id, observed: r.observed, threshold: r.threshold, detail: r.detail }));
  const late = lateClicks(run);
  return {
    failing: ref('fail'), warning: ref('warn'),
    precision: run.quality.accuracy.precision, recall: run.quality.accuracy.recall,
    orphanOrders: orphanOrders(run).orders, currentOrders: run.silver.orders.person.length,
    lateEvents: late.late, clickEvents: late.clean, maxLatenessMs: late.maxLatenessMs,
    consentUnknown: CONSENT_PURPOSES.map((purpose) => ({ purpose, unknown: consentCounts(run, purpose).unknown })),
    profiles: run.gold.customer360.table.rowCount,
  };
}

export function improvementSection(run: PipelineRun): string[] {
  const m = improvementMeasures(run);
  const { chosen, rules } = rankImprovements(m);
  const earlier = rules.filter((r) => r.rank < chosen.rank);
  const runnerUps = rules.filter((r) => r.rank > chosen.rank && r.fired && r.rule.id !== 'profile_api');
  return [
    SECTION_HEADINGS.improvement,
    '',
    `**${chosen.rule.title}** (rule ${chosen.rank} of ${rules.length}, ${code(chosen.rule.id)}).`,
    '',
    `- Driving number: ${chosen.rule.measured(m)}.`,
    `- Trigger: ${chosen.rule.trigger}.`,
    `- Why it ranks first: ${chosen.rule.why}`
      + (earlier.length ? ` Rules ${earlier.map((r) => r.rank).join(', ')} come before it and did not fire.` : ' It is the first rule.'),
    `- What to do: ${chosen.rule.action(m)}`,
    '',
    runnerUps.length
      ? `Runner-ups (also fired, in rank order): ${runnerUps.map((r) => `${r.rank}. ${r.rule.title} (${r.rule.measured(m)})`).join('; ')}.`
      : 'Runner-ups: no other rule fired.',
    '',
    'Every rule, in order; the first that fires is chosen:',
    '',
    ...mdTable(['rank', 'rule', 'trigger', 'measured in this run', 'fired'], rules.map((r) => [
      String(r.rank), `${code(r.rule.id)} ${r.rule.title}`, r.rule.trigger, r.rule.measured(m), r === chosen ? 'yes, chosen' : r.fired ? 'yes' : 'no',
    ])),
    '',
  ];
}
