// The contract's scoring rules, one small pure function each (table-tested in test/pipeline/gold.test.ts).
// Each rule answers with the value's code (its index in the enum), as the gold tables store it:
// the batch loop then needs no text per person. The *Of forms give the value itself.
import { CHURN_BANDS, SEGMENTS, VALUE_TIERS } from '../schema/gold';
import { DAY } from '../time';

export type Segment = (typeof SEGMENTS)[number];

const codesOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v, i) => [v, i])) as Record<T, number>;
const SEGMENT = codesOf(SEGMENTS);
const TIER = codesOf(VALUE_TIERS);
const BAND = codesOf(CHURN_BANDS);

/** days_since_last_order: whole days from the last order to `nowMs`; NaN without orders. */
export function recencyDays(ordersCount: number, lastOrderAt: number, nowMs: number): number {
  return ordersCount > 0 && !Number.isNaN(lastOrderAt) ? Math.floor((nowMs - lastOrderAt) / DAY) : NaN;
}

/** First rule that holds, F = orders_count, R = days_since_last_order (NaN when unknown). */
export function segmentCode(f: number, r: number): number {
  if (f === 0) return SEGMENT.Prospect;
  if (f === 1 && r <= 30) return SEGMENT.New;
  if (r <= 30 && f >= 5) return SEGMENT.Champion;
  if (r <= 90 && f >= 3) return SEGMENT.Loyal;
  if (r <= 90) return SEGMENT.Promising;
  if (r <= 180) return SEGMENT['At Risk'];
  return SEGMENT.Hibernating;
}

export const segmentOf = (f: number, r: number): Segment => SEGMENTS[segmentCode(f, r)];

/** By lifetime revenue in cents (exact: no float thresholds on money). */
export function valueTierCode(lifetimeCents: number): number {
  if (lifetimeCents >= 100_000) return TIER.high;
  if (lifetimeCents >= 25_000) return TIER.medium;
  if (lifetimeCents > 0) return TIER.low;
  return TIER.none;
}

export const valueTierOf = (lifetimeCents: number): (typeof VALUE_TIERS)[number] => VALUE_TIERS[valueTierCode(lifetimeCents)];

export interface ChurnInputs {
  daysSinceLastOrder: number;
  orders90d: number;
  ticketsOpen: number;
  /** Unrounded mean csat, NaN when none rated. */
  avgCsat: number;
  sessions30d: number;
}

export function churnRiskOf(c: ChurnInputs): number {
  return churnRisk(c.daysSinceLastOrder, c.orders90d, c.ticketsOpen, c.avgCsat, c.sessions30d);
}

/** churnRiskOf with positional inputs: no object per person in the batch loop. */
export function churnRisk(daysSinceLastOrder: number, orders90d: number, ticketsOpen: number, avgCsat: number, sessions30d: number): number {
  const x =
    -1.5 +
    0.015 * daysSinceLastOrder -
    0.4 * Math.min(orders90d, 5) +
    0.6 * ticketsOpen -
    0.35 * (Number.isNaN(avgCsat) ? 0 : avgCsat - 3) -
    0.05 * Math.min(sessions30d, 10);
  return 1 / (1 + Math.exp(-x));
}

export function churnBandCode(risk: number): number {
  return risk < 0.33 ? BAND.low : risk < 0.66 ? BAND.medium : BAND.high;
}

export const churnBandOf = (risk: number): (typeof CHURN_BANDS)[number] => CHURN_BANDS[churnBandCode(risk)];
