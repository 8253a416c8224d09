// The URL holds the run parameters and the screen: a shared link reproduces the same data and view.
import { expect, test } from '@playwright/test';
import { bodyRows, openLab, search, tableReady, waitForRun } from './helpers';

test('changing the seed in the URL changes the data', async ({ page }) => {
  await openLab(page, { seed: 1, customers: 1000 }, { view: 'customers', sort: '-lifetime_revenue' });
  await tableReady(page);
  const first = (await bodyRows(page).first().textContent()) ?? '';

  await page.goto(search({ seed: 2, customers: 1000 }, { view: 'customers', sort: '-lifetime_revenue' }));
  await waitForRun(page, { seed: 2, customers: 1000 });
  await tableReady(page);
  await expect(bodyRows(page).first()).not.toHaveText(first);

  // Same link again → same rows (deterministic).
  await page.goto(search({ seed: 1, customers: 1000 }, { view: 'customers', sort: '-lifetime_revenue' }));
  await waitForRun(page, { seed: 1, customers: 1000 });
  await tableReady(page);
  await expect(bodyRows(page).first()).toHaveText(first);
});

test('a link reproduces view, sort, filters, page and open profile', async ({ page }) => {
  await openLab(page, { seed: 21, customers: 1000 }, { view: 'customers', sort: '-lifetime_revenue', f: 'value_tier:eq:low', size: '25', page: '2' });
  await tableReady(page);
  await expect(page.getByRole('columnheader', { name: /lifetime_revenue/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('combobox', { name: 'Value tier' })).toHaveValue('low');
  await expect(page.getByRole('navigation', { name: /Pages of/ })).toContainText('Page 2 of');
  const rows = bodyRows(page);
  await expect(rows).toHaveCount(25);

  // Open a profile: the URL gains it; reloading that URL reopens it.
  const key = (await rows.first().getByRole('button', { name: /Open profile of/ }).innerText()).trim();
  await rows.first().getByRole('button', { name: /Open profile of/ }).click();
  await expect(page).toHaveURL(new RegExp(`profile=${key}`));
  await page.reload();
  await waitForRun(page, { seed: 21, customers: 1000 });
  await expect(page.getByRole('dialog')).toContainText(key);
  await expect(page.getByRole('combobox', { name: 'Value tier' })).toHaveValue('low');

  // Back button: closing the profile is a history step too.
  await page.getByRole('button', { name: 'Close profile' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).not.toHaveURL(/profile=/);
  await page.goBack();
  await expect(page.getByRole('dialog')).toContainText(key);
});
