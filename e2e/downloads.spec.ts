// Downloads are the same bytes the command line writes for the same parameters.
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { bytesOf, downloadBy, cliFile, cliRun, openLab, tableReady } from './helpers';

const RUN = { seed: 1234, customers: 2000 };


test.beforeAll(() => {
  cliRun(RUN);
});

test('a table, its filtered view, the report and the zip match the CLI byte for byte', async ({ page }) => {
  test.setTimeout(180_000);
  await openLab(page, RUN, { view: 'layers', table: 'gold/customer_360.csv' });
  await tableReady(page);

  const table = await downloadBy(page, () => page.getByRole('button', { name: 'Download customer_360.csv' }).click());
  expect(table.suggestedFilename()).toBe('customer_360.csv');
  expect((await bytesOf(table)).equals(cliFile(RUN, 'gold/customer_360.csv'))).toBe(true);

  // A raw table with injected formula text and malformed values.
  await page.getByRole('navigation', { name: 'Tables by layer' }).getByRole('link', { name: /^customers\b/ }).click();
  await tableReady(page);
  const raw = await downloadBy(page, () => page.getByRole('button', { name: 'Download customers.csv' }).click());
  expect((await bytesOf(raw)).equals(cliFile(RUN, 'raw/customers.csv'))).toBe(true);

  // The filtered view: the CLI file's header and exactly the matching rows.
  await page.getByRole('navigation', { name: 'Tables by layer' }).getByRole('link', { name: /^customer_360\b/ }).click();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Customer 360' }).click();
  await page.getByRole('combobox', { name: 'Segment' }).selectOption('Champion');
  await tableReady(page);
  const caption = await page.locator('.data-table caption').innerText();
  const total = Number(/of ([\d,]+)/.exec(caption)![1].replace(/,/g, ''));
  const view = await downloadBy(page, () => page.getByRole('button', { name: 'Download filtered view (CSV)' }).click());
  expect(view.suggestedFilename()).toBe('customer_360_filtered.csv');
  const viewLines = (await bytesOf(view)).toString('utf8').trimEnd().split('\n');
  const cliLines = cliFile(RUN, 'gold/customer_360.csv').toString('utf8').trimEnd().split('\n');
  expect(viewLines[0]).toBe(cliLines[0]);
  expect(viewLines.length - 1).toBe(total);
  const cliSet = new Set(cliLines.slice(1));
  for (const line of viewLines.slice(1)) expect(cliSet.has(line)).toBe(true);

  // The quality report, CSV and Markdown.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Quality' }).click();
  const csv = await downloadBy(page, () => page.getByRole('button', { name: 'Download report (CSV)' }).click());
  expect(csv.suggestedFilename()).toBe('customer360_quality_report.csv');
  expect((await bytesOf(csv)).equals(cliFile(RUN, 'reports/customer360_quality_report.csv'))).toBe(true);
  const md = await downloadBy(page, () => page.getByRole('button', { name: 'Download report (Markdown)' }).click());
  expect(md.suggestedFilename()).toBe('customer360_quality_report.md');
  expect((await bytesOf(md)).equals(cliFile(RUN, 'reports/customer360_quality_report.md'))).toBe(true);

  // The whole run as one zip: every file of the CLI's tree and the review it writes beside it
  // (outside the manifest), same bytes.
  const zip = await downloadBy(page, () => page.getByRole('button', { name: 'Download run (.zip)' }).click());
  expect(zip.suggestedFilename()).toBe(`customer360_run_seed${RUN.seed}_${RUN.customers}.zip`);
  const entries = unzipSync(new Uint8Array(await bytesOf(zip)));
  const manifest = JSON.parse(cliFile(RUN, 'run_manifest.json').toString('utf8')) as { files: Record<string, unknown> };
  const expected = ['run_manifest.json', 'reports/data_product_review.md', ...Object.keys(manifest.files)].sort();
  expect(Object.keys(entries).sort()).toEqual(expected);
  for (const path of expected) {
    expect(Buffer.from(entries[path]).equals(cliFile(RUN, path)), path).toBe(true);
  }
});
