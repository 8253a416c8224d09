// A profile opens from the Customer 360 table: every field, merged records and a timeline.
import { expect, test } from '@playwright/test';
import { customer360Schema } from '../src/pipeline/schema/gold';
import { bodyRows, openLab, tableReady } from './helpers';

test('a profile opens from the table', async ({ page }) => {
  await openLab(page, { seed: 21, customers: 1000 }, { view: 'customers', sort: '-orders_count' });
  await tableReady(page);
  const row = bodyRows(page).first();
  const key = (await row.getByRole('button', { name: /Open profile of/ }).innerText()).trim();
  // Clicking anywhere on the row opens it.
  await row.locator('td').nth(3).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(key);

  // Timeline: orders and more, in time order.
  const timeline = dialog.getByRole('list', { name: 'Events in time order' });
  await expect(timeline.getByRole('listitem').first()).toBeVisible();
  const times = await timeline.locator('time').allInnerTexts();
  expect(times.length).toBeGreaterThan(0);
  expect(times).toEqual([...times].sort());
  await expect(dialog.getByRole('checkbox', { name: /Orders \(\d+\)/ })).toBeChecked();

  // All fields, with their descriptions.
  await dialog.getByRole('tab', { name: /All fields/ }).click();
  await expect(dialog.getByRole('tabpanel')).toContainText('revenue_90d');
  await expect(dialog.getByRole('tabpanel')).toContainText(customer360Schema.columns.find((c) => c.name === 'revenue_90d')!.description);

  // The merged source records.
  await dialog.getByRole('tab', { name: /Merged source records \((\d+)\)/ }).click();
  const records = dialog.getByRole('table', { name: /Source records merged/ });
  await expect(records.getByRole('columnheader', { name: 'source_customer_id' })).toBeVisible();
  expect(await records.locator('tbody tr').count()).toBeGreaterThan(0);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/profile=/);

  // And with the keyboard: the key cell is a button.
  await row.getByRole('button', { name: /Open profile of/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText(key);
});
