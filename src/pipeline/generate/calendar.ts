// Time inside the generator: whole seconds since an epoch four years before `now`, kept in
// Uint32 arrays, with the rhythms of retail: weekends online, weekdays in store, evenings,
// a November/December peak, a summer sale and a growing business.
import type { Rng } from '../random';
import { civilFromDays, daysFromCivil, parseIsoUtc } from '../time';

export const DAY_S = 86400;
export const HOUR_S = 3600;
export const MINUTE_S = 60;
const SPAN_DAYS = 4 * 365;

/** When something happens: online shopping, a store visit, or office hours (support, CRM). */
export type Rhythm = 'online' | 'store' | 'office';

const WEEKDAY: Record<Rhythm, readonly number[]> = {
  // Sunday first
  online: [1.25, 0.95, 0.9, 0.9, 0.95, 1.0, 1.25],
  store: [0.55, 1.1, 1.1, 1.15, 1.15, 1.2, 0.9],
  office: [0.25, 1.2, 1.1, 1.1, 1.05, 1.0, 0.45],
};
const MONTH = [0.9, 0.85, 0.95, 0.95, 1.0, 1.12, 1.15, 0.95, 0.95, 1.0, 1.45, 1.5];
const HOURS: Record<Rhythm, readonly number[]> = {
  online: [0.5, 0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.7, 0.9, 1, 1.1, 1.2, 1.4, 1.3, 1.2, 1.2, 1.3, 1.4, 1.6, 1.9, 2.2, 2.3, 1.8, 1],
  store: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.4, 0.8, 1, 1.3, 1.3, 1.1, 1.1, 1.2, 1.5, 1.8, 1.7, 1.2, 0.5, 0, 0],
  office: [0.05, 0, 0, 0, 0, 0, 0.1, 0.4, 1, 1.4, 1.5, 1.4, 1.1, 1.3, 1.4, 1.3, 1.2, 1, 0.6, 0.3, 0.2, 0.15, 0.1, 0.05],
};
const HOUR_TABLE_SIZE = 1024;

export class Clock {
  readonly nowMs: number;
  /** Epoch seconds of generator time 0. */
  readonly baseSec: number;
  /** `now` in generator seconds. */
  readonly nowT: number;
  private readonly baseDay: number;
  private readonly dayCount: number;
  private readonly weights: Record<Rhythm, Float64Array>;
  private readonly hourTables: Record<Rhythm, Uint8Array>;

  constructor(nowIso: string) {
    this.nowMs = parseIsoUtc(nowIso);
    if (Number.isNaN(this.nowMs)) throw new Error(`now is not an ISO UTC instant: ${nowIso}`);
    const nowSec = Math.floor(this.nowMs / 1000);
    this.baseSec = nowSec - SPAN_DAYS * DAY_S;
    this.nowT = nowSec - this.baseSec;
    this.baseDay = Math.floor(this.baseSec / DAY_S);
    this.dayCount = Math.floor(nowSec / DAY_S) - this.baseDay + 1;
    this.weights = dayWeightTables(this.baseDay, this.dayCount);
    this.hourTables = { online: hourTable(HOURS.online), store: hourTable(HOURS.store), office: hourTable(HOURS.office) };
  }

  toMs(t: number): number {
    return (this.baseSec + t) * 1000;
  }

  /** A civil date at midnight UTC, in generator seconds (may be negative before the epoch). */
  dateT(y: number, m: number, d: number): number {
    return daysFromCivil(y, m, d) * DAY_S - this.baseSec;
  }

  civil(t: number): [number, number, number] {
    return civilFromDays(Math.floor((this.baseSec + t) / DAY_S));
  }

