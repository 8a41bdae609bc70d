import { expect, test } from '@playwright/test';

/**
 * The public catalogue, read by a visitor without an account: the decision's label and round on
 * each practice, a filter by label and theme, the practice in the reader's language with the way
 * to the original, and the contact form.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript((key) => window.localStorage.setItem(key, 'en'), 'peerbridge.lang');
});

test('a visitor filters the catalogue by label and theme and sees each practice’s label and round', async ({ page }) => {
  await page.goto('/catalogue');
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogue of good practices' })).toBeVisible();

  // Every card carries its label with the round it came from.
  const threeParty = page.locator('article').filter({ has: page.getByRole('link', { name: /^Three-party work ability negotiations/ }) });
  await expect(threeParty.getByText('Good practice', { exact: true })).toBeVisible();
  await expect(threeParty.getByText(/^Spring 2026 review round, decided on /)).toBeVisible();

  // Only the promising practices.
  await page.getByRole('combobox', { name: 'Recognition' }).selectOption({ label: 'Promising practice' });
  await expect(page).toHaveURL(/label=promising_practice/);
  await expect(page.getByText('1 practice', { exact: true })).toBeVisible();
  const card = page.locator('article').filter({ has: page.getByRole('link', { name: 'Onco-navigators: advice on work from the acute hospital onwards' }) });
  await expect(card.getByText('Promising practice', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Three-party work ability negotiations/ })).toHaveCount(0);

  // Good practices on one theme.
  await page.getByRole('combobox', { name: 'Recognition' }).selectOption({ label: 'Good practice' });
  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Who is involved in return to work, and how work and health are linked' });
  await expect(page).toHaveURL(/theme=actors_work_health/);
  await expect(page.getByText('4 practices', { exact: true })).toBeVisible();
  await expect(page.locator('article').getByText('Promising practice', { exact: true })).toHaveCount(0);
  await expect(page.locator('article').getByText('Good practice', { exact: true })).toHaveCount(4);
});

test('a visitor reads a practice in English first, can read the original, and writes to its contact', async ({ page }) => {
  await page.goto('/catalogue?label=promising_practice');
  await page.getByRole('link', { name: 'Onco-navigators: advice on work from the acute hospital onwards' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Onco-navigators: advice on work from the acute hospital onwards' })).toBeVisible();
  await expect(page.getByText('Promising practice', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Spring 2026 review round, decided on /)).toBeVisible();
  await page.getByRole('link', { name: 'Read the original (German)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Onko-Lotsen/ })).toBeVisible();

  // The contact's address is never shown; the form says the message is on its way.
  await expect(page.getByText(/@peerbridge\.example/)).toHaveCount(0);
  await page.getByRole('textbox', { name: /Your name/ }).fill('Marta Kowalska');
  await page.getByRole('textbox', { name: /Your e-mail address/ }).fill('marta@visitor.example');
  await page.getByRole('textbox', { name: /Your message/ }).fill('We run a similar programme in Poland. Could we talk about how the navigators are funded?');
  await page.getByRole('button', { name: 'Send the message' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your message is on its way to Katharina Schmitt' })).toBeVisible();
});
