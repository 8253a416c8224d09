// The worker's side of the API: runs the pipeline, keeps the latest run's tables, answers queries.
// Plain TypeScript, no worker globals, so tests drive it directly and through comlink alike.
import { zipSync, type Zippable } from 'fflate';
import { resolveParams, type RunParamsInput } from '../pipeline/params';
import { runPipeline, type PipelineRun } from '../pipeline/run';
import type { Table } from '../pipeline/table';
import { tableToCsv } from '../io/csv-writer';
import { forEachRunFile, manifestBytes, type RunManifest } from '../io/run-files';
import { parseIsoUtc } from '../pipeline/time';
import type { PageRequest, PageResult, PipelineApi, Progress, RunSummary, WorkerError } from './api';
import { rowTexts, viewRows, type View } from './query';
import { profileDetail, profileIndexes, type ProfileIndexes } from './profile';
import { identitySnapshot, identitySummary, type IdentitySnapshot } from './identity';
import { lookupIndex, type LookupIndex } from './lookup';
import { activationChannels } from './activation';
import { truthOfRecords } from '../pipeline/quality/build-report';
import { tableToParquet } from '../io/parquet';
import { dataProductReview } from '../export/review';
import { extraRunFiles, parseExportKinds } from '../export/run-exports';
import { exportFileBytes, exportListing, exportPreview } from './exports';
import type { ExportEntry, IdentitySummary, LiveFollowResult, LiveSpeed } from './api';
import { LiveSession } from './live';

/** Errors cross the boundary as plain objects with a readable message. */
export function toWorkerError(e: unknown): WorkerError {
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: string; message: string; param?: string; stack?: string };
    const isMemory = err instanceof RangeError && /allocation|memory|array length/i.test(err.message);
    return {
      name: err.name ?? 'Error',
      message: isMemory ? `Out of memory while running the pipeline (${err.message}). Try fewer customers.` : err.message,
      ...(err.param ? { param: err.param } : {}),
      ...(err.stack ? { stack: err.stack } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}

function guard<A extends unknown[], R>(f: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await f(...args);
    } catch (e) {
      throw toWorkerError(e);
    }
  };
}

interface State {
  readonly run: PipelineRun;
  readonly summary: RunSummary;
  readonly viewCache: Map<string, Int32Array>;
  profileIdx?: ProfileIndexes;
  lookup?: LookupIndex;
  truth?: string[];
  identity?: IdentitySummary;
  /** Identity of the run before this one, to say what a rule change moved. */
  readonly previousIdentity: IdentitySnapshot | null;
  manifest?: RunManifest;
  exportList?: readonly ExportEntry[];
  /** The data-product review, made on the first visit of the Production view. */
  review?: string;
  /** The live replay of this run, made when the Live view starts one. */
  live?: LiveSession;
}

const VIEW_CACHE_LIMIT = 16;
const LIVE_SPEEDS: readonly LiveSpeed[] = [0, 1, 10, 100, 'max'];
const RELEASE_PREVIOUS_ABOVE = 300_000;

/** The true person of each record, worked out once per run for the identity view and the profiles. */
const truthOf = (s: State): string[] => (s.truth ??= truthOfRecords(s.run.silver, s.run.sources.personMap));

export function summarize(run: PipelineRun, totalMs: number): RunSummary {
  return {
    params: run.params,
    tables: [...run.tables.values()].map((t) => ({
      name: t.schema.name, path: t.schema.path, layer: t.schema.layer, grain: t.schema.grain, description: t.schema.description,
      rows: t.rowCount,
      columns: t.schema.columns.map((c) => ({ name: c.name, type: c.type, description: c.description, ...(c.values ? { values: c.values } : {}) })),
    })),
    stages: run.timings.map((t) => ({ stage: t.stage, ms: t.ms })),
    totalMs,
    injected: run.sources.injected,
  };
}

