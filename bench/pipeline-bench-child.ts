// One size of the pipeline benchmark, in a fresh process so its peak memory is its own:
//   node --max-old-space-size=8192 --expose-gc --import tsx bench/pipeline-bench-child.ts 250000 [--pipeline-only]
// Runs the in-memory pipeline once (cold, what a user gets), then times customer360() and the folds
// alone on the run's silver inputs, then the whole gold stage again (best of 3, as DuckDB's query
// is timed), then DuckDB on the same silver tables, then (up to 50,000 customers) a few later runs
// at other seeds, as a learner clicking Regenerate gets them in a worker that has already run
// once. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { timeLookups } from './lookup-timing';
import { resolveParams } from '../src/pipeline/params';
import { buildGold, runPipeline, SOURCE_NAMES, type PipelineRun } from '../src/pipeline/run';
import { customer360, type Customer360Inputs } from '../src/pipeline/gold/customer-360';
import {
  addCampaignEvent, addClick, addConsentEvent, addOrder, addTicket, emptyAccumulators,
} from '../src/pipeline/gold/accumulators';
import { distinctSessions30d } from '../src/pipeline/gold/sessions-30d';
import { CONSENT_PURPOSES } from '../src/pipeline/schema/enums';
import { duckdbCustomer360 } from './duckdb-customer360';
import { RESULT_PREFIX, type ChildResult } from './pipeline-bench-result';

const SEED = 21;
const REPEATS = 3;
/** Later runs at seeds 22, 23, ...: what Regenerate gets once the engine has compiled the code. */
const LATER_RUNS = 5;
const LATER_RUNS_UP_TO = 50_000;

function goldInputs(run: PipelineRun): Customer360Inputs {
  const s = run.silver;
  return {
    keys: s.identities.keys, profile: s.profile, orders: s.orders, clicks: s.clicks, tickets: s.tickets,
    campaigns: s.campaigns, consent: s.consent, nowMs: run.nowMs,
  };
}

/**
 * The folds of customer360() without its derived columns and table: the part DuckDB's query does.
 * The same loops as src/pipeline/gold/customer-360.ts (those are private there), over its exported
 * accumulator functions.
 */
function foldsOnly(inp: Customer360Inputs): number {
  const acc = emptyAccumulators(inp.keys.length, inp.nowMs, CONSENT_PURPOSES.length);
  const o = inp.orders;
  for (let i = 0; i < o.person.length; i++) if (o.person[i] >= 0 && o.counted[i] === 1) addOrder(acc, o.person[i], o.orderTs[i], o.amountCents[i]);
  const c = inp.clicks;
  const pv = c.eventTypeDict.indexOf('product_view'), atc = c.eventTypeDict.indexOf('add_to_cart');
  for (let i = 0; i < c.person.length; i++) if (c.person[i] >= 0) addClick(acc, c.person[i], c.eventTs[i], c.eventType[i] === pv, c.eventType[i] === atc);
  const t = inp.tickets;
  const open = t.statusDict.indexOf('open'), pending = t.statusDict.indexOf('pending');
  for (let i = 0; i < t.person.length; i++) if (t.person[i] >= 0) addTicket(acc, t.person[i], t.status[i] === open || t.status[i] === pending, t.csat[i]);
  const k = inp.campaigns;
  const typeMap = k.eventTypeDict.map((x) => (x === 'sent' ? 0 : x === 'opened' ? 1 : x === 'clicked' ? 2 : -1));
  for (let i = 0; i < k.person.length; i++) if (k.person[i] >= 0 && k.eventType[i] >= 0) addCampaignEvent(acc, k.person[i], k.eventTs[i], typeMap[k.eventType[i]]);
  const s = inp.consent;
  const purposeMap = s.purposeDict.map((p) => (CONSENT_PURPOSES as readonly string[]).indexOf(p));
  for (let i = 0; i < s.person.length; i++) if (s.person[i] >= 0 && s.purpose[i] >= 0) addConsentEvent(acc, s.person[i], purposeMap[s.purpose[i]], i, s.eventTs, s.eventId);
  const sessions = distinctSessions30d(acc.people, c.person, c.eventTs, c.sessionId, inp.nowMs);
  return acc.ordersCount.length + sessions.length;
}

function timeRepeats(work: () => unknown): number[] {
  const out: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    work();
    out.push(performance.now() - start);
  }
  return out;
}

/** Whole runs after the first, each at a new seed (so nothing is reused but the compiled code). */
function timeLaterRuns(customers: number): number[] {
  const out: number[] = [];
  for (let r = 1; r <= LATER_RUNS; r++) {
    const params = resolveParams({ seed: SEED + r, customers });
    const start = performance.now();
    runPipeline(params);
    out.push(performance.now() - start);
  }
  return out;
}

async function main(): Promise<void> {
  const customers = Number(process.argv[2]);
  const pipelineOnly = process.argv.includes('--pipeline-only');
  const params = resolveParams({ seed: SEED, customers });

  const start = performance.now();
  const run = runPipeline(params, { clock: () => performance.now() });
  const totalMs = performance.now() - start;
  const peakRssAfterRun = process.resourceUsage().maxRSS * 1024;
  const heapUsedAfterRun = process.memoryUsage().heapUsed;
  const gc = (globalThis as { gc?: () => void }).gc;
  let heapLiveAfterGc: number | null = null;
  if (gc) {
    gc();
    heapLiveAfterGc = process.memoryUsage().heapUsed;
  }

  const rawRows: Record<string, number> = {};
  for (const s of SOURCE_NAMES) rawRows[s] = run.sources[s].rowCount;
  const stagesMs: Record<string, number> = {};
  for (const t of run.timings) stagesMs[t.stage] = t.ms;

  let customer360Ms: number[] = [];
  let foldsMs: number[] = [];
  let goldStageMs: number[] = [];
  let duckdb: ChildResult['duckdb'] = null;
  const lookup = timeLookups(run);
  if (!pipelineOnly) {
    const inputs = goldInputs(run);
    customer360Ms = timeRepeats(() => customer360(inputs));
    foldsMs = timeRepeats(() => foldsOnly(inputs));
    // The whole gold stage again, as DuckDB's query is run again: allocation and collections included.
    goldStageMs = timeRepeats(() => buildGold(run.silver, run.nowMs));
    duckdb = await duckdbCustomer360(run);
  }
  const laterRunsMs = customers <= LATER_RUNS_UP_TO ? timeLaterRuns(customers) : [];

  const result: ChildResult = {
    customers, seed: SEED, pid: process.pid,
    people: run.silver.identities.keys.length,
    rawRows, rawRowsTotal: Object.values(rawRows).reduce((a, b) => a + b, 0),
    stagesMs, totalMs, peakRssAfterRun, peakRssAtEnd: process.resourceUsage().maxRSS * 1024,
    heapUsedAfterRun, heapLiveAfterGc, customer360Ms, foldsMs, goldStageMs, duckdb, lookup, laterRunsMs,
  };
  process.stdout.write(RESULT_PREFIX + JSON.stringify(result) + '\n');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
