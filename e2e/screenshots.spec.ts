// PNGs of every view in light and dark at 1280×720, into docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { openLab, search, tableReady, waitForRun } from './helpers';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const RUN = { seed: 21, customers: 5000 };

const SHOTS: { name: string; screen: Record<string, string | string[]>; ready: 'table' | 'kpi' | 'chart' | 'dialog' | 'activation' | 'review' | 'preview' }[] = [
  { name: 'overview', screen: { view: 'overview' }, ready: 'kpi' },
  { name: 'data-layers', screen: { view: 'layers', table: 'gold/customer_360.csv', sort: '-revenue_90d' }, ready: 'table' },
  { name: 'customer-360', screen: { view: 'customers', f: 'segment:eq:Champion', sort: '-lifetime_revenue' }, ready: 'table' },
  { name: 'segments', screen: { view: 'segments' }, ready: 'chart' },
  { name: 'quality', screen: { view: 'quality' }, ready: 'table' },
  { name: 'activation', screen: { view: 'activation' }, ready: 'activation' },
  { name: 'production', screen: { view: 'production' }, ready: 'review' },
  // A linked file opens scrolled to its preview.
  { name: 'production-preview', screen: { view: 'production', file: 'export/kafka/orders.cdc.jsonl' }, ready: 'preview' },
];

/** Scrolls so that `selector` sits just below the sticky navigation bar. */
async function scrollBelowNav(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const top = document.querySelector(sel)!.getBoundingClientRect().top + window.scrollY;
    const nav = document.querySelector('.nav-bar')!.getBoundingClientRect().height;
    window.scrollTo(0, top - nav - 12);
  }, selector);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await openLab(page, RUN);
    for (const shot of SHOTS) {
      await page.goto(search(RUN, shot.screen));
      await waitForRun(page, RUN);
      if (shot.ready === 'table') await tableReady(page);
      if (shot.ready === 'kpi') await expect(page.locator('[data-kpi]').first()).toBeVisible();
      if (shot.ready === 'chart') await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
      if (shot.ready === 'activation') await expect(page.locator('[data-channel] .audience-n').first()).toBeVisible();
      if (shot.ready === 'review') await expect(page.locator('.review .md-table').first()).toBeVisible();
      if (shot.ready === 'preview') await expect(page.locator('pre.preview')).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}${shot.name}-${scheme}.png` });
    }
    // Live at the end of the stream: every topic read to its end, the files compared with the batch.
    await page.goto(search(RUN, { view: 'live' }));
    await waitForRun(page, RUN);
    await page.getByRole('button', { name: 'Speed max' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('region', { name: 'The stream has ended' }).getByRole('status')).toContainText('byte for byte', { timeout: 90_000 });
    await expect(page.locator('.live-bars .live-bar').first()).toBeVisible();
    await scrollBelowNav(page, '.live-controls');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${OUT}live-${scheme}.png` });

    // A profile, opened from the table.
    await page.goto(search(RUN, { view: 'customers', sort: '-orders_count' }));
    await waitForRun(page, RUN);
    await tableReady(page);
    await page.locator('.data-table tbody tr').first().getByRole('button', { name: /Open profile of/ }).click();
    await expect(page.getByRole('list', { name: 'Events in time order' })).toBeVisible();
    await page.screenshot({ path: `${OUT}profile-${scheme}.png` });

    // Identity under the default rules: the accuracy lists, false merges beside missed ones.
    await page.goto(search(RUN, { view: 'identity' }));
    await waitForRun(page, RUN);
    await expect(page.locator('[data-stat="profiles"] .kpi-value')).toBeVisible();
    await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.evaluate(() => document.getElementById('acc-h')?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${OUT}identity-accuracy-${scheme}.png` });

    // After a rule change (phone no longer links): the rules and "What moved".
    const rules = page.getByRole('form', { name: 'Identity rules' });
    await rules.getByRole('checkbox', { name: 'Phone' }).uncheck();
    await rules.getByRole('button', { name: 'Apply rules' }).click();
    const moved = page.getByRole('region', { name: 'What moved' });
    await expect(moved).toBeVisible();
    await scrollBelowNav(page, '.identity-top');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}identity-${scheme}.png` });

    // A false merge's profile on its identity graph (default rules: a household's shared phone).
    await page.goto(search(RUN, { view: 'identity' }));
    await waitForRun(page, RUN);
    await page.getByRole('list', { name: 'False merges' }).getByRole('button', { name: /^Open profile/ }).first().click();
    await expect(page.getByRole('dialog').getByRole('img', { name: 'Identity graph' })).toBeVisible();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${OUT}profile-identity-graph-${scheme}.png` });
    await page.getByRole('dialog').getByRole('tab', { name: 'Consent' }).click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${OUT}profile-consent-${scheme}.png` });
  });
}
