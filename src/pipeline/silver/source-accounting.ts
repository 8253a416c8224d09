// Where each bronze row of a source ended: accepted, superseded or quarantined (by reason).
import { REASONS } from './validate';

export interface SourceAccounting {
  readonly source: string;
  readonly bronze: number;
  readonly accepted: number;
  readonly superseded: number;
  readonly quarantined: number;
  /** Reason → rows, all five reasons in validation order. */
  readonly byReason: Readonly<Record<string, number>>;
  /** What the superseded rows were, e.g. older CDC changes, duplicate deliveries, deletes. */
  readonly supersededDetail: Readonly<Record<string, number>>;
}

export function countReasons(reasons: Uint8Array): { quarantined: number; byReason: Record<string, number> } {
  const counts = new Array<number>(REASONS.length + 1).fill(0);
  for (let i = 0; i < reasons.length; i++) counts[reasons[i]]++;
  const byReason: Record<string, number> = {};
  REASONS.forEach((r, i) => (byReason[r] = counts[i + 1]));
  return { quarantined: reasons.length - counts[0], byReason };
}
