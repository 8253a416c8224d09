import { describe, expect, it } from 'vitest';
import { distinctSessions30d } from '../../src/pipeline/gold/sessions-30d';
import { DAY } from '../../src/pipeline/time';

/** The definition: distinct session ids of a person's clicks in (now - 30 days, now]. */
function reference(people: number, person: Int32Array, eventTs: Float64Array, sessionId: Float64Array, nowMs: number): number[] {
  const sets = Array.from({ length: people }, () => new Set<number>());
  for (let i = 0; i < person.length; i++) {
    const t = eventTs[i];
    if (person[i] >= 0 && !Number.isNaN(sessionId[i]) && t > nowMs - 30 * DAY && t <= nowMs) sets[person[i]].add(sessionId[i]);
  }
  return sets.map((s) => s.size);
}

function lcg(seed: number) {
  let x = seed >>> 0;
  return (n: number) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
}

describe('distinctSessions30d', () => {
  const nowMs = Date.UTC(2025, 0, 31);
  it('matches the definition on random clicks: anonymous, no session, out of the window, busy people', () => {
    const rand = lcg(3);
    for (let trial = 0; trial < 200; trial++) {
      const people = 1 + rand(6);
      const n = rand(trial % 10 === 0 ? 400 : 40); // some people get more than the pairwise limit
      const person = Int32Array.from({ length: n }, () => rand(people + 1) - 1);
      const sessionId = Float64Array.from({ length: n }, () => (rand(10) === 0 ? NaN : 1_000_000 * rand(3) + rand(trial % 10 === 0 ? 60 : 8)));
      const eventTs = Float64Array.from({ length: n }, () => (rand(12) === 0 ? NaN : nowMs - (rand(40) - 5) * DAY + rand(3) - 1));
      expect(Array.from(distinctSessions30d(people, person, eventTs, sessionId, nowMs)), `trial ${trial}`)
        .toEqual(reference(people, person, eventTs, sessionId, nowMs));
    }
  });
  it('window edges: now counts, now - 30 days does not', () => {
    const person = Int32Array.from([0, 0, 1]);
    const eventTs = Float64Array.from([nowMs, nowMs - 30 * DAY, nowMs - 30 * DAY + 1]);
    expect(Array.from(distinctSessions30d(2, person, eventTs, Float64Array.from([1, 2, 3]), nowMs))).toEqual([1, 1]);
  });
});
