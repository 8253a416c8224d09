// Sorting and filtering with the keyboard alone.
import { expect, test } from '@playwright/test';
import { bodyRows, openLab, tableReady } from './helpers';

const RUN = { seed: 8, customers: 1000 };

function money(text: string): number {
  return Number(text.replace(/,/g, ''));
}

test('sort by keyboard: sortable headers are buttons, Enter and Space sort', async ({ page }) => {
  await openLab(page, RUN, { view: 'customers' });
  await tableReady(page);
  const header = page.getByRole('columnheader', { name: /lifetime_revenue/ });
  const button = header.getByRole('button', { name: 'lifetime_revenue' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=-lifetime_revenue/);
  await tableReady(page);
  const col = await page.locator('.data-table thead th').allInnerTexts();
  const idx = col.findIndex((t) => t.startsWith('lifetime_revenue'));
  const values = await bodyRows(page).locator(`td:nth-child(${idx + 1})`).allInnerTexts();
  expect(values.map(money)).toEqual([...values.map(money)].sort((a, b) => b - a));

  await expect(button).toBeFocused();
  await page.keyboard.press('Space');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await tableReady(page);
  const asc = await bodyRows(page).locator(`td:nth-child(${idx + 1})`).allInnerTexts();
  expect(asc.map(money)).toEqual([...asc.map(money)].sort((a, b) => a - b));

  await page.keyboard.press('Enter');
  await expect(header).not.toHaveAttribute('aria-sort', /.+/);
});

test('filter by keyboard: the filter builder and the segment filter', async ({ page }) => {
  await openLab(page, RUN, { view: 'layers', table: 'gold/customer_360.csv' });
  await tableReady(page);
  const form = page.getByRole('form', { name: 'Add a filter' });
  await form.getByRole('combobox', { name: 'Filter column' }).focus();
  await page.keyboard.type('segment');
  await expect(form.getByRole('combobox', { name: 'Filter column' })).toHaveValue('segment');
  await page.keyboard.press('Tab'); // operator, "=" by default
  await page.keyboard.press('Tab'); // value
  await page.keyboard.type('Loyal');
  await expect(form.getByRole('combobox', { name: 'Filter value' })).toHaveValue('Loyal');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Add filter' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('segment = Loyal');
  await expect(page).toHaveURL(/f=segment:eq:Loyal/);
  await tableReady(page);
  const heads = await page.locator('.data-table thead th').allInnerTexts();
  const seg = heads.findIndex((t) => t.startsWith('segment'));
  const segs = await bodyRows(page).locator(`td:nth-child(${seg + 1})`).allInnerTexts();
  expect(segs.length).toBeGreaterThan(0);
  expect(new Set(segs)).toEqual(new Set(['Loyal']));

  // Remove it with the keyboard.
  await page.getByRole('button', { name: 'Remove filter segment = Loyal' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);

  // Customer 360's own filters are plain selects.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Customer 360' }).click();
  const churn = page.getByRole('combobox', { name: 'Churn risk band' });
  await churn.focus();
  await page.keyboard.type('high');
  await expect(page).toHaveURL(/f=churn_risk_band:eq:high/);
  await tableReady(page);
  const heads2 = await page.locator('.data-table thead th').allInnerTexts();
  const band = heads2.findIndex((t) => t.startsWith('churn_risk_band'));
  const bands = await bodyRows(page).locator(`td:nth-child(${band + 1})`).allInnerTexts();
  expect(new Set(bands)).toEqual(new Set(['high']));

  // Search box: by name, email or key.
  const firstKey = (await bodyRows(page).first().getByRole('button', { name: /Open profile of/ }).innerText()).trim();
  await page.getByRole('searchbox', { name: 'Search name, email or key' }).fill(firstKey);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText(firstKey);
});
