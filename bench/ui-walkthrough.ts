// An ordinary walk through every view of the built site, with the main thread's longest task in
// each step (Long Tasks API). The target: none over 50 ms at the default size.
//   npx tsx bench/ui-walkthrough.ts [--customers 5000] [--seed 21] [--walks 1]   (after `npm run build`)
// One walk on this 2-core machine is noisy; --walks N repeats it and prints, per step, how many
// walks had a task over 50 ms and the worst one.
// bench/ui-bench.ts runs the same walk at 5,000 and at its large size.
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { latencyUntil, longTasks, now, observedPage, startPreview, stopPreview } from './ui-page';

export interface StepFigure {
  readonly step: string;
  readonly ms: number;
  readonly longTasks: number;
  readonly longest: number;
}

/** Time after a step's result shows in which its trailing work (charts, layout) still counts. */
const SETTLE_MS = 700;

const navTo = (label: string) => `[...document.querySelectorAll('.main-nav a')].find(a => a.textContent === ${JSON.stringify(label)}).click();`;
const tableShown = `document.querySelector('.data-table .table-scroll[data-ready="true"] tbody tr')`;
const heading = (text: string) => `[...document.querySelectorAll('main h2')].some(h => h.textContent === ${JSON.stringify(text)})`;

const STEPS: readonly [step: string, action: string, shown: string][] = [
  ['Data layers', navTo('Data layers'), `${heading('Data layers')} && ${tableShown}`],
  [
    'Data layers: another table (orders_bronze)',
    `[...document.querySelectorAll('nav[aria-label="Tables by layer"] a')].find(a => a.textContent.startsWith('orders_bronze')).click();`,
    `[...document.querySelectorAll('main h3')].some(h => h.textContent === 'orders_bronze') && ${tableShown}`,
  ],
  ['Identity', navTo('Identity'), `${heading('Identity')} && document.querySelector('.identity .recharts-surface')`],
  ['Customer 360', navTo('Customer 360'), `${heading('Customer 360')} && ${tableShown}`],
  [
    'Open a profile',
    `document.querySelector('.data-table tbody tr button.link-button').click();`,
    `document.querySelector('dialog[open] ol.timeline, dialog[open] .timeline-wrap')`,
  ],
  ['Close the profile', `document.querySelector('dialog[open] button.close').click();`, `!document.querySelector('dialog[open]')`],
  [
    'Segments',
    navTo('Segments'),
    `document.querySelectorAll('.chart-card').length === 5 && document.querySelectorAll('.chart-card .recharts-bar-rectangle').length > 20`,
  ],
  ['Live', navTo('Live'), `document.querySelector('[data-live-position]') && document.querySelector('.live-topics tbody tr')`],
  [
    'Live: replay at 100× (20,000 arrivals)',
    `document.querySelector('button[aria-label="Speed 100×"]').click(); await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); [...document.querySelectorAll('.live-controls button')].find(b => b.textContent === 'Play').click();`,
    `Number(document.querySelector('[data-live-position]').dataset.livePosition) >= Math.min(20000, Number(document.querySelector('[data-live-position]').dataset.liveTotal))`,
  ],
  [
    'Live: replay at max to the end',
    `document.querySelector('button[aria-label="Speed max"]').click();`,
    `document.querySelector('[data-live-position]').dataset.livePosition === document.querySelector('[data-live-position]').dataset.liveTotal && document.querySelector('.live-end')`,
  ],
  ['Activation', navTo('Activation'), `document.querySelector('[data-channel] .audience-n')`],
  ['Quality', navTo('Quality'), `${heading('Quality')} && document.querySelector('.data-table .table-scroll[data-ready="true"] .badge')`],
  ['Overview', navTo('Overview'), `document.querySelector('[data-kpi] .kpi-value') && document.querySelector('.lineage-checks')`],
];

export async function walkthrough(browser: Browser, base: string, run: { seed: number; customers: number }): Promise<StepFigure[]> {
  const page = await observedPage(browser);
  const figures: StepFigure[] = [];
  try {
    await page.goto(`${base}?seed=${run.seed}&customers=${run.customers}`);
    const readyAt = await page.waitForFunction(() => (document.querySelector('[data-kpi] .kpi-value') ? performance.now() : 0), undefined, {
      polling: 'raf',
      timeout: 300_000,
    });
    const startup = (await readyAt.jsonValue()) as number;
    await page.waitForTimeout(SETTLE_MS);
    figures.push({ step: 'Page start-up to Overview KPIs', ms: startup, ...(await tasksIn(page, 0, startup + SETTLE_MS)) });
    for (const [step, action, shown] of STEPS) {
      const a = await now(page);
      const ms = await latencyUntil(page, action, shown);
      await page.waitForTimeout(SETTLE_MS);
      figures.push({ step, ms, ...(await tasksIn(page, a, a + ms + SETTLE_MS)) });
    }
  } finally {
    await page.close();
  }
  return figures;
}

async function tasksIn(page: Parameters<typeof longTasks>[0], from: number, to: number) {
  const t = await longTasks(page, from, to);
  return { longTasks: t.count, longest: t.longest };
}

export function printWalkthrough(customers: number, figures: readonly StepFigure[]): void {
  console.log(`\nWalkthrough at ${customers.toLocaleString('en-US')} customers (main-thread tasks over 50 ms)`);
  const rows = figures.map((f) => [f.step, `${f.ms.toFixed(0)} ms`, String(f.longTasks), f.longest ? `${f.longest.toFixed(0)} ms` : '—']);
  const head = ['view or step', 'shown after', 'long tasks', 'longest'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  const worst = Math.max(0, ...figures.map((f) => f.longest));
  console.log(`longest task in the walk: ${worst ? `${worst.toFixed(0)} ms` : 'none over 50 ms'}`);
}

/** Per step over several walks: in how many a task went over 50 ms, and the worst task. */
export function printWalkSummary(all: readonly (readonly StepFigure[])[]): void {
  console.log(`\nOver ${all.length} walks: per step, walks with a task over 50 ms and the longest task`);
  for (let i = 0; i < all[0].length; i++) {
    const steps = all.map((w) => w[i]);
    const over = steps.filter((f) => f.longest > 0).length;
    const worst = Math.max(0, ...steps.map((f) => f.longest));
    console.log(`${steps[0].step.padEnd(44)} ${String(over).padStart(2)} of ${all.length}  ${worst ? `${worst.toFixed(0)} ms` : '—'}`);
  }
  const clean = all.filter((w) => w.every((f) => f.longest === 0)).length;
  console.log(`walks with no task over 50 ms: ${clean} of ${all.length}`);
}

async function main(argv: readonly string[]): Promise<void> {
  const arg = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const run = { seed: arg('--seed', 21), customers: arg('--customers', 5000) };
  const walks = arg('--walks', 1);
  const port = Number(process.env.UI_BENCH_PORT ?? 4179);
  const preview = await startPreview(port);
  const browser = await chromium.launch(await chromiumLaunchOptions());
  try {
    console.log(`browser: Chromium ${browser.version()}`);
    const all: StepFigure[][] = [];
    for (let w = 0; w < walks; w++) {
      all.push(await walkthrough(browser, `http://localhost:${port}/`, run));
      printWalkthrough(run.customers, all[w]);
    }
    if (walks > 1) printWalkSummary(all);
  } finally {
    await browser.close();
    stopPreview(preview);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
