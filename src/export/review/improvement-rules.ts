// The one prioritised improvement, chosen by ordered rules over measured numbers: the first rule
// whose trigger holds wins; the last always holds. Pure in the measures, so a table of cases tests it.
import { CHECK_STATUSES } from '../../pipeline/schema/reports';
import { HOUR } from '../../pipeline/time';
import { code, decimal, percent } from './markdown';

export interface CheckRef {
  readonly checkId: string;
  readonly observed: string;
  readonly threshold: string;
  readonly detail: string;
}

export interface ImprovementMeasures {
  /** Checks with status fail, and with warn, in report order. */
  readonly failing: readonly CheckRef[];
  readonly warning: readonly CheckRef[];
  readonly precision: number;
  readonly recall: number;
  readonly orphanOrders: number;
  readonly currentOrders: number;
  readonly lateEvents: number;
  readonly clickEvents: number;
  readonly maxLatenessMs: number;
  /** Per consent purpose, profiles with unknown consent. */
  readonly consentUnknown: readonly { readonly purpose: string; readonly unknown: number }[];
  readonly profiles: number;
}

export const TRIGGERS = { precision: 0.95, recall: 0.95, orphanShare: 0.01, lateShare: 0.01, consentUnknownShare: 0.15 } as const;

export interface ImprovementRule {
  readonly id: string;
  readonly title: string;
  readonly trigger: string;
  readonly fires: (m: ImprovementMeasures) => boolean;
  readonly measured: (m: ImprovementMeasures) => string;
  readonly why: string;
  readonly action: (m: ImprovementMeasures) => string;
}

const share = (n: number, total: number) => (total > 0 ? n / total : NaN);
const checkText = (c: CheckRef) => `${code(c.checkId)} observed ${c.observed || 'nothing'} against ${c.threshold || 'no threshold'}`;
const worstUnknown = (m: ImprovementMeasures) =>
  m.consentUnknown.reduce<{ purpose: string; unknown: number } | null>((w, c) => (w === null || c.unknown > w.unknown ? c : w), null);

function statusRule(status: (typeof CHECK_STATUSES)[number], list: (m: ImprovementMeasures) => readonly CheckRef[], why: string): ImprovementRule {
  return {
    id: `${status}_check`, title: `Clear the first ${status.toUpperCase()} quality check`, trigger: `at least one check with status ${status}`,
    fires: (m) => list(m).length > 0,
    measured: (m) => (list(m).length ? `${list(m).length} ${status}: first ${checkText(list(m)[0])}` : `0 checks with status ${status}`),
    why,
    action: (m) => `Find why ${code(list(m)[0].checkId)} is ${status === 'fail' ? 'failing' : 'warning'} (${list(m)[0].detail || 'no detail'}) and fix it at its layer; `
      + (status === 'fail' ? 'hold the affected outputs from consumers until it passes.' : 'then tighten the check so it catches the cause earlier.'),
  };
}

export const IMPROVEMENT_RULES: readonly ImprovementRule[] = [
  statusRule('fail', (m) => m.failing, 'A failing check means the product breaks a promise to its consumers; nothing else is worth improving until it passes.'),
  {
    id: 'identity_precision', title: 'Stop false identity merges', trigger: `identity_precision < ${TRIGGERS.precision}`,
    fires: (m) => m.precision < TRIGGERS.precision,
    measured: (m) => `identity_precision = ${decimal(m.precision, 4)}`,
    why: 'A false merge puts two people in one profile, so one person\'s email, consent or spend can drive messages to another: a privacy defect, worse than a missed merge.',
    action: () => 'Lower the placeholder threshold or block shared values (household phones, test emails) outright, require two agreeing identifiers before merging, and review clusters that join different names.',
  },
  {
    id: 'identity_recall', title: 'Raise identity recall (graph-based resolution)', trigger: `identity_recall < ${TRIGGERS.recall} or orphan orders >= ${percent(TRIGGERS.orphanShare, 1)} of current orders`,
    fires: (m) => m.recall < TRIGGERS.recall || share(m.orphanOrders, m.currentOrders) >= TRIGGERS.orphanShare,
    measured: (m) => `identity_recall = ${decimal(m.recall, 4)}; orphan orders ${m.orphanOrders} of ${m.currentOrders} (${percent(m.orphanOrders, m.currentOrders)})`,
    why: 'A missed merge splits one customer across profiles: value and segment are understated, and a consent withdrawn on one record does not reach the other.',
    action: () => 'Resolve identities as a graph (connected components over email, phone and loyalty edges) and add probabilistic edges (email typos, name + city) gated by precision staying at or above the trigger; re-attach orphan orders once their customers resolve.',
  },
  {
    id: 'late_events', title: 'Handle late clickstream events with a watermark', trigger: `late click events >= ${percent(TRIGGERS.lateShare, 1)} of clean click events`,
    fires: (m) => share(m.lateEvents, m.clickEvents) >= TRIGGERS.lateShare,
    measured: (m) => `${m.lateEvents} of ${m.clickEvents} click events late (${percent(m.lateEvents, m.clickEvents)}), the latest ${decimal(m.maxLatenessMs / HOUR, 2)} h after it happened`,
    why: 'Late events are counted correctly here only because the lab rebuilds in batch; a streaming job without allowed lateness drops them from the 30-day windows silently.',
    action: (m) => `Window by event time with a watermark and allowed lateness of at least ${decimal(Math.ceil(m.maxLatenessMs / HOUR), 0)} h (or a daily recompute of the windows), and send events later than that to a side output that is counted.`,
  },
  {
    id: 'consent_capture', title: 'Capture consent where it is unknown', trigger: `unknown consent >= ${percent(TRIGGERS.consentUnknownShare, 1)} of profiles for some purpose`,
    fires: (m) => m.consentUnknown.some((c) => share(c.unknown, m.profiles) >= TRIGGERS.consentUnknownShare),
    measured: (m) => {
      const w = worstUnknown(m);
      return w ? `${w.purpose} unknown for ${w.unknown} of ${m.profiles} profiles (${percent(w.unknown, m.profiles)})` : 'no consent purposes';
    },
    why: 'Unknown consent is lost reach, not risk: those people are already left out of every audience, so it ranks below the correctness fixes above.',
    action: (m) => `Ask for ${worstUnknown(m)?.purpose ?? 'each purpose'} at signup, checkout and in the preference centre, backfill from the consent platform, and keep unknown as not contactable meanwhile.`,
  },
  statusRule('warn', (m) => m.warning, 'A warning is served data with a promise at risk (the report\'s own meaning); the measured defects above change what consumers receive today, so they rank first.'),
  {
    id: 'profile_api', title: 'Serve the profile through a low-latency API', trigger: 'always (no rule above fired)',
    fires: () => true,
    measured: () => 'nothing: the fallback',
    why: 'Nothing measured is past its trigger, so the next gain is for consumers: personalisation needs the profile in milliseconds, not a nightly file.',
    action: () => 'Publish customer_360 to an online store keyed by customer_key, fed by the streaming gold job, behind a small read API with the same consent gates.',
  },
];

export interface RankedRule {
  readonly rank: number;
  readonly rule: ImprovementRule;
  readonly fired: boolean;
}

/** Every rule in order with whether it fired; the chosen one is the first that fired. */
export function rankImprovements(m: ImprovementMeasures): { chosen: RankedRule; rules: RankedRule[] } {
  const rules = IMPROVEMENT_RULES.map((rule, i) => ({ rank: i + 1, rule, fired: rule.fires(m) }));
  return { chosen: rules.find((r) => r.fired)!, rules };
}
