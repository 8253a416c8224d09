// Production: the data-product review reads as a page, export files preview and download (the
// preview is in the URL), an export downloads as a zip beside the run tree, and a table of Data
// layers downloads as Parquet that an independent engine (DuckDB) reads back.
import { expect, test, type Download } from '@playwright/test';
import { unzipSync } from 'fflate';
import { DuckDBInstance } from '@duckdb/node-api';
import { bytesOf, downloadBy, collectErrors, openLab, tableReady, waitForRun } from './helpers';

const RUN = { seed: 21, customers: 500 };


/** Parquet files start and end with the magic bytes `PAR1`. */
function expectParquet(bytes: Buffer) {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
  expect(bytes.subarray(bytes.length - 4).toString('latin1')).toBe('PAR1');
}

test('the review renders; export files preview, download and zip', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openLab(page, RUN, { view: 'production' });
  await expect(page.getByRole('heading', { name: 'Production', level: 2 })).toBeVisible();

  // The review's Markdown as headings and tables, under the view's own h2.
  await expect(page.getByRole('heading', { name: 'Customer 360 data product review', level: 3 })).toBeVisible();
  for (const h of ['Profile design', 'Quality and freshness review', 'Activation under current consent', 'Production mapping', 'Prioritised improvement']) {
    await expect(page.getByRole('heading', { name: h, level: 4 })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Key columns', level: 5 })).toBeVisible();
  const quality = page.getByRole('table', { name: 'Quality and freshness review' });
  await expect(quality.getByRole('columnheader', { name: 'check_id' })).toBeVisible();
  expect(await quality.locator('tbody tr').count()).toBeGreaterThan(20);
  await expect(quality.locator('tbody tr').first().locator('code')).toHaveText('profile_coverage');

  // A topic's preview: its first 40 records, each one Kafka record with a Debezium envelope.
  const kafka = page.getByRole('region', { name: /^Kafka topics/ });
  await kafka.getByRole('link', { name: 'orders.cdc.jsonl', exact: true }).click();
  await expect(page).toHaveURL(/[?&]file=export\/kafka\/orders\.cdc\.jsonl/);
  const topic = kafka.locator('pre.preview');
  await expect(topic).toContainText('"op":"c"');
  const records = (await topic.innerText()).split('\n');
  expect(records).toHaveLength(40);
  for (const line of records) expect(JSON.parse(line)).toHaveProperty('key.order_id');
  await expect(kafka.getByText(/^First 40 of [\d,]+ records/)).toBeVisible();
  await expect(kafka.getByText(/^Truncated:/)).toBeVisible();
  await kafka.getByRole('button', { name: 'Pretty-print' }).click();
  await expect(topic).toContainText('"op": "c"');
  await kafka.getByRole('button', { name: 'Pretty-print' }).click();
  const jsonl = await downloadBy(page, () => kafka.getByRole('button', { name: 'Download export/kafka/orders.cdc.jsonl' }).click());
  expect(jsonl.suggestedFilename()).toBe('orders.cdc.jsonl');
  const lines = (await bytesOf(jsonl)).toString('utf8').trimEnd().split('\n');
  expect(lines.slice(0, 40)).toEqual(records);
  const listed = await kafka.getByRole('row', { name: /orders\.cdc\.jsonl/ }).getByRole('cell').nth(1).innerText();
  expect(lines.length).toBe(Number(listed.replace(/,/g, '')));

  // A Parquet file's preview is its typed schema; its download is Parquet.
  const parquet = page.getByRole('region', { name: /^Parquet/ });
  await parquet.getByRole('link', { name: 'customer_360.parquet', exact: true }).click();
  await expect(parquet.locator('pre.preview')).toContainText('lifetime_revenue');
  await expect(parquet.locator('pre.preview')).toContainText('DECIMAL(12,2)');
  await expect(parquet.getByText(/^Schema:/)).toBeVisible();
  await expect(kafka.locator('pre.preview')).toHaveCount(0);
  const file = await downloadBy(page, () => parquet.getByRole('button', { name: 'Download export/parquet/gold/customer_360.parquet' }).click());
  expect(file.suggestedFilename()).toBe('customer_360.parquet');
  expectParquet(await bytesOf(file));

  // The URL holds the preview: a reload (or a shared link) shows the same file.
  await page.reload();
  await waitForRun(page, RUN);
  await expect(page.getByRole('region', { name: /^Parquet/ }).locator('pre.preview')).toContainText('DECIMAL(12,2)');

  // The SQL export as one zip: the run tree, the review and export/sql/, nothing of the others.
  const sql = page.getByRole('region', { name: /^SQL project/ });
  await sql.getByRole('link', { name: 'run.sql', exact: true }).click();
  await expect(sql.locator('pre.preview')).toContainText('duckdb < run.sql');
  const zip = await downloadBy(page, () => sql.getByRole('button', { name: 'Download SQL export (.zip)' }).click());
  expect(zip.suggestedFilename()).toBe(`customer360_run_seed${RUN.seed}_${RUN.customers}_sql.zip`);
  const entries = unzipSync(new Uint8Array(await bytesOf(zip)));
  const paths = Object.keys(entries);
  for (const p of ['run_manifest.json', 'raw/customers.csv', 'gold/customer_360.csv', 'reports/data_product_review.md', 'export/sql/run.sql', 'export/sql/models/gold/customer_360.sql']) {
    expect(paths, p).toContain(p);
  }
  expect(paths.filter((p) => p.startsWith('export/') && !p.startsWith('export/sql/'))).toEqual([]);
  const sqlFiles = await sql.locator('.file-list tbody tr:not(.folder-row)').count();
  expect(paths.filter((p) => p.startsWith('export/sql/'))).toHaveLength(sqlFiles);

  // The review as the file it is.
  const md = await downloadBy(page, () => page.getByRole('button', { name: 'Download review (.md)' }).click());
  expect(md.suggestedFilename()).toBe('data_product_review.md');
  expect((await bytesOf(md)).equals(Buffer.from(entries['reports/data_product_review.md']))).toBe(true);

  expect(errors).toEqual([]);
});

test('a Data layers table downloads as Parquet, whole and as its filtered view', async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page, RUN, { view: 'layers', table: 'gold/customer_360.csv', f: 'segment:eq:Champion' });
  await tableReady(page);
  const caption = await page.locator('.data-table caption').innerText();
  const matching = Number(/of ([\d,]+)/.exec(caption)![1].replace(/,/g, ''));
  const note = await page.locator('.table-header .note').innerText();
  const tableRows = Number(/^([\d,]+) rows/.exec(note)![1].replace(/,/g, ''));

  const whole = await downloadBy(page, () => page.getByRole('button', { name: 'Download customer_360.parquet' }).click());
  expect(whole.suggestedFilename()).toBe('customer_360.parquet');
  expectParquet(await bytesOf(whole));
  const view = await downloadBy(page, () => page.getByRole('button', { name: 'Download filtered view (Parquet)' }).click());
  expect(view.suggestedFilename()).toBe('customer_360_filtered.parquet');
  expectParquet(await bytesOf(view));

  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    const read = async (d: Download) => (await con.runAndReadAll(`SELECT count(*)::INT, count(*) FILTER (segment = 'Champion')::INT FROM read_parquet('${await d.path()}')`)).getRows()[0];
    expect((await read(whole))[0]).toBe(tableRows);
    expect(await read(view)).toEqual([matching, matching]);
  } finally {
    con.closeSync();
    db.closeSync();
  }
});

test('the run with all exports downloads as one zip, as --export all writes it', async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page, RUN, { view: 'production' });
  const zip = unzipSync(await bytesOf(await downloadBy(page, () => page.getByRole('button', { name: 'Download the run with all exports (.zip)' }).click())));
  const paths = Object.keys(zip);
  for (const p of ['run_manifest.json', 'gold/customer_360.csv', 'reports/data_product_review.md', 'export/kafka/orders.cdc.jsonl', 'export/sql/run.sql', 'export/parquet/gold/customer_360.parquet']) {
    expect(paths, p).toContain(p);
  }
  expectParquet(Buffer.from(zip['export/parquet/gold/customer_360.parquet']));
});
