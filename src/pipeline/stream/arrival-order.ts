// The order a streaming consumer sees the run's rows in: by bronze `_ingested_at`, then file order.
// A merge of the six files keeps each file's own order, so "first arrival" and "the later row in
// the file" mean the same in the stream as in the batch run; sources landing in the same minute
// interleave in SOURCE_NAMES order.
//
// Bronze lands rows in micro-batches, so the order is a few hundred runs (one source, consecutive
// rows, one landing time), kept as runs: nothing per arrival is stored, and a million arrivals cost
// no memory of their own.
import type { Table } from '../table';
import type { SourceName } from '../run';
import { SOURCE_NAMES } from '../run';
import { ingestedAtMs } from '../bronze/land-bronze';

export class ArrivalOrder {
  /** Arrival index of each run's first arrival; one more entry, the total, at the end. */
  readonly runFirst: Int32Array;
  /** Index in SOURCE_NAMES of each run. */
  readonly runSource: Uint8Array;
  /** Row (0-based, file order) of each run's first arrival within its source. */
  readonly runRow: Int32Array;
  /** `_ingested_at` of each run, ms. */
  readonly runAt: Float64Array;
  readonly total: number;
  // Landings: consecutive runs sharing a time (one micro-batch of every source that landed then).
  private readonly runLanding: Int32Array;
  private readonly landingFirst: Int32Array;
  private readonly landingAt: Float64Array;
  private cursor = 0;

  constructor(runs: ArrivalRuns, private readonly firstGapMs = 60_000) {
    const n = runs.source.length;
    this.runFirst = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) this.runFirst[r + 1] = this.runFirst[r] + runs.length[r];
    this.total = this.runFirst[n];
    this.runSource = Uint8Array.from(runs.source);
    this.runRow = Int32Array.from(runs.row);
    this.runAt = Float64Array.from(runs.at);
    this.runLanding = new Int32Array(n);
    const first: number[] = [], at: number[] = [];
    for (let r = 0; r < n; r++) {
      if (r === 0 || this.runAt[r] !== this.runAt[r - 1]) {
        first.push(this.runFirst[r]);
        at.push(this.runAt[r]);
      }
      this.runLanding[r] = first.length - 1;
    }
    first.push(this.total);
    this.landingFirst = Int32Array.from(first);
    this.landingAt = Float64Array.from(at);
  }

  /** An explicit order, one arrival per entry (tests make events arrive before their customer). */
  static of(source: ArrayLike<number>, row: ArrayLike<number>, at: ArrayLike<number>): ArrivalOrder {
    const runs = new ArrivalRuns();
    for (let k = 0; k < source.length; k++) runs.push(source[k], row[k], 1, at[k]);
    return new ArrivalOrder(runs);
  }

  /** The run holding arrival k (0 ≤ k < total). A cursor makes the next arrival's lookup O(1). */
  runOf(k: number): number {
    let r = this.cursor;
    const first = this.runFirst;
    if (k < first[r] || k >= first[r + 1]) {
      if (k === first[r + 1] && k < this.total) r++;
      else {
        let lo = 0, hi = first.length - 2;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (first[mid] <= k) lo = mid;
          else hi = mid - 1;
        }
        r = lo;
      }
      this.cursor = r;
    }
    return r;
  }

  sourceOf(k: number): number {
    return this.runSource[this.runOf(k)];
  }

  rowOf(k: number): number {
    const r = this.runOf(k);
    return this.runRow[r] + (k - this.runFirst[r]);
  }

  arrivedAt(k: number): number {
    return this.runAt[this.runOf(k)];
  }

  /**
   * A replay clock for arrival k: bronze lands a micro-batch of rows at one instant, so the rows
   * sharing an `_ingested_at` are spread evenly over the time since the previous landing (a minute
   * before the first). A replay at 1× then streams at the feed's average rate instead of bursts of
   * ten thousand rows a minute apart; the last row of each landing is at its time exactly. Whole
   * milliseconds, as every other time of the run.
   */
  playbackAt(k: number): number {
    const l = this.runLanding[this.runOf(k)];
    const first = this.landingFirst[l], n = this.landingFirst[l + 1] - first;
    const t = this.landingAt[l];
    const prev = l > 0 ? this.landingAt[l - 1] : t - this.firstGapMs;
    return Math.round(prev + ((t - prev) * (k - first + 1)) / n);
  }
}

/** Runs being appended; a run continuing the last one (same source and time, next row) extends it. */
export class ArrivalRuns {
  readonly source: number[] = [];
  readonly row: number[] = [];
  readonly length: number[] = [];
  readonly at: number[] = [];

  push(source: number, row: number, length: number, at: number): void {
    if (length <= 0) return;
    const last = this.source.length - 1;
    if (last >= 0 && this.source[last] === source && this.at[last] === at && this.row[last] + this.length[last] === row) {
      this.length[last] += length;
      return;
    }
    this.source.push(source);
    this.row.push(row);
    this.length.push(length);
    this.at.push(at);
  }
}

export function arrivalOrder(raw: Readonly<Record<SourceName, Table>>, nowMs: number): ArrivalOrder {
  const counts = SOURCE_NAMES.map((s) => raw[s].rowCount);
  const timeOf = (s: number, r: number) => ingestedAtMs(counts[s], nowMs, r);
  const head = new Array<number>(counts.length).fill(0);
  const runs = new ArrivalRuns();
  // Each file's times only grow, so the merge goes landing by landing: the earliest head time,
  // then every source's rows at that time in SOURCE_NAMES order (the tie rule), a run at a time.
  for (;;) {
    let t = Infinity;
    for (let s = 0; s < counts.length; s++) if (head[s] < counts[s] && timeOf(s, head[s]) < t) t = timeOf(s, head[s]);
    if (t === Infinity) break;
    for (let s = 0; s < counts.length; s++) {
      let r = head[s];
      while (r < counts[s] && timeOf(s, r) === t) r++;
      runs.push(s, head[s], r - head[s], t);
      head[s] = r;
    }
  }
  return new ArrivalOrder(runs);
}
