// Freshness: hours from a source's latest event time (over accepted rows, superseded and deleted
// changes included) to now, against dbt-style warn_after / error_after thresholds.
import type { CheckStatus } from '../schema/reports';
import { HOUR } from '../time';

export interface FreshnessPolicy {
  readonly source: string;
  /** Columns whose latest value is the source's latest time. */
  readonly columns: readonly string[];
  readonly warnAfterHours: number;
  readonly errorAfterHours: number;
}

// Tuned for a teaching data set that simulates streams caught up to `now`: a healthy run passes,
// a source that stops flowing warns within a day or two, as a production SLA would (in minutes).
export const FRESHNESS_POLICIES: readonly FreshnessPolicy[] = [
  { source: 'customers', columns: ['updated_at'], warnAfterHours: 24, errorAfterHours: 72 },
  { source: 'orders', columns: ['updated_at'], warnAfterHours: 6, errorAfterHours: 24 },
  { source: 'clickstream', columns: ['event_ts'], warnAfterHours: 2, errorAfterHours: 12 },
  { source: 'support_tickets', columns: ['opened_at', 'closed_at'], warnAfterHours: 24, errorAfterHours: 72 },
  { source: 'campaign_events', columns: ['event_ts'], warnAfterHours: 168, errorAfterHours: 336 },
  { source: 'consent_events', columns: ['event_ts'], warnAfterHours: 72, errorAfterHours: 168 },
];

/** Age in (unrounded) hours; NaN when the source has no accepted time. */
export function freshnessHours(latestMs: number, nowMs: number): number {
  return Number.isNaN(latestMs) ? NaN : (nowMs - latestMs) / HOUR;
}

/** pass up to warn_after, warn up to error_after, fail beyond (and fail with no data). */
export function freshnessStatus(hours: number, policy: FreshnessPolicy): CheckStatus {
  if (Number.isNaN(hours)) return 'fail';
  if (hours > policy.errorAfterHours) return 'fail';
  if (hours > policy.warnAfterHours) return 'warn';
  return 'pass';
}
