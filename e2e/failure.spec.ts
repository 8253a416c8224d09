// A worker that dies shows a message and a way out, and the app keeps working afterwards.
import { expect, test } from '@playwright/test';
import { search, waitForRun } from './helpers';

test('a crashed worker is reported and the app recovers at the default size', async ({ page }) => {
  // The first worker dies while loading, as one that ran out of memory would.
  await page.route('**/pipeline.worker-*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: "throw new Error('simulated worker crash');" }),
  );
  await page.goto(search({ seed: 31, customers: 1000 }));
  const banner = page.getByRole('alert').filter({ hasText: 'The data worker stopped' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('seed 31');
  await expect(banner).toContainText('simulated worker crash');

  await page.unroute('**/pipeline.worker-*.js');
  await banner.getByRole('button', { name: /Restart the worker and run 5,000 customers/ }).click();
  await waitForRun(page, { seed: 31, customers: 5000 });
  await expect(page).toHaveURL(/customers=5000/);
  await expect(banner).toHaveCount(0);
  await expect(page.locator('[data-kpi="profiles"] .kpi-value')).toBeVisible();
});
