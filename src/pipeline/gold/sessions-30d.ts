// Distinct sessions per person in the 30-day window. The window's clicks are bucketed by person (a
// counting sort: people are dense indexes), then each person's few sessions are counted once.
import { WINDOW_30D } from './accumulators';

export function distinctSessions30d(people: number, person: Int32Array, eventTs: Float64Array, sessionId: Float64Array, nowMs: number): Float64Array {
  const clicks = windowClicks(person, eventTs, sessionId, nowMs);
  const start = new Int32Array(people + 1);
  for (let k = 0; k < clicks.length; k++) start[person[clicks[k]] + 1]++;
  for (let p = 0; p < people; p++) start[p + 1] += start[p];
  const sessions = sessionsByPerson(clicks, start, person, sessionId);
  const out = new Float64Array(people);
  for (let p = 0; p < people; p++) if (start[p + 1] > start[p]) out[p] = distinctIn(sessions, start[p], start[p + 1]);
  return out;
}

/** The clicks that count: in the window (a small share of all), of a known person, with a session. */
function windowClicks(person: Int32Array, eventTs: Float64Array, sessionId: Float64Array, nowMs: number): Int32Array {
  const since = nowMs - WINDOW_30D; // the window is (since, nowMs]
  let out = new Int32Array(1024);
  let n = 0;
  for (let i = 0; i < person.length; i++) {
    const t = eventTs[i];
    if (!(t > since && t <= nowMs) || person[i] < 0 || Number.isNaN(sessionId[i])) continue;
    if (n === out.length) {
      const grown = new Int32Array(2 * n);
      grown.set(out);
      out = grown;
    }
    out[n++] = i;
  }
  return out.subarray(0, n);
}

/** Each person's window sessions at start[p] .. start[p + 1] - 1. */
function sessionsByPerson(clicks: Int32Array, start: Int32Array, person: Int32Array, sessionId: Float64Array): Float64Array {
  const sessions = new Float64Array(clicks.length);
  const next = start.slice(0, start.length - 1);
  for (let k = 0; k < clicks.length; k++) sessions[next[person[clicks[k]]]++] = sessionId[clicks[k]];
  return sessions;
}

/** Distinct values in sessions[from..to): pairwise for the usual handful, sorted beyond that. */
function distinctIn(sessions: Float64Array, from: number, to: number): number {
  if (to - from > 16) return distinctSorted(sessions.subarray(from, to).sort());
  let n = 0;
  for (let i = from; i < to; i++) {
    let seen = false;
    for (let k = from; k < i && !seen; k++) seen = sessions[k] === sessions[i];
    if (!seen) n++;
  }
  return n;
}

function distinctSorted(sorted: Float64Array): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}
