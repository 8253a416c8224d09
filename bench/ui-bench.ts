// UI benchmark of the built site: npx tsx bench/ui-bench.ts (after `npm run build`).
// Starts `vite preview`, drives Chromium, and prints: time to first data at the default size;
// Regenerate at the default size (later runs of the same worker); Regenerate at 250,000 customers with the main thread's long tasks (> 50 ms) during it; and the
// latency and long tasks of sorting, filtering and paging that data; then a walk through every view
// at 5,000 and at the large size with the longest main-thread task of each (bench/ui-walkthrough.ts).
import { chromium, type Page } from 'playwright';
import { latencyUntil, longTasks, now, observedPage, startPreview, stopPreview } from './ui-page';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { printWalkthrough, walkthrough, type StepFigure } from './ui-walkthrough';

const PORT = Number(process.env.UI_BENCH_PORT ?? 4179);
const BASE = `http://localhost:${PORT}/`;
const BIG = Number(process.env.UI_BENCH_CUSTOMERS ?? 250_000);

interface Figure {
  what: string;
  ms: number;
  longTasks?: number;
  longestTask?: number;
  note?: string;
}

const SCROLL = `document.querySelector('.data-table .table-scroll')`;

/** Runs `action` in the page and waits until the data table has answered a new request. */
function tableLatency(page: Page, action: string): Promise<number> {
  return latencyUntil(page, `const before = ${SCROLL}?.dataset.request; ${action}`, `${SCROLL}?.dataset.request !== before && ${SCROLL}?.dataset.ready === 'true'`);
}

const clickHeader = (name: string) =>
  `[...document.querySelectorAll('.data-table thead .sort-button')].find(b => b.querySelector('.col-name')?.textContent === ${JSON.stringify(name)}).click();`;
const clickButton = (label: string) => `document.querySelector('.data-table .pager button[aria-label=${JSON.stringify(label)}]').click();`;
const selectFacet = (label: string, value: string) => `
  const l = [...document.querySelectorAll('.facets label')].find(x => x.textContent.trim() === ${JSON.stringify(label)});
  const s = document.getElementById(l.htmlFor);
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(s, ${JSON.stringify(value)});
  s.dispatchEvent(new Event('change', { bubbles: true }));`;

