// Pipeline benchmark: npm run bench [-- --sizes 5000,50000] [-- --cpu-prof]
// For each size (seed 21, default parameters) a fresh child process runs the in-memory pipeline once
// (cold: what a user gets), reports stage times, throughput and memory, then compares our
// customer_360 folds with one DuckDB SQL query over the same silver tables, and checks that both
// computed the same numbers. Prints a detail block per size and a markdown summary table.
// Not a test: only real errors (a child that fails) set a non-zero exit code.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { cpus, loadavg, release, platform, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeCpuProfile } from './cpu-profile-summary';
import {
  best, checkVerdict, int, markdownTable, MB, median, ms, ratio, RESULT_PREFIX, type ChildResult,
} from './pipeline-bench-result';

const DEFAULT_SIZES = [5_000, 50_000, 250_000];
const STAGES = ['generate', 'bronze', 'silver', 'gold', 'quality'];
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./pipeline-bench-child.ts', import.meta.url));

const USAGE = `usage: npm run bench [-- --sizes 5000,50000,250000] [-- --cpu-prof]
  --sizes     customer counts, comma-separated (default ${DEFAULT_SIZES.join(',')})
  --cpu-prof  profile each child's pipeline run (no DuckDB part) and print where the time goes`;

interface Options {
  sizes: number[];
  cpuProf: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { sizes: DEFAULT_SIZES, cpuProf: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cpu-prof') opts.cpuProf = true;
    else if (a === '--sizes' || a.startsWith('--sizes=')) {
      const v = a === '--sizes' ? argv[++i] : a.slice('--sizes='.length);
      const sizes = (v ?? '').split(',').map((s) => Number(s.trim().replace(/_/g, '')));
      if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`--sizes takes whole numbers >= 100, got "${v}"`);
      opts.sizes = sizes;
    } else throw new Error(`unknown argument "${a}"\n${USAGE}`);
  }
  return opts;
}

function runChild(size: number, cpuProfDir: string | null): Promise<ChildResult> {
  const nodeArgs = ['--max-old-space-size=8192', '--expose-gc'];
  if (cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
  const args = [...nodeArgs, '--import', 'tsx', CHILD, String(size), ...(cpuProfDir ? ['--pipeline-only'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
      else reject(new Error(`child for ${int(size)} customers ended with ${signal ?? 'code ' + code}\n${err.trim() || out.trim()}`));
    });
  });
}

const load = () => loadavg()[0].toFixed(2);

