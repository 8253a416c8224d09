// Every view renders with data, from the navigation bar, with no console errors.
import { expect, test } from '@playwright/test';
import { customer360Schema } from '../src/pipeline/schema/gold';
import { bodyRows, collectErrors, openLab, tableReady } from './helpers';

const RUN = { seed: 21, customers: 1000 };

test('every view renders with data and logs no console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, RUN);
  const nav = page.getByRole('navigation', { name: 'Views' });

  // Overview: lineage with row counts and stage times, KPIs, production mapping.
  await expect(page.getByRole('heading', { name: 'Overview', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pipeline lineage' })).toBeVisible();
  for (const stage of ['Raw', 'Bronze', 'Silver', 'Gold', 'Quality']) {
    await expect(page.getByRole('heading', { name: stage, level: 4, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: /^customer_360$/ }).first()).toBeVisible();
  await expect(page.locator('[data-kpi="profiles"] .kpi-value')).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByRole('table', { name: /production counterpart/ })).toContainText('Debezium');
  await expect(page.getByRole('heading', { name: 'Silver profile base vs gold serving mart' })).toBeVisible();

  // Data layers: a table of every layer with its dictionary.
  await nav.getByRole('link', { name: 'Data layers' }).click();
  await expect(page).toHaveURL(/view=layers/);
  const tables = page.getByRole('navigation', { name: 'Tables by layer' });
  for (const name of ['orders', 'orders_bronze', 'quarantine', 'customer_360', 'customer360_quality_report']) {
    await tables.getByRole('link', { name: new RegExp(`^${name}\\b`) }).first().click();
    await tableReady(page);
    await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
    expect(await bodyRows(page).count()).toBeGreaterThan(0);
  }
  await tables.getByRole('link', { name: /^customer_360\b/ }).click();
  await page.getByText(/^Data dictionary/).click();
  const revenue90 = customer360Schema.columns.find((c) => c.name === 'revenue_90d')!;
  await expect(page.getByRole('table', { name: 'Columns of customer_360' }).getByRole('row', { name: /revenue_90d/ })).toContainText(revenue90.description);

  // Customer 360
  await nav.getByRole('link', { name: 'Customer 360' }).click();
  await tableReady(page);
  await expect(page.getByRole('heading', { name: 'Customer 360', level: 2 })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(50);
  await expect(page.getByRole('combobox', { name: 'Segment' })).toBeVisible();

  // Segments: five charts, each with a table toggle.
  await nav.getByRole('link', { name: 'Segments' }).click();
  for (const title of ['Customers by segment', 'Revenue by segment', 'Contactability by segment', 'Churn-risk distribution', 'Value tiers']) {
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  }
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.getByRole('button', { name: 'Show Contactability by segment as a table' }).click();
  await expect(page.getByRole('table', { name: 'Contactability by segment' })).toContainText('%');

  // Quality: status badges with text.
  await nav.getByRole('link', { name: 'Quality' }).click();
  await tableReady(page);
  await expect(page.getByRole('heading', { name: 'What the statuses mean' })).toBeVisible();
  await expect(page.locator('.data-table .badge').first()).toHaveText(/pass|warn|fail|info/);

  // Production: the review as a page and the three exports with their files.
  await nav.getByRole('link', { name: 'Production' }).click();
  await expect(page.getByRole('heading', { name: 'Production', level: 2 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Quality and freshness review' })).toContainText('profile_coverage');
  for (const region of [/^Kafka topics/, /^SQL project/, /^Parquet/]) await expect(page.getByRole('region', { name: region }).getByRole('link').first()).toBeVisible();

  expect(errors).toEqual([]);
});
