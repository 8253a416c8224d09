// Live mode benchmark (Node): the whole stream of a run applied event by event by the live engine.
//   npm run bench (runs this after the pipeline benchmark) · npx tsx bench/live-bench.ts [--sizes 50000,250000]
// Per size, in a fresh child process: the batch run gives the raw and bronze tables (not timed);
// then setup (decode every topic's messages, merge the arrival order), the stream applied in one
// go (throughput), the stream again with every event timed on its own (latency from arrival to
// the profile updated), and a check that the files written from the live state equal the batch's.
// Not a test: only a failing child sets a non-zero exit code.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveParams } from '../src/pipeline/params';
import { runPipeline } from '../src/pipeline/run';
import { forEachRunFile } from '../src/io/run-files';
import { LiveCustomer360 } from '../src/pipeline/stream/live-engine';
import { liveRun } from '../src/pipeline/stream/live-output';

const DEFAULT_SIZES = [50_000, 250_000];
const PREFIX = 'LIVE_BENCH_RESULT ';

interface LiveResult {
  customers: number;
  events: number;
  setupMs: number;
  streamMs: number;
  latency: { p50: number; p99: number; p999: number; max: number; over1ms: number };
  filesEqual: number;
  files: number;
  merges: number;
  splits: number;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function child(customers: number): LiveResult {
  const params = resolveParams({ seed: 21, customers });
  const batch = runPipeline(params);
  const t0 = performance.now();
  const live = new LiveCustomer360(params, batch.nowMs, batch.sources, batch.bronze);
  const t1 = performance.now();
  live.step(Infinity);
  const t2 = performance.now();

  const timed = new LiveCustomer360(params, batch.nowMs, batch.sources, batch.bronze);
  const lat = new Float64Array(timed.total);
  for (let k = 0; k < lat.length; k++) {
    const a = performance.now();
    timed.step(1);
    lat[k] = performance.now() - a;
  }
  lat.sort();
  let over1ms = 0;
  for (let k = 0; k < lat.length; k++) if (lat[k] > 1) over1ms++;

  // Files by sha256 (the run manifest's digests): at 250,000 customers a file is too large for a string.
  const batchFiles = forEachRunFile(batch, () => undefined).files;
  const liveFiles = forEachRunFile(liveRun(live, batch.sources, batch.bronze), () => undefined).files;
  const paths = Object.keys(batchFiles);
  const filesEqual = paths.filter((p) => liveFiles[p]?.sha256 === batchFiles[p].sha256).length;
  return {
    customers, events: live.total, setupMs: t1 - t0, streamMs: t2 - t1,
    latency: { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), p999: quantile(lat, 0.999), max: lat[lat.length - 1], over1ms },
    filesEqual, files: paths.length,
    merges: live.counts[5], splits: live.counts[6],
  };
}

function runChild(customers: number): Promise<LiveResult> {
  return new Promise((resolve, reject) => {
    const self = fileURLToPath(import.meta.url);
    const p = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', self, '--child', String(customers)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(PREFIX));
      if (code !== 0 || !line) reject(new Error(`live bench child at ${customers} exited ${code}`));
      else resolve(JSON.parse(line.slice(PREFIX.length)));
    });
  });
}

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

async function main(argv: readonly string[]): Promise<number> {
  const i = argv.indexOf('--child');
  if (i >= 0) {
    console.log(PREFIX + JSON.stringify(child(Number(argv[i + 1]))));
    return 0;
  }
  const s = argv.indexOf('--sizes');
  const sizes = s >= 0 ? argv[s + 1].split(',').map(Number) : DEFAULT_SIZES;
  console.log('\n## Live mode benchmark (Node, seed 21, default parameters, allowed lateness 1 h)\n');
  const head = ['customers', 'events', 'setup ms', 'stream ms', 'events/s (stream)', 'events/s (setup + stream)', 'latency p50', 'p99', 'p99.9', 'max', 'events over 1 ms', 'merges', 'splits', 'files equal to batch'];
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  let failed = false;
  for (const n of sizes) {
    try {
      const r = await runChild(n);
      console.log(`| ${[f0(r.customers), f0(r.events), f0(r.setupMs), f0(r.streamMs), f0(r.events / (r.streamMs / 1000)), f0(r.events / ((r.setupMs + r.streamMs) / 1000)),
        us(r.latency.p50), us(r.latency.p99), us(r.latency.p999), `${r.latency.max.toFixed(1)} ms`, f0(r.latency.over1ms), f0(r.merges), f0(r.splits), `${r.filesEqual} of ${r.files}`].join(' | ')} |`);
    } catch (e) {
      failed = true;
      console.error((e as Error).message);
    }
  }
  console.log('\nSetup decodes every topic\'s rows into typed messages and merges the arrival order (a consumer\'s deserialisation). ' +
    'Stream: every arrival validated, deduplicated or CDC-upserted, attributed and folded into its person. Latency: each event timed alone, ' +
    'from its arrival to its profile updated, in a second pass. Files: every file of the run written from the live state, by sha256 against the batch run\'s.');
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2)).then((c) => (process.exitCode = c));
