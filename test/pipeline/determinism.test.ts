// Same parameters, same bytes: across runs, time zones, re-reading the files, and a golden manifest.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/pipeline/params';
import { runPipeline, runPipelineOnSources, SOURCE_NAMES } from '../../src/pipeline/run';
import { forEachRunFile, type RunManifest } from '../../src/io/run-files';
import { tableFromCsv } from '../../src/io/csv-reader';
import { tableToCsv } from '../../src/io/csv-writer';
import { ID_COLUMNS } from '../helpers/inline-sources';

const GOLDEN = join(__dirname, '../golden/seed21-1000.manifest.json');

function manifestOf(params = resolveParams({ seed: 21, customers: 1000 })): { manifest: RunManifest; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const manifest = forEachRunFile(runPipeline(params), (p, b) => files.set(p, b));
  return { manifest, files };
}

describe('determinism', () => {
  const first = manifestOf();

  it('matches the committed golden manifest (rows and sha256 per file, seed 21, 1,000 customers)', () => {
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      writeFileSync(GOLDEN, JSON.stringify(first.manifest, null, 2) + '\n');
    }
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    expect(first.manifest).toEqual(golden);
  });

  it('gives byte-identical files on a second run', () => {
    expect(manifestOf().manifest).toEqual(first.manifest);
  });

  it('gives different files for a different seed', () => {
    const other = manifestOf(resolveParams({ seed: 22, customers: 1000 })).manifest;
    expect(other.files['raw/customers.csv'].sha256).not.toBe(first.manifest.files['raw/customers.csv'].sha256);
    expect(other.files['gold/customer_360.csv'].sha256).not.toBe(first.manifest.files['gold/customer_360.csv'].sha256);
  });

  it('holds no wall clock: the manifest and files carry only the run parameters', () => {
    const text = new TextDecoder().decode(first.files.get('run_manifest.json'));
    expect(text).toContain('"now": "2026-06-30T12:00:00Z"');
    const year = String(new Date().getUTCFullYear());
    // every timestamp in every file is at or before now (2026-06-30) except injected future rows in raw/bronze
    for (const [path, bytes] of first.files) {
      if (path.startsWith('raw/') || path.startsWith('bronze/') || path.startsWith('silver/quarantine')) continue;
      const stamps = new TextDecoder().decode(bytes).match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g) ?? [];
      for (const s of stamps) expect(s <= '2026-06-30T12:00:00Z', `${path} ${s} (wall clock year ${year})`).toBe(true);
    }
  });

  it('re-reading the raw CSV files gives the same silver, gold and report bytes (typed fast path = text rules)', () => {
    const params = resolveParams({ seed: 21, customers: 1000 });
    const run = runPipeline(params);
    const reread = {
      ...run.sources,
      ...Object.fromEntries(SOURCE_NAMES.map((s) => {
        const t = run.sources[s];
        return [s, tableFromCsv(t.schema, new TextDecoder().decode(tableToCsv(t)), ID_COLUMNS)];
      })),
    } as typeof run.sources;
    const again = runPipelineOnSources(params, reread);
    for (const [path, table] of run.tables) {
      const other = again.tables.get(path)!;
      expect(new TextDecoder().decode(tableToCsv(other)), path).toBe(new TextDecoder().decode(tableToCsv(table)));
    }
  });

  it('writes the same run_manifest.json from the CLI under TZ=Asia/Tokyo', () => {
    const out = mkdtempSync(join(tmpdir(), 'c360-tz-'));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'cli/pipeline.ts', '--seed', '21', '--customers', '1000', '--out', out], {
        env: { ...process.env, TZ: 'Asia/Tokyo' },
        stdio: 'pipe',
      });
      const cli = readFileSync(join(out, 'run_manifest.json'));
      expect(Buffer.from(cli).equals(Buffer.from(first.files.get('run_manifest.json')!))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