function detail(r: ChildResult, loadBefore: string, loadAfter: string): string {
  const stageSum = STAGES.reduce((s, k) => s + (r.stagesMs[k] ?? 0), 0);
  const lines = [
    `── ${int(r.customers)} customers (seed ${r.seed}): ${int(r.people)} people; child pid ${r.pid}; first (cold) run; ` +
      `1-min load average ${loadBefore} before, ${loadAfter} after ──`,
    `raw rows        ${int(r.rawRowsTotal)}  (${Object.entries(r.rawRows).map(([k, v]) => `${k} ${int(v)}`).join(', ')})`,
    `stages          ${STAGES.map((s) => `${s} ${ms(r.stagesMs[s] ?? 0)}`).join(' · ')} ms  (sum ${ms(stageSum)} ms)`,
    `total           ${ms(r.totalMs)} ms wall around runPipeline → ${int(r.rawRowsTotal / (r.totalMs / 1000))} raw rows/s`,
    ...(r.laterRunsMs.length
      ? [`later runs      ${r.laterRunsMs.map(ms).join(' / ')} ms → median ${ms(median(r.laterRunsMs))} ms  (seeds ${r.seed + 1}–${r.seed + r.laterRunsMs.length} in the same process: Regenerate once the engine has compiled the code; run at the end)`]
      : []),
    `memory          peak RSS ${int(r.peakRssAfterRun / MB)} MB after the run; heap used ${int(r.heapUsedAfterRun / MB)} MB after the run` +
      (r.heapLiveAfterGc !== null ? `, ${int(r.heapLiveAfterGc / MB)} MB live after a full GC` : '') +
      `; peak RSS at child exit ${int(r.peakRssAtEnd / MB)} MB (incl. repeats and DuckDB)`,
  ];
  lines.push(
    `lookup          index built in ${ms(r.lookup.indexMs)} ms; ${r.lookup.lookups.toLocaleString('en-US')} messy identifiers ` +
      `(${r.lookup.found.toLocaleString('en-US')} found): ${r.lookup.perLookupUs.toFixed(1)} µs per lookup, worst ${ms(r.lookup.worstUs / 1000)} ms`,
  );
  if (r.customer360Ms.length) {
    lines.push(
      `customer360()   ${r.customer360Ms.map(ms).join(' / ')} ms → best ${ms(best(r.customer360Ms))} ms  (same silver inputs; folds + derived columns + table)`,
      `folds only      ${r.foldsMs.map(ms).join(' / ')} ms → best ${ms(best(r.foldsMs))} ms  (accumulators + distinct sessions, no derived columns)`,
      `gold stage      ${ms(r.stagesMs.gold)} ms in the run (first call); again: ${r.goldStageMs.map(ms).join(' / ')} ms → best ${ms(best(r.goldStageMs))} ms  (the whole stage on the same silver tables)`,
    );
  }
  const d = r.duckdb;
  if (d) {
    const loaded = Object.entries(d.loadedRows).map(([k, v]) => `${k} ${int(v)}`).join(', ');
    const q = best(d.queryMs), q1 = best(d.querySingleThreadMs);
    lines.push(
      `DuckDB ${d.version}   loaded in ${ms(d.loadMs)} ms, not timed (${loaded})`,
      `DuckDB query    ${d.queryMs.map(ms).join(' / ')} ms (${d.threads} threads): first ${ms(d.queryMs[0])}, best ${ms(q)} ms; ` +
        `1 thread: ${d.querySingleThreadMs.map(ms).join(' / ')} ms, best ${ms(q1)} ms`,
      `ratio ours/DB   gold stage in run ${ratio(r.stagesMs.gold, q)} · gold stage best ${ratio(best(r.goldStageMs), q)} · customer360() best ${ratio(best(r.customer360Ms), q)} · ` +
        `folds only ${ratio(best(r.foldsMs), q)}   (vs DuckDB best, ${d.threads} threads)`,
      `                gold stage in run ${ratio(r.stagesMs.gold, q1)} · gold stage best ${ratio(best(r.goldStageMs), q1)} · customer360() best ${ratio(best(r.customer360Ms), q1)} · ` +
        `folds only ${ratio(best(r.foldsMs), q1)}   (vs DuckDB best, 1 thread; our code is single-threaded)`,
      `check           orders_count total ours ${int(d.totals.ordersCount.ours)} / DuckDB ${int(d.totals.ordersCount.duckdb)}; ` +
        `lifetime revenue cents ours ${int(d.totals.lifetimeRevenueCents.ours)} / DuckDB ${int(d.totals.lifetimeRevenueCents.duckdb)}; ` +
        `${d.columns.length} columns × ${int(r.people)} people compared: ${checkVerdict(d, r.people)}`,
    );
  }
  return lines.join('\n');
}

