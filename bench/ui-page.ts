// What the browser benches share: the preview server of the built site, a page that records the
// main thread's long tasks from its start, and timing an action until the page shows its result.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright';

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
  }
}

/** Serves the built site: `dist/`, or the folder UI_BENCH_DIST names (a build made with --outDir). */
export async function startPreview(port: number): Promise<ChildProcess> {
  const base = `http://localhost:${port}/`;
  const dist = process.env.UI_BENCH_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`no ${dist}/index.html: run \`npm run build\` first`);
  // A server left over from an interrupted run would answer instead, with an older build.
  if (await fetch(base).then(() => true, () => false)) throw new Error(`port ${port} is already serving; stop that server or set UI_BENCH_PORT`);
  const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(base)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopPreview(child);
  throw new Error(`vite preview did not answer on ${base}`);
}

export function stopPreview(child: ChildProcess): void {
  if (child.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

/** A page that records the main thread's long tasks (over 50 ms) from its start. */
export async function observedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  return page;
}

export const now = (page: Page) => page.evaluate(() => performance.now());

export async function longTasks(page: Page, from: number, to: number): Promise<{ count: number; longest: number }> {
  return page.evaluate(
    ([a, b]) => {
      const ts = window.__longTasks.filter((t) => t.start >= a && t.start <= b);
      return { count: ts.length, longest: ts.reduce((m, t) => Math.max(m, t.duration), 0) };
    },
    [from, to] as const,
  );
}

/** Runs `action` in the page and waits until `condition` (an expression) holds. */
export async function latencyUntil(page: Page, action: string, condition: string): Promise<number> {
  const script = `(async () => {
    const t0 = performance.now();
    ${action}
    await new Promise((resolve, reject) => {
      const limit = t0 + 120000;
      const check = () => {
        if (${condition}) resolve();
        else if (performance.now() > limit) reject(new Error('condition not met within 120 s'));
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t0;
  })()`;
  return (await page.evaluate(script)) as number;
}