export function createPipelineService(clock: () => number = () => 0): PipelineApi {
  let state: State | null = null;

  const current = (): State => {
    if (!state) throw { name: 'NoRun', message: 'No run yet: generate data first.' };
    return state;
  };
  const tableOf = (path: string): Table => {
    const t = current().run.tables.get(path);
    if (!t) throw { name: 'UnknownTable', message: `No table "${path}" in this run.` };
    return t;
  };
  const rowsOf = (path: string, view: View): Int32Array => {
    const s = current();
    const key = JSON.stringify([path, view.sort ?? [], view.filters ?? [], view.search ?? null]);
    let rows = s.viewCache.get(key);
    if (!rows) {
      rows = viewRows(tableOf(path), view);
      if (s.viewCache.size >= VIEW_CACHE_LIMIT) s.viewCache.delete(s.viewCache.keys().next().value!);
      s.viewCache.set(key, rows);
    }
    return rows;
  };
  const liveOf = (): LiveSession => {
    const l = current().live;
    if (!l) throw { name: 'NoLiveSession', message: 'No live session for this run: start one first.' };
    return l;
  };
  /** A record slot from `system:id`, or the first record of the profile an identifier names. */
  const followTarget = (s: State, live: LiveSession, text: string): LiveFollowResult => {
    const t = text.trim();
    const colon = t.indexOf(':');
    if (colon > 0) {
      const slot = live.live.messages.slots.find(t.slice(0, colon).toLowerCase(), t.slice(colon + 1));
      if (slot >= 0) {
        live.follow(slot, false);
        return { found: true, record: t.slice(0, colon).toLowerCase() + t.slice(colon), message: `Following record ${t}.` };
      }
    }
    s.lookup ??= lookupIndex(s.run);
    const found = s.lookup.lookup(t);
    if (found.customerKey === null) return { found: false, record: null, message: found.message };
    const ids = s.run.silver.identities, records = s.run.silver.records;
    const p = ids.keys.indexOf(found.customerKey);
    const first = ids.members[ids.membersStart[p]];
    const record = `${records.system[first]}:${records.id[first]}`;
    live.follow(live.live.messages.slots.find(records.system[first], records.id[first]), false);
    return { found: true, record, message: `Following ${found.customerKey} by its record ${record} (a merge changes the key; the record stays).` };
  };
  /** Every file's bytes (kept only when asked for); the manifest is remembered for the run. */
  const allFiles = (keep: boolean) => {
    const s = current();
    const files = new Map<string, Uint8Array>();
    s.manifest = forEachRunFile(s.run, (path, bytes) => keep && files.set(path, bytes));
    return files;
  };

  return {
    run: guard(async (input: RunParamsInput, onProgress?: (p: Progress) => void) => {
      const params = resolveParams(input);
      const previousIdentity = state ? identitySnapshot(state.run) : null;
      // Two very large runs don't fit side by side in a worker: let the old one go first.
      if (state && state.run.params.customers + params.customers > RELEASE_PREVIOUS_ABOVE) {
        state.live?.stop();
        state = null;
      }
      const start = clock();
      const run = runPipeline(params, {
        clock,
        onProgress: onProgress ? (p) => void onProgress({ stage: p.stage, done: p.done, total: p.total }) : undefined,
      });
      const summary = summarize(run, clock() - start);
      state?.live?.stop();
      state = { run, summary, viewCache: new Map(), previousIdentity };
      return summary;
    }),
    summary: guard(async () => state?.summary ?? null),
    page: guard(async (req: PageRequest): Promise<PageResult> => {
      const table = tableOf(req.path);
      const rows = rowsOf(req.path, req);
      const offset = Math.max(0, Math.min(Math.floor(req.offset) || 0, rows.length));
      const end = Math.min(rows.length, offset + Math.max(0, Math.floor(req.limit) || 0));
      return { path: req.path, total: rows.length, offset, rows: rowTexts(table, rows, offset, end) };
    }),
    csv: guard(async (path: string, view?: View) => {
      const table = tableOf(path);
      return view ? tableToCsv(table, rowsOf(path, view)) : tableToCsv(table);
    }),
    zip: guard(async (exports: readonly string[] = []) => {
      const s = current();
      const files = allFiles(true);
      const kinds = exports.length ? parseExportKinds(exports.join(',')) : [];
      for (const f of extraRunFiles(s.run, kinds)) files.set(f.path, f.bytes());
      const mtime = new Date(parseIsoUtc(s.run.params.now));
      const tree: Zippable = {};
      let total = 0;
      for (const b of files.values()) total += b.length;
      const level = total > 50_000_000 ? 1 : 6;
      for (const [path, bytes] of files) tree[path] = [bytes, { level, mtime }];
      return zipSync(tree);
    }),
    manifest: guard(async () => {
      const s = current();
      if (!s.manifest) allFiles(false);
      return manifestBytes(s.manifest!);
    }),
    reportMarkdown: guard(async () => current().run.quality.markdown),
    parquet: guard(async (path: string, view?: View) => {
      const table = tableOf(path);
      return view ? tableToParquet(table, rowsOf(path, view)) : tableToParquet(table);
    }),
    reviewMarkdown: guard(async () => {
      const s = current();
      s.review ??= dataProductReview(s.run);
      return s.review;
    }),
    exports: guard(async () => {
      const s = current();
      s.exportList ??= exportListing(s.run);
      return s.exportList;
    }),
    exportFile: guard(async (path: string) => exportFileBytes(current().run, String(path))),
    exportPreview: guard(async (path: string) => exportPreview(current().run, String(path))),
    profile: guard(async (key: string) => {
      const s = current();
      s.profileIdx ??= profileIndexes(s.run);
      const truth = truthOf(s);
      return profileDetail(s.run, s.profileIdx, key, (record) => truth[record]);
    }),
    identity: guard(async () => {
      const s = current();
      s.identity ??= identitySummary(s.run, s.previousIdentity, truthOf(s));
      return s.identity;
    }),
    lookup: guard(async (text: string) => {
      const s = current();
      s.lookup ??= lookupIndex(s.run);
      return s.lookup.lookup(String(text ?? ''));
    }),
    activation: guard(async () => activationChannels(current().run)),
    liveStart: guard(async (options: { allowedLatenessMs: number }) => {
      const s = current();
      const lateness = Number(options?.allowedLatenessMs);
      if (!Number.isFinite(lateness) || lateness < 0) throw { name: 'BadParam', param: 'allowedLatenessMs', message: `allowed lateness must be 0 or more minutes, got "${options?.allowedLatenessMs}"` };
      s.live?.stop();
      s.live = undefined; // the old session's state goes before the new one is built
      s.live = new LiveSession(s.run, lateness, clock);
      return s.live.view();
    }),
    liveSnapshot: guard(async () => current().live?.view() ?? null),
    liveSpeed: guard(async (speed: LiveSpeed) => {
      if (!LIVE_SPEEDS.includes(speed)) throw { name: 'BadParam', param: 'speed', message: `speed must be one of 0, 1, 10, 100, max; got "${speed}"` };
      const l = liveOf();
      l.setSpeed(speed);
      return l.view();
    }),
    liveStep: guard(async () => {
      const l = liveOf();
      l.step();
      return l.view();
    }),
    liveFollow: guard(async (target: { latest: true } | { text: string }) => {
      const l = liveOf();
      if ('latest' in target && target.latest) {
        l.follow(-1, true);
        return { found: true, record: null, message: 'Following the person of the latest change.' };
      }
      return followTarget(current(), l, String((target as { text: string }).text ?? ''));
    }),
    liveCompare: guard(async () => liveOf().compare()),
    liveCsv: guard(async (path: string) => liveOf().csv(String(path))),
  };
}
