// The live engine fed every row of a run in arrival order ends in the batch run's state: every
// file written from the live state (silver, gold, the quality report) is byte-identical to the
// batch's, at several seeds, sizes, `link` sets and placeholder thresholds.
import { describe, expect, it } from 'vitest';
import { resolveParams, type RunParamsInput } from '../../src/pipeline/params';
import { runPipeline, SOURCE_NAMES } from '../../src/pipeline/run';
import { forEachRunFile } from '../../src/io/run-files';
import { rowValidator, validateTable, VALIDATION_SPECS } from '../../src/pipeline/silver/validate';
import { CHANGE_KINDS, LiveCustomer360 } from '../../src/pipeline/stream/live-engine';
import { liveRun } from '../../src/pipeline/stream/live-output';

const SETS: { name: string; params: RunParamsInput }[] = [
  { name: 'defaults, seed 21, 1,000 customers', params: { seed: 21, customers: 1000 } },
  { name: 'seed 7, 1,500 customers, no injected problems', params: { seed: 7, customers: 1500, issues: false } },
  { name: 'seed 3, link email+phone, threshold 3', params: { seed: 3, customers: 1200, link: ['email', 'phone'], placeholderThreshold: 3 } },
  { name: 'seed 9, link loyalty only, threshold 2', params: { seed: 9, customers: 2000, link: ['loyalty'], placeholderThreshold: 2 } },
  { name: 'seed 5, threshold 1 (nothing links)', params: { seed: 5, customers: 800, placeholderThreshold: 1 } },
  { name: 'seed 11, link phone, threshold 50', params: { seed: 11, customers: 2500, link: ['phone'], placeholderThreshold: 50 } },
  { name: 'seed 13, 4,000 customers, link email, threshold 2', params: { seed: 13, customers: 4000, link: ['email'], placeholderThreshold: 2 } },
];

function files(run: Parameters<typeof forEachRunFile>[0]): Map<string, string> {
  const out = new Map<string, string>();
  forEachRunFile(run, (path, bytes) => out.set(path, Buffer.from(bytes).toString('latin1')));
  return out;
}

describe('batch equals stream', () => {
  for (const set of SETS) {
    it(set.name, () => {
      const params = resolveParams(set.params);
      const batch = runPipeline(params);
      const live = new LiveCustomer360(params, batch.nowMs, batch.sources, batch.bronze);
      expect(live.step(1)).toBe(1);
      live.step(Infinity);
      expect(live.done).toBe(true);
      const expected = files(batch), actual = files(liveRun(live, batch.sources, batch.bronze));
      expect([...actual.keys()]).toEqual([...expected.keys()]);
      const differing = [...expected.keys()].filter((p) => actual.get(p) !== expected.get(p));
      expect(differing).toEqual([]);

      // The stream's own decisions, not only the files written from them: current orders.
      const { row, deleted } = live.currentOrderRows();
      const current = [...row].filter((r, s) => r >= 0 && deleted[s] === 0).sort((a, b) => a - b);
      expect(current).toEqual([...batch.silver.orders.rawRow].sort((a, b) => a - b));
      // Every arrival was consumed exactly once.
      for (const s of SOURCE_NAMES) expect(live.topics[s].consumed).toBe(batch.sources[s].rowCount);
    });
  }

  it('exercises the incremental rules on the way (merges, CDC updates, repeats, stitching, quarantine)', () => {
    const params = resolveParams({ seed: 21, customers: 1000 });
    const batch = runPipeline(params);
    const live = new LiveCustomer360(params, batch.nowMs, batch.sources, batch.bronze);
    live.step(Infinity);
    const count = (k: (typeof CHANGE_KINDS)[number]) => live.counts[CHANGE_KINDS.indexOf(k)];
    for (const k of ['profiles_merged', 'order_upserted', 'order_deleted', 'cdc_ignored', 'device_stitched', 'quarantined', 'duplicate'] as const) {
      expect(count(k), k).toBeGreaterThan(0);
    }
  });

  it('validates one row at a time exactly as the whole-table validation does', () => {
    for (const seed of [21, 9]) {
      const params = resolveParams({ seed, customers: 1500 });
      const batch = runPipeline(params);
      for (const s of SOURCE_NAMES) {
        const table = batch.sources[s];
        const whole = validateTable(table, VALIDATION_SPECS[s], batch.nowMs);
        const one = rowValidator(table, VALIDATION_SPECS[s], batch.nowMs);
        const rows = Uint8Array.from({ length: table.rowCount }, (_, r) => one(r));
        expect(rows).toEqual(whole);
      }
    }
  });
});

describe('live freshness', () => {
  it("ends equal to the quality report's freshness checks (hours and status per source)", async () => {
    const { liveSnapshot } = await import('../../src/pipeline/stream/live-snapshot');
    const { rowsOf } = await import('../helpers/inline-sources');
    for (const seed of [21, 9]) {
      const params = resolveParams({ seed, customers: 1500 });
      const batch = runPipeline(params);
      const live = new LiveCustomer360(params, batch.nowMs, batch.sources, batch.bronze);
      live.step(Infinity);
      const report = rowsOf(batch.quality.table).filter((r) => r.check_id.startsWith('freshness_'));
      const topics = liveSnapshot(live, { clockMs: batch.nowMs }).topics;
      expect(topics.map((t) => [`freshness_${t.topic}`, t.freshness, t.freshnessHours!.toFixed(2)])).toEqual(
        SOURCE_NAMES.map((s) => { const r = report.find((x) => x.check_id === `freshness_${s}`)!; return [r.check_id, r.status, r.observed]; }),
      );
    }
  });
});

describe('windows against the replay clock', () => {
  it("at the run's now they are the accumulators' (every person), earlier they count only what is inside", () => {
    const params = resolveParams({ seed: 21, customers: 1000 });
    const batch = runPipeline(params);
    const live = new LiveCustomer360(params, batch.nowMs, batch.sources, batch.bronze);
    live.step(Infinity);
    let people = 0;
    for (let p = 0; p < live.graph.components; p++) {
      if (live.graph.size(p) === 0) continue;
      people++;
      const w = live.windowsAt(p, batch.nowMs);
      const a = live.acc;
      expect([w.orders90d, w.revenue90dCents, w.productViews30d, w.addToCart30d, w.sessions30d, w.campaignSent90d, w.campaignOpened90d, w.campaignClicked90d]).toEqual([
        a.orders90d[p], a.revenue90dCents[p], a.productViews30d[p], a.addToCart30d[p], live.sessionCount(p), a.campaignSent90d[p], a.campaignOpened90d[p], a.campaignClicked90d[p],
      ]);
    }
    expect(people).toBe(batch.silver.identities.keys.length);
    // A clock 60 days earlier: the 30-day window holds none of the last 30 days' clicks.
    const earlier = batch.nowMs - 60 * 86_400_000;
    let views = 0, recentViews = 0;
    for (let p = 0; p < live.graph.components; p++) {
      if (live.graph.size(p) === 0) continue;
      views += live.windowsAt(p, earlier).productViews30d;
      recentViews += live.acc.productViews30d[p];
    }
    expect(recentViews).toBeGreaterThan(0);
    expect(views).not.toBe(recentViews);
  });
});
