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

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

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
      const served = path === 'run_manifest.json' ? await api.manifest()
        : path.endsWith('.md') ? new TextEncoder().encode(await api.reportMarkdown())
        : await api.csv(path);
      expect(sameBytes(served, bytes), path).toBe(true);
    }
  });

  it('zips the whole tree with the same bytes, and the data-product review', async () => {
    const files = unzipSync(await api.zip());
    expect(Object.keys(files).sort()).toEqual([...direct.keys(), 'reports/data_product_review.md'].sort());
    expect(new TextDecoder().decode(files['reports/data_product_review.md'])).toBe(await api.reviewMarkdown());
    for (const [path, bytes] of direct) expect(sameBytes(files[path], bytes), path).toBe(true);
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

describe('identity, lookup and activation through the worker API', () => {
  const lookupChannel = new MessageChannel();
  Comlink.expose(createPipelineService(), lookupChannel.port1 as unknown as Comlink.Endpoint);
  const w = Comlink.wrap<PipelineApi>(lookupChannel.port2 as unknown as Comlink.Endpoint);
  afterAll(() => {
    lookupChannel.port1.close();
    lookupChannel.port2.close();
  });

  it('reports accuracy and, after a rule change, what moved', async () => {
    await w.run({ seed: 21, customers: 1000 });
    const before = await w.identity();
    expect(before.change).toBeNull();
    expect(before.profiles).toBeLessThan(before.records);
    expect(before.accuracy.precision).toBeGreaterThan(0.8);
    expect(before.falseMergeCount).toBeGreaterThan(0);
    expect(before.missedMergeCount).toBeGreaterThan(0);
    expect(before.falseMerges[0].cause).toMatch(/shared by \d+ people|chain/);
    await w.run({ seed: 21, customers: 1000, link: 'email,loyalty' });
    const after = await w.identity();
    expect(after.change).not.toBeNull();
    expect(after.profiles).toBeGreaterThan(before.profiles);
    expect(after.change!.split).toBeGreaterThan(0);
    expect(after.change!.merged).toBe(0);
    expect(after.change!.previous.accuracy.recall).toBeCloseTo(before.accuracy.recall, 12);
    expect(after.accuracy.recall).toBeLessThan(before.accuracy.recall);
  });

  it('looks up a person by identifiers typed as people type them', async () => {
    await w.run({ seed: 21, customers: 1000 });
    const rows = (await w.page({ path: 'gold/customer_360.csv', offset: 0, limit: 2000, filters: [{ column: 'country', op: 'eq', value: 'TR' }, { column: 'phone', op: 'notEmpty' }, { column: 'email', op: 'notEmpty' }] })).rows;
    let checked = 0;
    for (const row of rows) {
      const [key, , email, phone] = row;
      const byEmail = await w.lookup(`  ${email.toUpperCase()} `);
      const national = '0' + phone.slice(3, 6) + ' ' + phone.slice(6, 9) + '-' + phone.slice(9, 11) + ' ' + phone.slice(11);
      const byPhone = await w.lookup(national);
      if (byEmail.customerKey !== key || byPhone.customerKey !== key) continue; // a shared (household) phone is ambiguous by design
      expect(byEmail).toMatchObject({ kind: 'email', normalized: email });
      expect(byPhone).toMatchObject({ kind: 'phone', normalized: phone });
      checked++;
      if (checked === 5) break;
    }
    expect(checked).toBe(5);
    expect(await w.lookup('nobody@nowhere.example')).toMatchObject({ customerKey: null, message: expect.stringContaining('No profile') });
    expect(await w.lookup('not an id')).toMatchObject({ kind: 'unknown', customerKey: null });
    expect((await w.lookup('noemail@turanmart.com')).message).toMatch(/belongs to \d+ profiles/);
  });

  it('explains each audience and who is left out', async () => {
    const channels = await w.activation();
    const c360 = (await w.page({ path: 'gold/customer_360.csv', offset: 0, limit: 0 })).total;
    for (const ch of channels) {
      expect(ch.audience + ch.excluded.never_asked + ch.excluded.withdrawn + ch.excluded.no_contact_point).toBe(c360);
      expect(ch.columns[0]).toBe('customer_key');
      expect(ch.columns).toHaveLength(2);
    }
    const profile = await w.profile((await w.page({ path: 'gold/activation_email.csv', offset: 0, limit: 1 })).rows[0][0]);
    expect(profile!.reachable).toContain('email');
    const emailConsent = profile!.consent.find((c) => c.purpose === 'email_marketing')!;
    expect(emailConsent.state).toBe('granted');
    expect(emailConsent.events.rows.some((r) => r[0] === emailConsent.decidedBy)).toBe(true);
    expect(profile!.provenance.find((f) => f.field === 'email')!.record).toMatch(/^(web|store|crm):/);
  });
});
