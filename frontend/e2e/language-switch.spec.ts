import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, demo, signIn } from './helpers';

/** Opens the header's menu when the header is compact (a longer language may not fit one row). */
async function openMenuIfCompact(page: Page): Promise<void> {
  const menu = page.locator('.menu-button');
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
}

test('the language switch translates the interface, survives a reload and follows the account', async ({ page, browser }, testInfo) => {
  await signIn(page, demo.partnerNl);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My account' })).toBeVisible();

  await page.getByLabel('Language').selectOption({ label: 'Nederlands' });

  await expect(page.getByRole('heading', { level: 1, name: 'Programma’s' })).toBeVisible();
  const dutchNav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  await expect(dutchNav.getByRole('link', { name: 'Programma’s' })).toBeVisible();
  await expect(dutchNav.getByRole('link', { name: 'Mijn account' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'nl');

  const savedFrench = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
  await page.getByLabel('Taal').selectOption({ label: 'Français' });
  expect((await savedFrench).status()).toBe(200);

  await expect(page.getByText('Les programmes d’apprentissage mutuel auxquels vous participez.')).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'fr');
  await openMenuIfCompact(page);
  const frenchNav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(frenchNav.getByRole('link', { name: 'Mon compte' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

  await page.reload();

  // Still signed in (the session is restored) and still in French.
  await expect(page.getByText('Les programmes d’apprentissage mutuel auxquels vous participez.')).toBeVisible();
  await openMenuIfCompact(page);
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' })).toBeVisible();
  await expect(page.getByLabel('Langue')).toHaveValue('fr');
  await expect(html).toHaveAttribute('lang', 'fr');

  // The choice is the account's locale: signing in on a browser that chose nothing speaks French.
  const baseURL = testInfo.project.use.baseURL ?? process.env.E2E_BASE_URL;
  const elsewhere = await browser.newContext({ baseURL, locale: 'en-GB' });
  try {
    const other = await elsewhere.newPage();
    await other.goto('/login');
    await other.getByLabel('E-mail').fill(demo.partnerNl);
    await other.getByLabel('Password').fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(other.getByText('Les programmes d’apprentissage mutuel auxquels vous participez.')).toBeVisible();
    await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  } finally {
    await elsewhere.close();
  }

  // Back to English, for this account's next sign-in.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
  await page.getByLabel('Langue').selectOption({ label: 'English' });
  expect((await saved).status()).toBe(200);
  await expect(html).toHaveAttribute('lang', 'en');
  await openMenuIfCompact(page);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