async function main() {
  const preview = await startPreview(PORT);
  const browser = await chromium.launch(await chromiumLaunchOptions());
  const figures: Figure[] = [];
  const walks: [number, StepFigure[]][] = [];
  try {
    const page = await observedPage(browser);

    // 1. First data on screen at the default size (cold load: worker start, pipeline, first page).
    await page.goto(BASE);
    const kpiAt = await page.waitForFunction(() => (document.querySelector('[data-kpi] .kpi-value') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 120_000 });
    const firstKpi = (await kpiAt.jsonValue()) as number;
    const lt0 = await longTasks(page, 0, firstKpi);
    figures.push({ what: 'First data on screen (Overview KPIs), default 5,000 customers', ms: firstKpi, longTasks: lt0.count, longestTask: lt0.longest, note: 'from navigation start' });

    await page.goto(`${BASE}?view=customers`);
    const rowsAt = await page.waitForFunction(
      () => (document.querySelector('.data-table .table-scroll[data-ready="true"] tbody tr') ? performance.now() : 0),
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    const firstRows = (await rowsAt.jsonValue()) as number;
    const lt1 = await longTasks(page, 0, firstRows);
    const firstBuild = ((await page.locator('.run-shown').getAttribute('title')) ?? '').toLowerCase();
    figures.push({
      what: 'First data on screen (Customer 360 rows), default size', ms: firstRows, longTasks: lt1.count, longestTask: lt1.longest,
      note: `from navigation start; first run of a fresh worker, ${firstBuild}`,
    });

    // 2. Regenerate at 250,000 customers from the header.
    await page.getByRole('combobox', { name: 'Customers' }).selectOption(String(BIG));
    const t0 = await now(page);
    await page.getByRole('button', { name: 'Regenerate' }).click();
    const doneAt = await page.waitForFunction(
      (n) => {
        const s = document.querySelector('.run-shown')?.textContent ?? '';
        const banner = document.querySelector('.banner-error');
        if (banner) return -1;
        return s.includes(`${n.toLocaleString('en-US')} customers`) && document.querySelector('.data-table .table-scroll[data-ready="true"] tbody tr') ? performance.now() : 0;
      },
      BIG,
      { polling: 'raf', timeout: 900_000 },
    );
    const t1 = (await doneAt.jsonValue()) as number;
    if (t1 < 0) throw new Error(`the run at ${BIG} customers failed: ${await page.locator('.banner-error').innerText()}`);
    const ltRun = await longTasks(page, t0, t1);
    const builtIn = (await page.locator('.run-shown').getAttribute('title')) ?? '';
    figures.push({
      what: `Regenerate at ${BIG.toLocaleString('en-US')} customers, click → rows shown`,
      ms: t1 - t0,
      longTasks: ltRun.count,
      longestTask: ltRun.longest,
      note: `${builtIn.toLowerCase()} in the worker`,
    });

    // 3. Sorting, filtering and paging that data: latency from the action to rows on screen.
    const phaseStart = await now(page);
    const actions: [string, string][] = [
      ['Sort lifetime_revenue (desc)', clickHeader('lifetime_revenue')],
      ['Sort lifetime_revenue (asc)', clickHeader('lifetime_revenue')],
      ['Sort full_name', clickHeader('full_name')],
      ['Sort churn_risk', clickHeader('churn_risk')],
      ['Next page', clickButton('Next page')],
      ['Last page', clickButton('Last page')],
      ['First page', clickButton('First page')],
      ['Filter segment = Champion', selectFacet('Segment', 'Champion')],
      ['Filter country = TR (2 filters)', selectFacet('Country', 'TR')],
      ['Filter email consent = granted (3)', selectFacet('Email consent', 'granted')],
      ['Next page (filtered)', clickButton('Next page')],
      ['Clear segment filter', selectFacet('Segment', '')],
    ];
    for (const [what, code] of actions) {
      const a = await now(page);
      const ms = await tableLatency(page, code);
      const b = await now(page);
      const lt = await longTasks(page, a, b);
      figures.push({ what: `${what} @ ${BIG.toLocaleString('en-US')}`, ms, longTasks: lt.count, longestTask: lt.longest });
      await page.waitForTimeout(150);
    }
    const phaseEnd = await now(page);
    const ltPhase = await longTasks(page, phaseStart, phaseEnd);
    figures.push({ what: 'All sorting/filtering/paging above', ms: phaseEnd - phaseStart, longTasks: ltPhase.count, longestTask: ltPhase.longest });

    // 4. Other views at that size: a profile (first call builds the worker's person index) and
    //    the Segments view (segment_summary plus ~70 filtered counts in the worker).
    const views: [string, string, string][] = [
      [
        'Open a profile (first: builds index)',
        `document.querySelector('.data-table tbody tr button.link-button').click();`,
        `document.querySelector('dialog[open] ol.timeline, dialog[open] .timeline-wrap')`,
      ],
      ['Close profile', `document.querySelector('dialog[open] button.close').click();`, `!document.querySelector('dialog[open]')`],
      [
        'Open another profile',
        `document.querySelectorAll('.data-table tbody tr button.link-button')[1].click();`,
        `document.querySelector('dialog[open] ol.timeline, dialog[open] .timeline-wrap')`,
      ],
      ['Close profile', `document.querySelector('dialog[open] button.close').click();`, `!document.querySelector('dialog[open]')`],
      [
        'Segments view, all charts drawn',
        `[...document.querySelectorAll('.main-nav a')].find(a => a.textContent === 'Segments').click();`,
        `document.querySelectorAll('.chart-card').length === 5 && document.querySelectorAll('.chart-card .recharts-bar-rectangle').length > 20`,
      ],
      [
        'Overview, KPIs drawn',
        `[...document.querySelectorAll('.main-nav a')].find(a => a.textContent === 'Overview').click();`,
        `document.querySelector('[data-kpi] .kpi-value') && document.querySelector('.lineage-checks')`,
      ],
      [
        'Quality view, report rows',
        `[...document.querySelectorAll('.main-nav a')].find(a => a.textContent === 'Quality').click();`,
        `document.querySelector('.data-table .table-scroll[data-ready="true"] .badge')`,
      ],
    ];
    for (const [what, action, condition] of views) {
      const a = await now(page);
      const ms = await latencyUntil(page, action, condition);
      const b = await now(page);
      const lt = await longTasks(page, a, b);
      figures.push({ what: `${what} @ ${BIG.toLocaleString('en-US')}`, ms, longTasks: lt.count, longestTask: lt.longest });
      await page.waitForTimeout(200);
    }
    // 5. Regenerate at the default size with other seeds, on a fresh page: its worker has run the
    //    default once, so the engine has compiled the pipeline's code (a learner's second run on).
    //    Last, and on its own page, so that the 250,000 figures above start from the same state as before.
    await page.close();
    const fresh = await observedPage(browser);
    await fresh.goto(`${BASE}?view=customers`);
    await fresh.waitForSelector('.data-table .table-scroll[data-ready="true"] tbody tr', { timeout: 120_000 });
    for (const seed of [22, 23, 24]) {
      await fresh.getByRole('textbox', { name: 'Seed' }).fill(String(seed));
      const a = await now(fresh);
      await fresh.getByRole('button', { name: 'Regenerate' }).click();
      const doneAt = await fresh.waitForFunction(
        (sd) =>
          (document.querySelector('.run-shown')?.textContent ?? '').includes(`seed ${sd}`) &&
          document.querySelector('.data-table .table-scroll[data-ready="true"] tbody tr')
            ? performance.now()
            : 0,
        seed,
        { polling: 'raf', timeout: 120_000 },
      );
      const b = (await doneAt.jsonValue()) as number;
      const lt = await longTasks(fresh, a, b);
      const built = ((await fresh.locator('.run-shown').getAttribute('title')) ?? '').toLowerCase();
      figures.push({ what: `Regenerate at the default size (seed ${seed}), click → rows shown`, ms: b - a, longTasks: lt.count, longestTask: lt.longest, note: `${built} in the worker` });
    }
    await fresh.close();
    // 6. An ordinary walk through every view, each on a fresh page, at the default size and at BIG.
    for (const customers of [5_000, BIG]) walks.push([customers, await walkthrough(browser, BASE, { seed: 21, customers })]);
  } finally {
    await browser.close();
    stopPreview(preview);
  }

  const rows = figures.map((f) => [f.what, `${f.ms.toFixed(0)} ms`, f.longTasks === undefined ? '' : String(f.longTasks), f.longestTask ? `${f.longestTask.toFixed(0)} ms` : '—', f.note ?? '']);
  const head = ['figure', 'time', 'long tasks', 'longest', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 1 || i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  for (const [customers, steps] of walks) printWalkthrough(customers, steps);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
