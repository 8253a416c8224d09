// Regenerate with a new seed and size from the header; the progress shows per stage.
import { expect, test } from '@playwright/test';
import { openLab, waitForRun } from './helpers';

test('Regenerate runs a new seed and size', async ({ page }) => {
  await openLab(page, { seed: 5, customers: 1000 });
  const kpis = page.locator('[data-kpi="profiles"] .kpi-value');
  const before = await kpis.innerText();

  const form = page.getByRole('form', { name: 'Run parameters' });
  await form.getByRole('textbox', { name: 'Seed' }).fill('77');
  await form.getByRole('combobox', { name: 'Customers' }).selectOption('5000');
  await form.getByRole('button', { name: 'Regenerate' }).click();

  // The previous result stays on screen while the new run is built.
  await expect(page.getByRole('group', { name: 'Run progress' })).toBeVisible();
  await expect(kpis).toHaveText(before);

  await waitForRun(page, { seed: 77, customers: 5000 });
  await expect(page).toHaveURL(/seed=77/);
  await expect(page).toHaveURL(/customers=5000/);
  await expect(page.getByRole('group', { name: 'Run progress' })).toHaveCount(0);
  await expect(kpis).not.toHaveText(before);

  // The random seed button fills in a valid seed.
  await form.getByRole('button', { name: 'Random seed' }).click();
  await expect(form.getByRole('textbox', { name: 'Seed' })).toHaveValue(/^\d+$/);
  await expect(form.getByRole('textbox', { name: 'Seed' })).not.toHaveValue('77');
});
