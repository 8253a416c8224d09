// The worker's live session: step, follow, replay at max on its own timers, and at the end the
// files written from the live state equal the batch run's.
import { describe, expect, it } from 'vitest';
import { createPipelineService } from '../../src/worker/service';
import { tableToCsv } from '../../src/io/csv-writer';
import { resolveParams } from '../../src/pipeline/params';
import { runPipeline } from '../../src/pipeline/run';

const until = async (ok: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('live session in the worker', () => {
  const params = { seed: 21, customers: 300 };

  it('steps one arrival at a time, plays at max to the end, and equals the batch', async () => {
    const api = createPipelineService(() => performance.now());
    await expect(api.liveSnapshot()).rejects.toMatchObject({ name: 'NoRun' });
    await api.run(params);
    expect(await api.liveSnapshot()).toBeNull();
    const start = await api.liveStart({ allowedLatenessMs: 3_600_000 });
    expect(start.position).toBe(0);
    expect(start.speed).toBe(0);
    for (let i = 1; i <= 3; i++) expect((await api.liveStep()).position).toBe(i);
    await expect(api.liveCompare()).rejects.toMatchObject({ name: 'LiveNotDone' });
    await expect(api.liveSpeed(7 as never)).rejects.toMatchObject({ param: 'speed' });

    const playing = await api.liveSpeed('max');
    expect(playing.speed).toBe('max');
    await until(async () => (await api.liveSnapshot())!.done);
    const end = (await api.liveSnapshot())!;
    expect(end.speed).toBe(0);
    expect(end.position).toBe(end.total);

    const comparison = await api.liveCompare();
    expect(comparison.files.filter((f) => !f.equal)).toEqual([]);
    expect(comparison.equal).toBe(comparison.total);
    expect(comparison.files.map((f) => f.path)).toContain('run_manifest.json');
    const batch = runPipeline(resolveParams(params));
    expect(Buffer.from(await api.liveCsv('gold/customer_360.csv')).equals(Buffer.from(tableToCsv(batch.gold.customer360.table)))).toBe(true);
  });

  it('follows a record, a customer_key, or the latest change', async () => {
    const api = createPipelineService(() => performance.now());
    await api.run(params);
    await api.liveStart({ allowedLatenessMs: 0 });
    const batch = runPipeline(resolveParams(params));
    const { records, identities } = batch.silver;
    const record = `${records.system[0]}:${records.id[0]}`;
    expect(await api.liveFollow({ text: record })).toMatchObject({ found: true, record });
    expect((await api.liveSnapshot())!.profile).toMatchObject({ record, exists: false });
    const key = identities.keys[identities.personOf[0]];
    expect(await api.liveFollow({ text: key })).toMatchObject({ found: true });
    expect(await api.liveFollow({ text: 'nobody@example.invalid' })).toMatchObject({ found: false });
    await api.liveSpeed('max');
    await until(async () => (await api.liveSnapshot())!.done);
    const view = (await api.liveSnapshot())!;
    expect(view.follow.latest).toBe(false);
    expect(view.profile!.customerKey).toBe(key);
    await api.liveFollow({ latest: true });
    expect((await api.liveSnapshot())!.follow.latest).toBe(true);
    // A new run drops the session.
    await api.run({ seed: 22, customers: 300 });
    expect(await api.liveSnapshot()).toBeNull();
  });
});
