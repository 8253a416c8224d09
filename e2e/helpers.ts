// Shared steps of the end-to-end specs: open the lab on given parameters, wait for its data,
// collect console errors, catch downloads, and run the command line for byte comparisons.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Download, type Page } from '@playwright/test';
import { SCRATCH_ENV } from './global-setup';

export interface RunArgs {
  seed: number;
  customers: number;
  issues?: boolean;
}

export function search(run: RunArgs, screen: Record<string, string | string[]> = {}): string {
  const p = new URLSearchParams();
  p.set('seed', String(run.seed));
  p.set('customers', String(run.customers));
  if (run.issues === false) p.set('issues', 'false');
  for (const [k, v] of Object.entries(screen)) {
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
    else p.set(k, v);
  }
  return `./?${p}`;
}

/** The header's "Run on screen" status, once it shows this run. */
export async function waitForRun(page: Page, run: RunArgs): Promise<void> {
  const status = page.getByRole('status', { name: 'Run on screen' });
  await expect(status).toContainText(`seed ${run.seed} ·`, { timeout: 60_000 });
  await expect(status).toContainText(`${run.customers.toLocaleString('en-US')} customers`);
}

export async function openLab(page: Page, run: RunArgs, screen: Record<string, string | string[]> = {}): Promise<void> {
  await page.goto(search(run, screen));
  await waitForRun(page, run);
}

/** Table rows of the data table (not its header row). */
export function bodyRows(page: Page) {
  return page.locator('.data-table tbody tr');
}

/** Waits until the data table has answered its latest request. */
export async function tableReady(page: Page): Promise<void> {
  await expect(page.locator('.data-table .table-scroll').first()).toHaveAttribute('data-ready', 'true');
}

/** Records console errors and uncaught page errors; check with `expect(errors).toEqual([])`. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

const cliRuns = new Map<string, string>();

/** Runs `cli/pipeline.ts` once per parameter set and returns the output folder. */
export function cliRun(run: RunArgs): string {
  const key = `${run.seed}-${run.customers}-${run.issues !== false}`;
  const hit = cliRuns.get(key);
  if (hit) return hit;
  const scratch = process.env[SCRATCH_ENV];
  if (!scratch) throw new Error(`${SCRATCH_ENV} is not set: run the specs through playwright.config.ts (its globalSetup makes the folder)`);
  const out = mkdtempSync(join(scratch, `cli-${key}-`));
  const root = fileURLToPath(new URL('..', import.meta.url));
  const args = ['tsx', 'cli/pipeline.ts', '--seed', String(run.seed), '--customers', String(run.customers), '--out', out];
  if (run.issues === false) args.push('--no-issues');
  execFileSync('npx', args, { cwd: root, stdio: 'pipe', timeout: 180_000 });
  if (!existsSync(join(out, 'run_manifest.json'))) throw new Error(`the CLI wrote no run_manifest.json to ${out}`);
  cliRuns.set(key, out);
  return out;
}

export function cliFile(run: RunArgs, path: string): Buffer {
  return readFileSync(join(cliRun(run), path));
}

/** The bytes of a finished download. */
export async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

/** The download that `click` starts. */
export async function downloadBy(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}
