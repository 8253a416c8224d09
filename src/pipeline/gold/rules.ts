// The contract's scoring rules, one small pure function each (table-tested in test/gold/rules.test.ts).
import { SEGMENTS } from '../schema/gold';

export type Segment = (typeof SEGMENTS)[number];

/** First rule that holds, F = orders_count, R = days_since_last_order (NaN when unknown). */
export function segmentOf(f: number, r: number): Segment {
  if (f === 0) return 'Prospect';
  if (f === 1 && r <= 30) return 'New';
  if (r <= 30 && f >= 5) return 'Champion';
  if (r <= 90 && f >= 3) return 'Loyal';
  if (r <= 90) return 'Promising';
  if (r <= 180) return 'At Risk';
  return 'Hibernating';
}

/** By lifetime revenue in cents (exact: no float thresholds on money). */
export function valueTierOf(lifetimeCents: number): 'high' | 'medium' | 'low' | 'none' {
  if (lifetimeCents >= 100_000) return 'high';
  if (lifetimeCents >= 25_000) return 'medium';
  if (lifetimeCents > 0) return 'low';
  return 'none';
}

export interface ChurnInputs {
  daysSinceLastOrder: number;
  orders90d: number;
  ticketsOpen: number;
  /** Unrounded mean csat, NaN when none rated. */
  avgCsat: number;
  sessions30d: number;
}

export function churnRiskOf(c: ChurnInputs): number {
  const x =
    -1.5 +
    0.015 * c.daysSinceLastOrder -
    0.4 * Math.min(c.orders90d, 5) +
    0.6 * c.ticketsOpen -
    0.35 * (Number.isNaN(c.avgCsat) ? 0 : c.avgCsat - 3) -
    0.05 * Math.min(c.sessions30d, 10);
  return 1 / (1 + Math.exp(-x));
}

export function churnBandOf(risk: number): 'low' | 'medium' | 'high' {
  return risk < 0.33 ? 'low' : risk < 0.66 ? 'medium' : 'high';
}
