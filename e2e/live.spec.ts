// The Live view replays the run as a stream: a step moves one offset by one, pause stops the
// replay, and at the end every file written from the live state equals the batch run's, as does
// the Customer 360 table the batch view shows.
import { expect, test, type Page } from '@playwright/test';
import { bytesOf, downloadBy, bodyRows, collectErrors, openLab, tableReady } from './helpers';

const RUN = { seed: 21, customers: 2000 };


const position = async (page: Page) => Number(await page.locator('[data-live-position]').getAttribute('data-live-position'));
const offsets = async (page: Page) => page.locator('[data-offset]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-offset'))));

test('live replay: step, play, pause, and the end equals the batch byte for byte', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await openLab(page, RUN);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Live' }).click();
  await expect(page.getByRole('heading', { name: 'Live', level: 2 })).toBeVisible();
  await expect(page.locator('[data-live-position]')).toHaveAttribute('data-live-position', '0');
  const total = Number(await page.locator('[data-live-position]').getAttribute('data-live-total'));
  expect(total).toBeGreaterThan(10_000);

  // Each step moves exactly one topic's offset by exactly one.
  const step = page.getByRole('button', { name: 'Step one event' });
  for (let i = 1; i <= 5; i++) {
    const before = await offsets(page);
    await step.click();
    await expect(page.locator('[data-live-position]')).toHaveAttribute('data-live-position', String(i));
    const after = await offsets(page);
    const moved = after.map((o, k) => o - before[k]);
    expect(moved.filter((d) => d !== 0)).toEqual([1]);
  }
  await expect(page.getByRole('list', { name: 'Latest changes' }).getByRole('listitem').first()).toBeVisible();

  // 100×: a minute of arrivals every 0.6 s, so the replay is still going when it is paused (at max a
  // run this small can end before a click lands). Paused, the position stops changing.
  await page.getByRole('button', { name: 'Speed 100×' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => position(page)).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.locator('[data-live-position]')).toContainText('paused');
  const paused = await position(page);
  expect(paused).toBeLessThan(total);
  await page.waitForTimeout(1500);
  expect(await position(page)).toBe(paused);

  // Max to the end: the end panel compares every file with the batch run's.
  await page.getByRole('button', { name: 'Speed max' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('[data-live-position]')).toHaveAttribute('data-live-position', String(total), { timeout: 60_000 });
  const end = page.getByRole('region', { name: 'The stream has ended' });
  await expect(end.getByRole('status')).toContainText(/^All \d+ files written from the live state \(silver, gold, reports and the manifest\) equal the batch run's, byte for byte\.$/, { timeout: 60_000 });
  expect(await page.getByRole('table', { name: /^Topics/ }).locator('.lag-n').allTextContents()).toEqual(['0', '0', '0', '0', '0', '0']);

  // The live state's customer_360 against the batch's, as the Customer 360 view downloads and shows it.
  const live = await bytesOf(await downloadBy(page, () => end.getByRole('button', { name: 'Download customer_360.csv from the live state' }).click()));
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Customer 360' }).click();
  await tableReady(page);
  const batch = await bytesOf(await downloadBy(page, () => page.getByRole('button', { name: 'Download customer_360.csv' }).click()));
  expect(live.equals(batch)).toBe(true);
  // The first page on screen: each row's customer_key is the live file's row at that place.
  const liveKeys = live.toString('utf8').split('\n').slice(1, 51).map((line) => line.split(',')[0]);
  const shown = await bodyRows(page).evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
  expect(shown).toHaveLength(50);
  shown.forEach((text, i) => expect(text).toContain(liveKeys[i]));

  expect(errors).toEqual([]);
});
