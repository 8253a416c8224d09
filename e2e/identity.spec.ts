// Identity: the rules are run parameters in the URL; changing one moves the numbers and says what
// moved; a lookup finds a person by an identifier typed the way people type; merge errors open the
// profile with its identity graph, provenance and consent.
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { cliFile, cliRun, collectErrors, openLab, waitForRun } from './helpers';

const RUN = { seed: 21, customers: 1000 };

const stat = (page: Page, key: string) => page.locator(`[data-stat="${key}"] .kpi-value`);

function rowsOf(csv: Buffer): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.toString('utf8'), { header: true, skipEmptyLines: true }).data;
}

test.beforeAll(() => {
  cliRun(RUN);
});

test('untick phone: profiles, precision and recall move and the change is explained', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, RUN, { view: 'identity' });
  await expect(page.getByRole('heading', { name: 'Identity', level: 2 })).toBeVisible();
  await expect(stat(page, 'profiles')).toHaveText(/^\d[\d,]*$/);
  // The defaults stay out of the URL.
  await expect(page).not.toHaveURL(/[?&](link|pt)=/);
  const before = {
    profiles: await stat(page, 'profiles').innerText(),
    precision: await stat(page, 'precision').innerText(),
    recall: await stat(page, 'recall').innerText(),
  };
  await expect(page.getByRole('region', { name: 'What moved' })).toHaveCount(0);
  const rules = page.getByRole('form', { name: 'Identity rules' });
  await expect(rules.getByRole('button', { name: 'Apply rules' })).toBeDisabled();

  await rules.getByRole('checkbox', { name: 'Phone' }).uncheck();
  await rules.getByRole('button', { name: 'Apply rules' }).click();
  await expect(page).toHaveURL(/[?&]link=email,loyalty(&|$)/);
  await expect(page.getByRole('status', { name: 'Run on screen' })).toContainText('link email, loyalty');

  const moved = page.getByRole('region', { name: 'What moved' });
  await expect(moved).toBeVisible();
  await expect(stat(page, 'profiles')).not.toHaveText(before.profiles);
  await expect(stat(page, 'precision')).not.toHaveText(before.precision);
  await expect(stat(page, 'recall')).not.toHaveText(before.recall);
  const after = { profiles: await stat(page, 'profiles').innerText(), precision: await stat(page, 'precision').innerText(), recall: await stat(page, 'recall').innerText() };
  // Fewer links: more profiles, fewer false merges (precision up), more missed ones (recall down).
  expect(Number(after.profiles.replace(/,/g, ''))).toBeGreaterThan(Number(before.profiles.replace(/,/g, '')));
  expect(parseFloat(after.precision)).toBeGreaterThan(parseFloat(before.precision));
  expect(parseFloat(after.recall)).toBeLessThan(parseFloat(before.recall));
  // The panel shows the old numbers beside the new ones.
  const table = moved.getByRole('table', { name: 'Before and after the rule change' });
  await expect(table.getByRole('row', { name: /^Profiles/ })).toContainText(before.profiles);
  await expect(table.getByRole('row', { name: /^Profiles/ })).toContainText(after.profiles);
  await expect(table.getByRole('row', { name: /^Precision/ })).toContainText(before.precision);
  await expect(table.getByRole('row', { name: /^Recall/ })).toContainText(after.recall);
  const split = Number((await moved.locator('[data-move="split"] .move-n').innerText()).replace(/,/g, ''));
  const created = Number((await moved.locator('[data-move="created"] .move-n').innerText()).replace(/,/g, ''));
  expect(split).toBeGreaterThan(0);
  expect(created).toBeGreaterThan(0);

  // The rules live in the URL: a reload keeps them.
  await page.reload();
  await waitForRun(page, RUN);
  await expect(page.getByRole('status', { name: 'Run on screen' })).toContainText('link email, loyalty');
  await expect(rules.getByRole('checkbox', { name: 'Phone' })).not.toBeChecked();
  await expect(stat(page, 'profiles')).toHaveText(after.profiles);

  // The threshold: refused when out of range, applied (and in the URL as pt) otherwise.
  const pt = rules.getByRole('spinbutton', { name: 'Placeholder threshold' });
  await pt.fill('0');
  await rules.getByRole('button', { name: 'Apply rules' }).click();
  await expect(rules.getByRole('alert')).toContainText('placeholder threshold must be a whole number');
  await pt.fill('3');
  await rules.getByRole('button', { name: 'Apply rules' }).click();
  await expect(page).toHaveURL(/[?&]pt=3(&|$)/);
  await expect(page.getByText('Rules of this run: link on email, loyalty, placeholder threshold 3.')).toBeVisible();

  // Back to the defaults: both leave the URL.
  await rules.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(page).not.toHaveURL(/[?&](link|pt)=/);
  await expect(stat(page, 'profiles')).toHaveText(before.profiles);
  await expect(stat(page, 'precision')).toHaveText(before.precision);
  expect(errors).toEqual([]);
});

