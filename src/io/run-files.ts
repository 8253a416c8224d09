// The run tree: every file a run writes, in tree order, with bytes made on demand. The CLI writes
// them to a folder; the worker serves them as downloads and one zip. Same bytes either way.
import { sha256Hex as sha256OfBytes } from '../pipeline/sha256';
import type { PipelineRun } from '../pipeline/run';
import { tableToCsv } from './csv-writer';

export const CONTRACT_VERSION = '1.0';
export const APP_VERSION = '0.1.0';

export interface RunFile {
  readonly path: string;
  /** Data rows (CSV only). */
  readonly rows?: number;
  bytes(): Uint8Array;
}

export function runFiles(run: PipelineRun): RunFile[] {
  const files: RunFile[] = [];
  for (const [path, table] of run.tables) {
    files.push({ path, rows: table.rowCount, bytes: () => tableToCsv(table) });
    if (path === run.quality.table.schema.path) {
      const md = run.quality.markdown;
      files.push({ path: 'reports/customer360_quality_report.md', bytes: () => new TextEncoder().encode(md) });
    }
  }
  return files;
}

export interface RunManifest {
  readonly contract_version: string;
  readonly app_version: string;
  readonly params: {
    readonly seed: number;
    readonly customers: number;
    readonly now: string;
    readonly issues: boolean;
    readonly link: readonly string[];
    readonly placeholder_threshold: number;
  };
  readonly files: Readonly<Record<string, { rows?: number; sha256: string }>>;
  readonly injected: Readonly<Record<string, number>>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return sha256OfBytes(bytes);
}

/**
 * The manifest, given each file's bytes as they are produced (so a caller that writes files
 * hashes each one once, while it still holds it).
 */
export function buildManifest(run: PipelineRun, digests: ReadonlyMap<string, string>): RunManifest {
  const files: Record<string, { rows?: number; sha256: string }> = {};
  for (const f of runFiles(run)) {
    const sha = digests.get(f.path);
    if (sha === undefined) throw new Error(`no digest for ${f.path}`);
    files[f.path] = f.rows === undefined ? { sha256: sha } : { rows: f.rows, sha256: sha };
  }
  const p = run.params;
  return {
    contract_version: CONTRACT_VERSION,
    app_version: APP_VERSION,
    params: { seed: p.seed, customers: p.customers, now: p.now, issues: p.issues, link: [...p.link], placeholder_threshold: p.placeholderThreshold },
    files,
    injected: run.sources.injected,
  };
}

export function manifestBytes(m: RunManifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(m, null, 2) + '\n');
}

/** Every file's bytes and the manifest, visiting files one at a time. */
export function forEachRunFile(run: PipelineRun, visit: (path: string, bytes: Uint8Array) => void): RunManifest {
  const digests = new Map<string, string>();
  for (const f of runFiles(run)) {
    const bytes = f.bytes();
    digests.set(f.path, sha256Hex(bytes));
    visit(f.path, bytes);
  }
  const manifest = buildManifest(run, digests);
  visit('run_manifest.json', manifestBytes(manifest));
  return manifest;
}
