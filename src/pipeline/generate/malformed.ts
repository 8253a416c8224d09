// Malformed raw values: what broken upstream systems really send. Each injected row carries one
// override (the raw text) on one column, chosen so that the contract's validation gives it exactly
// the intended quarantine reason; every other value of the row stays valid.
import type { Rng } from '../random';
import type { Column } from '../table';
import { DAY, HOUR, MINUTE, SECOND, civilFromDays, formatIsoUtc } from '../time';

/** In the contract's validation order. */
export const QUARANTINE_REASONS = [
  'missing_key',
  'unknown_enum',
  'unparseable_timestamp',
  'unparseable_amount',
  'future_timestamp',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** How many rows of a source to malform: 0.2-0.5% of its rows, at least one. */
export function malformedCount(rng: Rng, rows: number): number {
  if (rows === 0) return 0;
  return Math.max(1, Math.round(rows * (0.002 + 0.003 * rng.next())));
}

/** `count` reasons: each applicable reason once (while the count allows), then at random. */
export function planReasons(rng: Rng, count: number, applicable: readonly QuarantineReason[]): QuarantineReason[] {
  const first = [...applicable];
  for (let i = first.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [first[i], first[j]] = [first[j], first[i]];
  }
  const out: QuarantineReason[] = first.slice(0, count);
  while (out.length < count) out.push(rng.pick(applicable));
  return out;
}

/** One raw override per malformed row, recorded while rows are still in generation order. */
export class Malformations {
  private readonly rows: number[] = [];
  private readonly cols: number[] = [];
  private readonly texts: string[] = [];
  private readonly reasons: QuarantineReason[] = [];
  private readonly marked: Uint8Array;

  /** `rows`: how many rows (in generation order) there are to choose from. */
  constructor(rows: number) {
    this.marked = new Uint8Array(rows);
  }

  add(row: number, col: number, rawText: string, reason: QuarantineReason): void {
    if (this.marked[row]) throw new Error(`row ${row} is already malformed`);
    this.marked[row] = 1;
    this.rows.push(row);
    this.cols.push(col);
    this.texts.push(rawText);
    this.reasons.push(reason);
  }

  has(row: number): boolean {
    return this.marked[row] === 1;
  }

  get size(): number {
    return this.rows.length;
  }

  /**
   * Writes the overrides into the final columns, clears the typed values under them, and returns
   * `flagged`. `genOf[f]` is the generation row of final row f (-1 for a second delivery, which
   * is never malformed); rows are already final when it is omitted. A generation row that became
   * several final rows is malformed in the first of them.
   */
  apply(columns: readonly Column[], rowCount: number, genOf?: ArrayLike<number>): Uint8Array {
    const flagged = new Uint8Array(rowCount);
    const finalOf = new Map<number, number>();
    if (genOf && this.rows.length > 0) {
      for (let f = 0; f < rowCount; f++) {
        const g = genOf[f];
        if (g >= 0 && this.marked[g] && !finalOf.has(g)) finalOf.set(g, f);
      }
    }
    for (let i = 0; i < this.rows.length; i++) {
      const row = genOf ? finalOf.get(this.rows[i])! : this.rows[i];
      const col = columns[this.cols[i]];
      if (col.kind === 'lazy' || col.kind === 'view') throw new Error(`${col.kind} columns take no overrides`);
      (col.overrides ??= new Map()).set(row, this.texts[i]);
      if (col.kind === 'text') col.values[row] = null;
      else if (col.kind === 'number') col.values[row] = NaN;
      else if (col.kind === 'code') col.codes[row] = -1;
      else col.nums[row] = NaN;
      flagged[row] = 1;
    }
    return flagged;
  }

  addCounts(into: Record<string, number>): void {
    for (const r of this.reasons) into[r] = (into[r] ?? 0) + 1;
  }
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

function parts(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const day = Math.floor(ms / DAY);
  const [y, mo, d] = civilFromDays(day);
  let rest = ms - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const mi = Math.floor(rest / MINUTE);
  const s = Math.floor((rest - mi * MINUTE) / SECOND);
  return { y, mo, d, h, mi, s };
}

const IMPOSSIBLE_DAYS = ['02-30', '02-31', '04-31', '06-31', '09-31', '11-31'];

/** A timestamp as a sloppy system writes it; never the contract's `YYYY-MM-DDTHH:MM:SSZ` real date. */
export function badTimestamp(rng: Rng, ms: number): string {
  const { y, mo, d, h, mi, s } = parts(ms);
  const time = `${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
  switch (rng.int(5)) {
    case 0:
      return `${y}-${pad2(mo)}-${pad2(d)} ${time}`; // space instead of T, no zone
    case 1:
      return `${pad2(d)}/${pad2(mo)}/${y} ${pad2(h)}:${pad2(mi)}`; // European display format
    case 2:
      return `${y}-${rng.pick(IMPOSSIBLE_DAYS)}T${time}Z`; // a date that does not exist
    case 3:
      return String(Math.floor(ms / 1000)); // epoch seconds
    default:
      return `${y}-${pad2(mo)}-${pad2(d)}T${time}+03:00`; // an offset instead of Z
  }
}

/** A well-formed timestamp 1 to 12 days after `now` (a device or server clock gone wrong). */
export function futureTimestamp(rng: Rng, nowMs: number): string {
  return formatIsoUtc(nowMs + DAY + Math.floor(rng.next() * 11 * DAY / SECOND) * SECOND);
}

/** Money as a person or a spreadsheet types it: decimal comma, currency sign, `N/A`. */
export function badAmount(rng: Rng, cents: number): string {
  const whole = Math.floor(cents / 100);
  const frac = pad2(cents % 100);
  switch (rng.int(4)) {
    case 0:
      return `${whole},${frac}`;
    case 1:
      return `$${whole}.${frac}`;
    case 2:
      return 'N/A';
    default:
      return `USD ${whole}.${frac}`;
  }
}
