// The live session: the current run's rows replayed one arrival at a time by the live engine, on
// the worker's own timers. The page never hears of single events; it asks for a snapshot (at most
// once per frame) and, at the end, for the files written from the live state against the batch's.
import type { PipelineRun } from '../pipeline/run';
import { runFiles, buildManifest, manifestBytes } from '../io/run-files';
import { tableToCsv } from '../io/csv-writer';
import { LiveCustomer360, TICKER_SIZE } from '../pipeline/stream/live-engine';
import { liveRun } from '../pipeline/stream/live-output';
import { liveSnapshot, recordLabel } from '../pipeline/stream/live-snapshot';
import type { LiveComparison, LiveSpeed, LiveView } from './api';

/** Work per timer tick: short enough that page queries queued behind it stay answered. */
const TICK_BUDGET_MS = 8;
/** Arrivals applied between clock reads. */
const CHUNK = 64;
/** Timer period at the clocked speeds (at max the next tick is queued at once). */
const TICK_MS = 16;
/** "Follow the latest change" moves to a new person at most this often, so the card can be read. */
const FOLLOW_LATEST_EVERY_MS = 1500;

export interface Timers {
  set(f: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const defaultTimers: Timers = {
  set: (f, ms) => setTimeout(f, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class LiveSession {
  readonly live: LiveCustomer360;
  private speed: LiveSpeed = 0;
  private timer: unknown = undefined;
  /** Simulated clock, ms; NaN before play or step. */
  private simMs = NaN;
  private anchorReal = 0;
  private anchorSim = 0;
  private followSlot = -1;
  private followLatest = true;
  private pickedAt = -Infinity;
  private endRun: PipelineRun | undefined;
  private comparison: LiveComparison | undefined;

  constructor(
    private readonly run: PipelineRun,
    allowedLatenessMs: number,
    private readonly clock: () => number,
    private readonly timers: Timers = defaultTimers,
  ) {
    this.live = new LiveCustomer360(run.params, run.nowMs, run.sources, run.bronze, { allowedLatenessMs });
  }

  /** pause (0), 1×, 10×, 100× the arrival clock, or as fast as the budget allows. */
  setSpeed(speed: LiveSpeed): void {
    this.stopTimer();
    this.speed = this.live.done ? 0 : speed;
    if (this.speed === 0) return;
    this.anchorReal = this.clock();
    this.anchorSim = Number.isNaN(this.simMs) ? this.live.playbackAt(this.live.position) : this.simMs;
    this.schedule();
  }

  /** Applies the next arrival (pauses first). */
  step(): void {
    this.setSpeed(0);
    if (this.live.step(1) === 1) this.catchClockUp();
  }

  /** Follows a record slot, or the person of the latest change with -1 and `latest`. */
  follow(slot: number, latest: boolean): void {
    this.followLatest = latest;
    this.followSlot = slot;
    this.pickedAt = latest ? -Infinity : this.clock();
  }

  stop(): void {
    this.stopTimer();
    this.speed = 0;
  }

  view(): LiveView {
    if (this.followLatest && this.clock() - this.pickedAt >= FOLLOW_LATEST_EVERY_MS) {
      const slot = this.latestChangedRecord();
      if (slot >= 0) {
        this.followSlot = slot;
        this.pickedAt = this.clock();
      }
    }
    const snapshot = liveSnapshot(this.live, {
      followRecord: this.followSlot, customers: this.run.sources.customers, clockMs: Number.isNaN(this.simMs) ? undefined : this.simMs,
    });
    return {
      ...snapshot,
      speed: this.speed,
      simulatedMs: Number.isNaN(this.simMs) ? null : this.simMs,
      follow: { latest: this.followLatest, record: this.followSlot >= 0 ? recordLabel(this.live, this.followSlot) : null },
      compared: this.comparison !== undefined,
    };
  }

  /** Every file of the run written from the live state, against the batch's, byte for byte. */
  compare(): LiveComparison {
    if (this.comparison) return this.comparison;
    const ours = this.liveEndRun();
    // Raw, bronze and truth are the stream's input (the same tables on both sides): compare what the
    // live state produced, the silver, gold and report files.
    const produced = (path: string) => /^(silver|gold|reports)\//.test(path);
    const batchFiles = runFiles(this.run).filter((f) => produced(f.path));
    const liveFiles = new Map(runFiles(ours).filter((f) => produced(f.path)).map((f) => [f.path, f]));
    const files: { path: string; equal: boolean }[] = [];
    // One pair of files in memory at a time.
    for (const f of batchFiles) {
      const b = liveFiles.get(f.path)?.bytes();
      files.push({ path: f.path, equal: b !== undefined && sameBytes(f.bytes(), b) });
    }
    const batchPaths = new Set(batchFiles.map((f) => f.path));
    for (const path of liveFiles.keys()) if (!batchPaths.has(path)) files.push({ path, equal: false });
    // The manifest's digests are equal exactly when the files are (compared above): compare the
    // rest of it (parameters, paths, row counts) with the same stand-in digest on both sides.
    const sameDigest = new Map(runFiles(this.run).map((f) => [f.path, '']));
    const manifestEqual = files.every((f) => f.equal)
      && sameBytes(manifestBytes(buildManifest(this.run, sameDigest)), manifestBytes(buildManifest(ours, sameDigest)));
    files.push({ path: 'run_manifest.json', equal: manifestEqual });
    this.comparison = { files, equal: files.filter((f) => f.equal).length, total: files.length };
    return this.comparison;
  }

  /** One table of the run written from the live state, as CSV (once the stream has ended). */
  csv(path: string): Uint8Array {
    const table = this.liveEndRun().tables.get(path);
    if (!table) throw { name: 'UnknownTable', message: `No table "${path}" in this run.` };
    return tableToCsv(table);
  }

  private liveEndRun(): PipelineRun {
    if (!this.live.done) throw { name: 'LiveNotDone', message: `The stream has not ended: ${this.live.position} of ${this.live.total} arrivals applied.` };
    this.endRun ??= liveRun(this.live, this.run.sources, this.run.bronze);
    return this.endRun;
  }

  /** A record of the person of the most recent change that has one (and still exists). */
  private latestChangedRecord(): number {
    const live = this.live;
    const back = Math.min(live.tickerCount, TICKER_SIZE);
    for (let i = live.tickerCount - 1; i >= live.tickerCount - back; i--) {
      const p = live.tickerPerson[i & (TICKER_SIZE - 1)];
      if (p >= 0 && live.graph.size(p) > 0) return live.graph.firstMember(p);
    }
    return -1;
  }

  private catchClockUp(): void {
    const last = this.live.playbackAt(this.live.position - 1);
    if (Number.isNaN(this.simMs) || this.simMs < last) this.simMs = last;
  }

  private schedule(): void {
    this.timer = this.timers.set(() => this.tick(), this.speed === 'max' ? 0 : TICK_MS);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    this.timer = undefined;
    if (this.speed === 0) return;
    const live = this.live, start = this.clock();
    if (this.speed === 'max') {
      while (!live.done && this.clock() - start < TICK_BUDGET_MS) live.step(CHUNK);
      if (live.position > 0) this.catchClockUp();
    } else {
      // The simulated clock runs at `speed` × real time; arrivals up to it apply, within the budget.
      const target = this.anchorSim + this.speed * (this.clock() - this.anchorReal);
      while (!live.done && this.clock() - start < TICK_BUDGET_MS && live.advanceTo(target, CHUNK) > 0);
      // The clock stops at the last arrival once the stream has ended.
      this.simMs = live.done ? live.playbackAt(live.total - 1) : target;
    }
    if (live.done) {
      this.speed = 0;
      return;
    }
    this.schedule();
  }
}
