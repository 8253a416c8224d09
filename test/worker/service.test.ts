// The same scenario directly and through the comlink boundary gives the same bytes.
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/pipeline/params';
import { runPipeline } from '../../src/pipeline/run';
import { forEachRunFile } from '../../src/io/run-files';
import { createPipelineService } from '../../src/worker/service';
import type { PipelineApi, Progress } from '../../src/worker/api';
import { unzipSync } from 'fflate';

const channel = new MessageChannel();
Comlink.expose(createPipelineService(), channel.port1 as unknown as Comlink.Endpoint);
const api = Comlink.wrap<PipelineApi>(channel.port2 as unknown as Comlink.Endpoint);
afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

describe('worker API over comlink', () => {
  const params = { seed: 5, customers: 600 };
  const direct = new Map<string, Uint8Array>();
  forEachRunFile(runPipeline(resolveParams(params)), (p, b) => direct.set(p, b));

  it('runs with progress and returns a summary', async () => {
    const progress: Progress[] = [];
    const summary = await api.run(params, Comlink.proxy((p: Progress) => void progress.push(p)));
    // Progress travels on the proxy's own channel; let it drain (in a browser the worker is another thread).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(progress.map((p) => p.stage)).toEqual(['generate', 'bronze', 'silver', 'gold', 'quality', 'quality']);
    expect(progress.at(-1)).toEqual({ stage: 'quality', done: 5, total: 5 });
    expect(summary.tables.find((t) => t.path === 'gold/customer_360.csv')!.rows).toBeGreaterThan(0);
    expect(summary.stages.map((s) => s.stage)).toEqual(['generate', 'bronze', 'silver', 'gold', 'quality']);
  });

  it('serves every file with the same bytes as the direct run', async () => {
    for (const [path, bytes] of direct) {
      if (path === 'run_manifest.json') expect(await api.manifest(), path).toEqual(bytes);
      else if (path.endsWith('.md')) expect(new TextEncoder().encode(await api.reportMarkdown())).toEqual(bytes);
      else expect(await api.csv(path), path).toEqual(bytes);
    }
  });

  it('zips the whole tree with the same bytes', async () => {
    const files = unzipSync(await api.zip());
    expect(Object.keys(files).sort()).toEqual([...direct.keys()].sort());
    for (const [path, bytes] of direct) expect(files[path], path).toEqual(bytes);
  });

  it('pages, sorts and filters in the worker', async () => {
    const all = await api.page({ path: 'gold/customer_360.csv', offset: 0, limit: 5, sort: [{ column: 'lifetime_revenue', desc: true }] });
    expect(all.rows).toHaveLength(5);
    const revenue = all.rows.map((r) => Number(r[9]));
    expect([...revenue].sort((a, b) => b - a)).toEqual(revenue);
    const champions = await api.page({ path: 'gold/customer_360.csv', offset: 0, limit: 1000, filters: [{ column: 'segment', op: 'eq', value: 'Champion' }] });
    expect(champions.rows.every((r) => r.includes('Champion'))).toBe(true);
    const seg = await api.page({ path: 'gold/segment_summary.csv', offset: 0, limit: 10 });
    expect(seg.rows.find((r) => r[0] === 'Champion')![1]).toBe(String(champions.total));
    const filteredCsv = new TextDecoder().decode(await api.csv('gold/customer_360.csv', { filters: [{ column: 'segment', op: 'eq', value: 'Champion' }] }));
    expect(filteredCsv.trimEnd().split('\n')).toHaveLength(champions.total + 1);
  });

  it('opens a profile with its records and events', async () => {
    const [first] = (await api.page({ path: 'gold/customer_360.csv', offset: 0, limit: 1, sort: [{ column: 'orders_count', desc: true }] })).rows;
    const profile = await api.profile(first[0]);
    expect(profile!.customerKey).toBe(first[0]);
    expect(profile!.records.rows.length).toBe(Number(first[7]));
    expect(profile!.orders.rows.length).toBeGreaterThanOrEqual(Number(first[8]));
    expect(await api.profile('c360_nope')).toBeNull();
  });

  it('refuses a bad parameter with a readable message and keeps the previous run', async () => {
    await expect(api.run({ seed: -1 })).rejects.toMatchObject({ message: expect.stringMatching(/seed must be a whole number/), param: 'seed' });
    expect((await api.summary())!.params.seed).toBe(5);
    await expect(api.page({ path: 'gold/nope.csv', offset: 0, limit: 1 })).rejects.toMatchObject({ message: 'No table "gold/nope.csv" in this run.' });
  });
});