test('look up a person by a phone typed the national way, an email typed carelessly, and a miss', async ({ page }) => {
  const rows = rowsOf(cliFile(RUN, 'gold/customer_360.csv'));
  const phoneCount = new Map<string, number>();
  for (const r of rows) if (r.phone) phoneCount.set(r.phone, (phoneCount.get(r.phone) ?? 0) + 1);
  // A Turkish mobile held by exactly one profile.
  const person = rows.find((r) => /^\+905\d{9}$/.test(r.phone) && phoneCount.get(r.phone) === 1 && r.email);
  expect(person, 'a profile with a unique Turkish mobile').toBeTruthy();
  const n = person!.phone.slice(3); // 5321112233
  const messy = `0${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`; // 0532 111-22-33

  await openLab(page, RUN, { view: 'identity' });
  const search = page.getByRole('search', { name: 'Find a person by any identifier' });
  await search.getByRole('searchbox', { name: 'Identifier' }).fill(messy);
  await search.getByRole('button', { name: 'Look up' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(person!.customer_key);
  await expect(page).toHaveURL(new RegExp(`profile=${person!.customer_key}`));
  await dialog.getByRole('button', { name: 'Close profile' }).click();
  await expect(dialog).toHaveCount(0);
  const result = page.getByRole('status', { name: 'Lookup result' });
  await expect(result).toContainText('phone');
  await expect(result).toContainText(person!.phone);
  await expect(result.getByRole('button', { name: `Open profile ${person!.customer_key}` })).toBeVisible();

  // An email in capitals with stray spaces.
  const careless = `  ${person!.email.toUpperCase()} `;
  await search.getByRole('searchbox', { name: 'Identifier' }).fill(careless);
  await search.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('dialog')).toContainText(person!.customer_key);
  await page.keyboard.press('Escape');
  await expect(result).toContainText(person!.email);

  // Nobody: a clear message, no dialog.
  await search.getByRole('searchbox', { name: 'Identifier' }).fill('nobody.at.all@example.org');
  await search.getByRole('button', { name: 'Look up' }).click();
  await expect(result).toContainText('nobody.at.all@example.org');
  await expect(result).toContainText(/No profile/i);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a false merge opens its profile: identity graph, provenance and consent', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page, RUN, { view: 'identity' });
  const falseMerges = page.getByRole('list', { name: 'False merges' });
  const first = falseMerges.getByRole('listitem').first();
  await expect(first).toBeVisible();
  const cause = await first.locator('.cause').innerText();
  expect(cause.length).toBeGreaterThan(5);
  const open = first.getByRole('button', { name: /^Open profile c360_/ }).first();
  const key = (await open.innerText()).replace('Open profile ', '').trim();
  await open.click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(key);
  await expect(dialog.getByRole('tab', { name: 'Identity graph' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('img', { name: 'Identity graph' })).toBeVisible();
  // Two or more true people in one profile: the graph says so.
  await expect(dialog.getByText(/False merge:/)).toBeVisible();
  const nodes = dialog.getByRole('table', { name: 'Source records (graph nodes)' });
  expect(await nodes.locator('tbody tr').count()).toBeGreaterThan(1);
  const edges = dialog.getByRole('table', { name: 'Shared identifiers (graph edges)' });
  await expect(edges.locator('tbody tr').first()).toContainText(/email|phone|loyalty/);
  // Provenance: each golden field names its source record.
  const prov = dialog.getByRole('table', { name: /Where each golden field came from/ });
  await expect(prov.getByRole('row', { name: /^email/ })).toContainText(/(web|store|crm):/);

  // Consent: per purpose, the deciding event is marked, and the reachable channels are listed.
  await dialog.getByRole('tab', { name: 'Consent' }).click();
  await expect(dialog.getByRole('list', { name: 'Reachable channels' }).getByRole('listitem')).toHaveCount(3);
  for (const purpose of ['email_marketing', 'sms_marketing', 'personalized_ads']) {
    await expect(dialog.getByRole('region', { name: `Consent history: ${purpose}` })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(errors).toEqual([]);
});
