// Activation: each audience downloads as the very file the pipeline writes, holds exactly the
// people with current consent and a contact point (checked against customer_360 downloaded from
// the app), and the left-out counts add up to every profile.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Download, type Page } from '@playwright/test';
import { cliFile, cliRun, collectErrors, openLab, tableReady } from './helpers';

const RUN = { seed: 4242, customers: 1500 };

async function download(page: Page, name: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync((await (d as Download).path())!);
}

function rowsOf(csv: Buffer): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.toString('utf8'), { header: true, skipEmptyLines: true }).data;
}

const count = (s: string) => Number(s.replace(/,/g, ''));

test.beforeAll(() => {
  cliRun(RUN);
});

test('every audience is the pipeline file and holds only people with current consent', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openLab(page, RUN, { view: 'activation' });
  await expect(page.getByRole('heading', { name: 'Activation', level: 2 })).toBeVisible();

  const audiences: Record<string, Buffer> = {};
  const shown: Record<string, { audience: number; excluded: Record<string, number> }> = {};
  for (const channel of ['email', 'sms', 'ads'] as const) {
    const card = page.locator(`[data-channel="${channel}"]`);
    await expect(card.locator('.audience-n')).toHaveText(/^\d[\d,]*$/);
    const excluded: Record<string, number> = {};
    for (const reason of ['never_asked', 'withdrawn', 'no_contact_point']) {
      excluded[reason] = count(await card.locator(`[data-reason="${reason}"] strong`).innerText());
    }
    shown[channel] = { audience: count(await card.locator('.audience-n').innerText()), excluded };
    await expect(card.getByText('The consent rule')).toBeVisible();
    const file = `activation_${channel}.csv`;
    audiences[channel] = await download(page, `Download ${file}`);
    // Identical to the file the pipeline writes (the command line, same parameters).
    expect(audiences[channel].equals(cliFile(RUN, `gold/${file}`)), file).toBe(true);
  }

  // customer_360 as the app serves it (api.csv), from the Customer 360 view.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Customer 360' }).click();
  await tableReady(page);
  const c360 = rowsOf(await download(page, 'Download customer_360.csv'));
  expect(c360.length).toBeGreaterThan(0);
  const byKey = new Map(c360.map((r) => [r.customer_key, r]));

  const rules = {
    email: { flag: 'can_email', consent: 'consent_email_marketing', contact: 'email', column: 'email' },
    sms: { flag: 'can_sms', consent: 'consent_sms_marketing', contact: 'phone', column: 'phone' },
    ads: { flag: 'can_target_ads', consent: 'consent_personalized_ads', contact: 'email', column: 'email_sha256' },
  } as const;
  for (const [channel, rule] of Object.entries(rules) as [keyof typeof rules, (typeof rules)[keyof typeof rules]][]) {
    const audience = rowsOf(audiences[channel]);
    // Exactly the two columns the contract allows.
    expect(Papa.parse<string[]>(audiences[channel].toString('utf8')).data[0]).toEqual(['customer_key', rule.column]);
    expect(audience.length).toBe(shown[channel].audience);
    // Every member has current granted consent and the contact value is the profile's own.
    for (const a of audience) {
      const p = byKey.get(a.customer_key);
      expect(p, `${channel}: ${a.customer_key} is a profile`).toBeTruthy();
      expect(p![rule.flag], `${channel}: ${a.customer_key} has ${rule.flag}`).toBe('true');
      expect(p![rule.consent]).toBe('granted');
      if (channel === 'ads') expect(a.email_sha256).toBe(createHash('sha256').update(p!.email).digest('hex'));
      else expect(a[rule.column]).toBe(p![rule.column]);
    }
    // And nobody with consent is missing.
    const expected = c360.filter((p) => p[rule.flag] === 'true' && p[rule.contact] !== '').map((p) => p.customer_key).sort();
    expect(audience.map((a) => a.customer_key).sort()).toEqual(expected);
    // The left-out counts are the profiles' consent states.
    const ex = shown[channel].excluded;
    expect(ex.never_asked).toBe(c360.filter((p) => p[rule.consent] === 'unknown').length);
    expect(ex.withdrawn).toBe(c360.filter((p) => p[rule.consent] === 'withdrawn').length);
    expect(ex.no_contact_point).toBe(c360.filter((p) => p[rule.consent] === 'granted' && p[rule.contact] === '').length);
    expect(shown[channel].audience + ex.never_asked + ex.withdrawn + ex.no_contact_point).toBe(c360.length);
  }
  expect(errors).toEqual([]);
});

test('the learner explanation names what may leave and what never does', async ({ page }) => {
  await openLab(page, RUN, { view: 'activation' });
  const section = page.getByRole('region', { name: 'Which Customer 360 fields are safe for marketing activation?' });
  await expect(section).toContainText('purpose limitation');
  await expect(section).toContainText('data minimisation');
  await expect(section.locator('.safe')).toContainText('email_sha256');
  for (const col of ['full_name', 'city', 'lifetime_revenue', 'churn_risk', 'tickets_open', 'avg_csat', 'sessions_30d']) {
    await expect(section.locator('.never')).toContainText(col);
  }
  // The link to the audience in Customer 360 filters on the flag.
  await page.locator('[data-channel="sms"]').getByRole('link', { name: /See them in Customer 360/ }).click();
  await expect(page).toHaveURL(/view=customers/);
  await expect(page.getByRole('combobox', { name: 'Can SMS' })).toHaveValue('true');
});
