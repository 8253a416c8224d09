// What the review reads from a finished run, in one place: quality rows by id, per-person consent
// and contact facts, and small counts over silver. Reads only; the run is never changed.
import type { PipelineRun } from '../../pipeline/run';
import type { CheckResult } from '../../pipeline/quality/checks';
import { CONSENT_PURPOSES } from '../../pipeline/schema/enums';
import { column } from '../../pipeline/table';
import { cellText } from '../../io/cell-text';
import { parseIsoUtc } from '../../pipeline/time';

export function qualityRow(run: PipelineRun, checkId: string): CheckResult | undefined {
  return run.quality.rows.find((r) => r.check_id === checkId);
}

/** A check's observed value as a number (NaN when the check is absent or has no value). */
export function observed(run: PipelineRun, checkId: string): number {
  const row = qualityRow(run, checkId);
  return row === undefined || row.observed === '' ? NaN : Number(row.observed);
}

export type Purpose = (typeof CONSENT_PURPOSES)[number];

/** Per purpose: how many profiles are granted, withdrawn or unknown (CONSENT_STATES order). */
export function consentCounts(run: PipelineRun, purpose: Purpose): { granted: number; withdrawn: number; unknown: number } {
  const states = run.gold.customer360.consent[CONSENT_PURPOSES.indexOf(purpose)];
  const out = { granted: 0, withdrawn: 0, unknown: 0 };
  for (let p = 0; p < states.length; p++) {
    if (states[p] === 0) out.granted++;
    else if (states[p] === 1) out.withdrawn++;
    else out.unknown++;
  }
  return out;
}

/** Profiles granted for a purpose that lack the contact field the channel needs. */
export function grantedWithout(run: PipelineRun, purpose: Purpose, contact: readonly (string | null)[]): number {
  const states = run.gold.customer360.consent[CONSENT_PURPOSES.indexOf(purpose)];
  let n = 0;
  for (let p = 0; p < states.length; p++) if (states[p] === 0 && contact[p] === null) n++;
  return n;
}

export interface LateClicks {
  readonly late: number;
  readonly clean: number;
  /** Largest ingest_ts - event_ts among late events, in ms (0 when none). */
  readonly maxLatenessMs: number;
}

export function lateClicks(run: PipelineRun): LateClicks {
  const c = run.silver.clicks;
  const event = column(c.table, 'event_ts'), ingest = column(c.table, 'ingest_ts');
  let late = 0, maxLatenessMs = 0;
  for (let i = 0; i < c.late.length; i++) {
    if (c.late[i] !== 1) continue;
    late++;
    const lateness = parseIsoUtc(cellText(ingest, 'timestamp', i)) - parseIsoUtc(cellText(event, 'timestamp', i));
    if (lateness > maxLatenessMs) maxLatenessMs = lateness;
  }
  return { late, clean: c.late.length, maxLatenessMs };
}

/** Current orders with no customer_key, and what their counted ones are worth (cents). */
export function orphanOrders(run: PipelineRun): { orders: number; countedCents: number } {
  const o = run.silver.orders;
  let orders = 0, countedCents = 0;
  for (let i = 0; i < o.person.length; i++) {
    if (o.person[i] >= 0) continue;
    orders++;
    if (o.counted[i] === 1 && !Number.isNaN(o.amountCents[i])) countedCents += o.amountCents[i];
  }
  return { orders, countedCents };
}
