// The order a streaming consumer sees the run's rows in: by bronze `_ingested_at`, then file order.
// A k-way merge of the six files keeps each file's own order, so "first arrival" and "the later row
// in the file" mean the same in the stream as in the batch run; sources landing in the same minute
// interleave in SOURCE_NAMES order.
import type { Table } from '../table';
import type { SourceName } from '../run';
import { SOURCE_NAMES } from '../run';
import { ingestedAtMs } from '../bronze/land-bronze';

export interface ArrivalOrder {
  /** Index in SOURCE_NAMES of each arrival. */
  readonly source: Uint8Array;
  /** Row (0-based, file order) of each arrival within its source. */
  readonly row: Int32Array;
  /** `_ingested_at` of each arrival, ms. */
  readonly arrivedAt: Float64Array;
}

/** `_ingested_at` of every row of a source as ms, as bronze stamps it. */
function ingestedAt(raw: Table, nowMs: number): Float64Array {
  const out = new Float64Array(raw.rowCount);
  for (let r = 0; r < out.length; r++) out[r] = ingestedAtMs(raw.rowCount, nowMs, r);
  return out;
}

export function arrivalOrder(raw: Readonly<Record<SourceName, Table>>, nowMs: number): ArrivalOrder {
  const times = SOURCE_NAMES.map((s) => ingestedAt(raw[s], nowMs));
  const total = times.reduce((n, t) => n + t.length, 0);
  const source = new Uint8Array(total), row = new Int32Array(total), arrivedAt = new Float64Array(total);
  const head = new Int32Array(SOURCE_NAMES.length);
  for (let k = 0; k < total; k++) {
    let best = -1;
    for (let s = 0; s < times.length; s++) {
      if (head[s] >= times[s].length) continue;
      // Strictly earlier only: on a tie the earlier source in SOURCE_NAMES goes first.
      if (best < 0 || times[s][head[s]] < times[best][head[best]]) best = s;
    }
    source[k] = best;
    row[k] = head[best];
    arrivedAt[k] = times[best][head[best]];
    head[best]++;
  }
  return { source, row, arrivedAt };
}

/**
 * A replay clock for each arrival: bronze lands a micro-batch of rows at one instant, so the rows
 * sharing an `_ingested_at` are spread evenly over the time since the previous landing (a minute
 * before the first). A replay at 1× then streams at the feed's average rate instead of bursts of
 * ten thousand rows a minute apart; the last row of each batch is at its landing time exactly.
 * Whole milliseconds, as every other time of the run.
 */
export function playbackTimes(arrivedAt: Float64Array, firstGapMs = 60_000): Float64Array {
  const out = new Float64Array(arrivedAt.length);
  let prev = arrivedAt.length > 0 ? arrivedAt[0] - firstGapMs : 0;
  for (let from = 0; from < arrivedAt.length; ) {
    const t = arrivedAt[from];
    let to = from + 1;
    while (to < arrivedAt.length && arrivedAt[to] === t) to++;
    const n = to - from;
    for (let k = 0; k < n; k++) out[from + k] = Math.round(prev + ((t - prev) * (k + 1)) / n);
    prev = t;
    from = to;
  }
  return out;
}
