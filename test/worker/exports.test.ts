// The production exports as the worker serves them: listed without building them, previewed from
// their start, downloaded with the CLI's bytes, and zipped beside the run tree.
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { resolveParams } from '../../src/pipeline/params';
import { runPipeline } from '../../src/pipeline/run';
import { extraRunFiles, EXPORT_KINDS } from '../../src/export/run-exports';
import { createPipelineService } from '../../src/worker/service';

const params = { seed: 9, customers: 400 };
const run = runPipeline(resolveParams(params));
const expected = new Map(extraRunFiles(run, EXPORT_KINDS).map((f) => [f.path, f.bytes()]));
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('production exports in the worker', async () => {
  const service = createPipelineService();
  await service.run(params);

  it('lists every file the CLI writes with --export all, with records and rows', async () => {
    const list = await service.exports();
    expect(list.map((e) => e.path)).toEqual([...expected.keys()]);
    // Counted without building the topics: must equal the lines each file really has.
    const topics = list.filter((e) => e.format === 'jsonl');
    expect(topics.map((e) => e.path)).toContain('export/kafka/orders.cdc.jsonl');
    for (const t of topics) expect(t.rows, t.path).toBe(decode(expected.get(t.path)!).trimEnd().split('\n').length);
    const c360 = list.find((e) => e.path === 'export/parquet/gold/customer_360.parquet')!;
    expect(c360).toMatchObject({ kind: 'parquet', format: 'parquet', rows: run.tables.get('gold/customer_360.csv')!.rowCount });
  });

  it('serves each file with the same bytes', async () => {
    for (const path of ['reports/data_product_review.md', 'export/kafka/topics.md', 'export/sql/models/schema.yml', 'export/parquet/silver/orders_current.parquet']) {
      expect(Buffer.from(await service.exportFile(path)).equals(Buffer.from(expected.get(path)!)), path).toBe(true);
    }
    await expect(service.exportFile('export/kafka/nope.jsonl')).rejects.toMatchObject({ message: 'no export file "export/kafka/nope.jsonl" in this run' });
  });

  it('previews a topic from its first records and says there are more', async () => {
    const p = await service.exportPreview('export/kafka/clickstream.jsonl');
    const lines = p.text.split('\n');
    expect(lines).toEqual(decode(expected.get(p.path)!).split('\n').slice(0, 40));
    expect(p.truncated).toBe(true);
    const md = await service.exportPreview('export/kafka/topics.md');
    expect(md).toEqual({ path: md.path, text: decode(expected.get(md.path)!), truncated: false });
  });

  it('previews a Parquet file as its typed schema', async () => {
    const p = await service.exportPreview('export/parquet/gold/customer_360.parquet');
    expect(p.text).toMatch(/lifetime_revenue\s+INT64 DECIMAL\(12,2\)/);
    expect(p.text).toMatch(/TIMESTAMP\(MILLIS, UTC\)/);
    const raw = await service.exportPreview('export/parquet/raw/orders.parquet');
    expect(raw.text).toMatch(/amount\s+BYTE_ARRAY STRING\s+\(source text, as landed\)/);
  });

  it('zips the run tree with the asked-for exports only', async () => {
    const withSql = Object.keys(unzipSync(await service.zip(['sql'])));
    expect(withSql.filter((p) => p.startsWith('export/'))).toEqual([...expected.keys()].filter((p) => p.startsWith('export/sql/')));
    const all = unzipSync(await service.zip(['kafka', 'sql', 'parquet']));
    for (const [path, bytes] of expected) expect(Buffer.from(all[path]).equals(Buffer.from(bytes)), path).toBe(true);
    await expect(service.zip(['avro'] as never)).rejects.toMatchObject({ message: expect.stringMatching(/export takes any of kafka, sql, parquet/) });
  });

  it('downloads one table as Parquet, whole or as the filtered view', async () => {
    const whole = await service.parquet('gold/segment_summary.csv');
    expect(Buffer.from(whole).equals(Buffer.from(expected.get('export/parquet/gold/segment_summary.parquet')!))).toBe(true);
    const filtered = await service.parquet('gold/customer_360.csv', { filters: [{ column: 'segment', op: 'eq', value: 'Champion' }] });
    expect(filtered.length).toBeLessThan(expected.get('export/parquet/gold/customer_360.parquet')!.length);
    expect(decode(filtered.subarray(0, 4))).toBe('PAR1');
  });
});