function summary(results: readonly ChildResult[]): string {
  const header = ['customers', 'raw rows', ...STAGES.map((s) => `${s} ms`), 'total ms', 'later runs ms', 'raw rows/s', 'peak RSS MB',
    'gold best ms', 'customer360() ms', 'DuckDB ms', 'gold in run / DuckDB', 'gold best / DuckDB', 'customer360() / DuckDB', 'customer360() / DuckDB 1 thread', 'check', 'lookup µs'];
  const rows = results.map((r) => {
    const d = r.duckdb;
    const q = d ? best(d.queryMs) : NaN;
    return [
      int(r.customers), int(r.rawRowsTotal), ...STAGES.map((s) => ms(r.stagesMs[s] ?? 0)), ms(r.totalMs),
      r.laterRunsMs.length ? ms(median(r.laterRunsMs)) : 'n/a',
      int(r.rawRowsTotal / (r.totalMs / 1000)), int(r.peakRssAfterRun / MB),
      r.goldStageMs.length ? ms(best(r.goldStageMs)) : 'n/a', r.customer360Ms.length ? ms(best(r.customer360Ms)) : 'n/a', d ? ms(q) : 'n/a',
      d ? ratio(r.stagesMs.gold, q) : 'n/a', d && r.goldStageMs.length ? ratio(best(r.goldStageMs), q) : 'n/a', d ? ratio(best(r.customer360Ms), q) : 'n/a',
      d ? ratio(best(r.customer360Ms), best(d.querySingleThreadMs)) : 'n/a',
      d ? (checkVerdict(d, r.people) === 'match' ? 'match' : 'DIFFERENT') : 'n/a',
      r.lookup.perLookupUs.toFixed(1),
    ];
  });
  return markdownTable(header, rows, 0);
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    if (process.argv.includes('--help') || process.argv.includes('-h')) {
      console.log(USAGE);
      return 0;
    }
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${(e as Error).message}`);
    return 2;
  }
  const cpu = cpus();
  const machine =
    `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ` +
    `${platform()} ${release()}, Node ${process.version}`;
  const date = new Date().toISOString().slice(0, 10);
  console.log(`Customer 360 Lab pipeline benchmark, ${date}`);
  console.log(`Machine: ${machine}`);
  console.log(`Sizes: ${opts.sizes.map(int).join(', ')} customers; seed 21, default parameters; one fresh child process per size.`);
  if (loadavg()[0] > 0.5 * cpu.length) {
    console.log(`Note: 1-min load average is ${load()} on ${cpu.length} cores: other processes are running, timings will be noisy.`);
  }
  console.log('');

  const results: ChildResult[] = [];
  let failed = false;
  for (const size of opts.sizes) {
    const profDir = opts.cpuProf ? mkdtempSync(join(tmpdir(), `c360-prof-${size}-`)) : null;
    try {
      const before = load();
      const r = await runChild(size, profDir);
      results.push(r);
      console.log(detail(r, before, load()));
      if (profDir) {
        // The main thread's profile (thread id 0); tsx's loader thread writes a small one too.
        const file = readdirSync(profDir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
        console.log(file ? summarizeCpuProfile(join(profDir, file), 25) : `no .cpuprofile written in ${profDir}`);
      }
      console.log('');
    } catch (e) {
      failed = true;
      console.error(`bench: ${(e as Error).message}\n`);
    }
  }

  if (results.length) {
    console.log(`## Pipeline benchmark (${date})\n`);
    console.log(`Machine: ${machine}.\n`);
    console.log(summary(results));
    console.log(
      '\nStage times are from run.timings of the first (cold) run in a fresh process, seed 21, default parameters. ' +
        'Raw rows are the six raw tables; raw rows/s = raw rows / total seconds. Peak RSS is the child\'s maxRSS right after the run. ' +
        '"later runs" is the median of 5 more whole runs in the same process at seeds 22-26 (up to 50,000 customers): what Regenerate gets ' +
        'once the JavaScript engine has compiled the pipeline\'s code. ' +
        '"gold in run" is the gold stage\'s first call inside that run; "gold best" is the best of 3 more calls of the whole stage on the same silver tables, ' +
        'timed as DuckDB\'s query is (allocation and garbage collection included). ' +
        'customer360() and DuckDB are the best of 3 on the same silver data; the DuckDB query (in-memory, default threads unless marked 1 thread, ' +
        'tables preloaded, result materialised) computes the order, click, ticket, campaign and consent columns per person. ' +
        'The gold stage also builds segment_summary, kpi_summary and the activation audiences; customer360() also derives segments, ' +
        'churn risk and the output table, which the query does not. Ratios are ours / DuckDB (below 1: ours is faster). ' +
        '"check" compares every computed column for every person.',
    );
  }
  return failed ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
