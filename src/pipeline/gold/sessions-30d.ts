// Distinct sessions per person in the 30-day window: (person, session) pairs sorted and counted once.
import { inWindow, WINDOW_30D } from './accumulators';

export function distinctSessions30d(people: number, person: Int32Array, eventTs: Float64Array, sessionId: Float64Array, nowMs: number): Float64Array {
  let n = 0;
  const pairs = new Float64Array(person.length);
  let maxSession = 0;
  for (let i = 0; i < person.length; i++) if (sessionId[i] > maxSession) maxSession = sessionId[i];
  const stride = maxSession + 1;
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    if (p < 0 || Number.isNaN(sessionId[i]) || !inWindow(eventTs[i], nowMs, WINDOW_30D)) continue;
    pairs[n++] = p * stride + sessionId[i];
  }
  const sorted = pairs.subarray(0, n).sort();
  const out = new Float64Array(people);
  for (let i = 0; i < n; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    out[Math.floor(sorted[i] / stride)]++;
  }
  return out;
}