  /**
   * An instant in [lo, hi] (generator seconds) shaped by the rhythm's weekday, season, growth
   * and local hour of day. Windows shorter than two days are uniform.
   */
  sample(rng: Rng, lo: number, hi: number, rhythm: Rhythm, utcOffsetHours: number): number {
    if (hi <= lo) return lo;
    if (hi - lo < 2 * DAY_S) return lo + Math.floor(rng.next() * (hi - lo + 1));
    const w = this.weights[rhythm];
    const hours = this.hourTables[rhythm];
    const offset = utcOffsetHours * HOUR_S;
    const dayLo = Math.max(0, Math.floor((this.baseSec + lo + offset) / DAY_S) - this.baseDay);
    const dayHi = Math.min(this.dayCount - 1, Math.floor((this.baseSec + hi + offset) / DAY_S) - this.baseDay);
    const days = dayHi - dayLo + 1;
    // Rejection sampling on the day weight (busy days have weight 1; a quiet day about 0.1).
    for (let tries = 0; tries < 64; tries++) {
      const day = dayLo + Math.floor(rng.next() * days);
      if (tries < 60 && rng.next() >= w[day]) continue;
      const hour = hours[Math.floor(rng.next() * HOUR_TABLE_SIZE)];
      const local = hour * HOUR_S + Math.floor(rng.next() * HOUR_S);
      const t = (this.baseDay + day) * DAY_S - this.baseSec + local - offset;
      if (t >= lo && t <= hi) return t;
    }
    return lo + Math.floor(rng.next() * (hi - lo + 1));
  }
}

let lastWeights: { key: string; tables: Record<Rhythm, Float64Array> } | null = null;

/**
 * Each day's relative weight per rhythm (busiest day 1), all three rhythms in one walk over the
 * days. The last `now`'s tables are kept: every run builds a new clock, mostly for the same `now`.
 */
function dayWeightTables(baseDay: number, dayCount: number): Record<Rhythm, Float64Array> {
  const key = `${baseDay}/${dayCount}`;
  if (lastWeights?.key === key) return lastWeights.tables;
  const tables = { online: new Float64Array(dayCount), store: new Float64Array(dayCount), office: new Float64Array(dayCount) };
  const rhythms = [tables.online, tables.store, tables.office];
  const names: readonly Rhythm[] = ['online', 'store', 'office'];
  const max = [0, 0, 0];
  for (let k = 0; k < dayCount; k++) {
    const epochDay = baseDay + k;
    const civil = civilFromDays(epochDay);
    const month = civil[1];
    const dom = civil[2];
    const dow = (((epochDay + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const blackFriday = month === 11 && dow === 5 && dom >= 23 && dom <= 29;
    const cyberMonday = dow === 1 && ((month === 11 && dom >= 26) || (month === 12 && dom <= 2));
    for (let r = 0; r < 3; r++) {
      const rhythm = names[r];
      let v = WEEKDAY[rhythm][dow] * MONTH[month - 1] * (0.55 + 0.45 * (k / dayCount));
      if (rhythm !== 'office' && blackFriday) v *= rhythm === 'online' ? 2.4 : 1.7;
      if (rhythm === 'online' && cyberMonday) v *= 1.8;
      rhythms[r][k] = v;
      if (v > max[r]) max[r] = v;
    }
  }
  for (let r = 0; r < 3; r++) for (let k = 0; k < dayCount; k++) rhythms[r][k] /= max[r];
  lastWeights = { key, tables };
  return tables;
}

function hourTable(weights: readonly number[]): Uint8Array {
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Uint8Array(HOUR_TABLE_SIZE);
  let hour = 0;
  let acc = weights[0] / total;
  for (let i = 0; i < HOUR_TABLE_SIZE; i++) {
    const u = (i + 0.5) / HOUR_TABLE_SIZE;
    while (u > acc && hour < 23) acc += weights[++hour] / total;
    table[i] = hour;
  }
  return table;
}

/** A lag in [min, max] seconds, skewed towards `min` (most things happen soon). */
export function soon(rng: Rng, min: number, max: number): number {
  const u = rng.next();
  return min + Math.floor(u * u * (max - min + 1));
}

/** A uniform whole number in [min, max]. */
export function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1));
}

/** Cumulative weights for `pickWeighted`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w;
    out[i] = acc;
  });
  for (let i = 0; i < out.length; i++) out[i] /= acc;
  return out;
}

export function pickWeighted(rng: Rng, cum: Float64Array): number {
  const u = rng.next();
  let i = 0;
  while (i < cum.length - 1 && u >= cum[i]) i++;
  return i;
}

/** Poisson-distributed count (inversion below 30, normal approximation above). */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > l) {
    k++;
    p *= rng.next();
  }
  return k;
}
