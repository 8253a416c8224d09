// Invalid run parameters are refused at the field with the reason, and the app keeps working.
import { expect, test } from '@playwright/test';
import { collectErrors, openLab, search, waitForRun } from './helpers';

test('a bad seed is refused with a message', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, { seed: 3, customers: 1000 });
  const url = page.url();
  const form = page.getByRole('form', { name: 'Run parameters' });
  const seed = form.getByRole('textbox', { name: 'Seed' });

  for (const bad of ['abc', '-1', '4294967296', '1.5']) {
    await seed.fill(bad);
    await form.getByRole('button', { name: 'Regenerate' }).click();
    await expect(page.getByRole('alert')).toContainText('seed must be a whole number from 0 to 4294967295');
    await expect(seed).toHaveAttribute('aria-invalid', 'true');
    await expect(seed).toBeFocused();
    expect(page.url()).toBe(url);
  }
  await waitForRun(page, { seed: 3, customers: 1000 });

  // A bad `now` is refused too; fixing the field clears the message.
  await seed.fill('4');
  const now = form.getByRole('textbox', { name: 'Now (UTC)' });
  await now.fill('yesterday');
  await form.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByRole('alert')).toContainText('now must be an ISO 8601 UTC instant');
  await now.fill('2026-05-31T00:00:00Z');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Regenerate' }).click();
  await waitForRun(page, { seed: 4, customers: 1000 });
  await expect(page.getByRole('status', { name: 'Run on screen' })).toContainText('2026-05-31T00:00:00Z');
  expect(errors).toEqual([]);
});

test('a bad seed in a link is reported and the default is used', async ({ page }) => {
  await page.goto(search({ seed: 1, customers: 1000 }).replace('seed=1', 'seed=banana'));
  await expect(page.getByRole('alert')).toContainText('seed must be a whole number');
  await waitForRun(page, { seed: 21, customers: 1000 });
});
