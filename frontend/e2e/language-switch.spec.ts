import { expect, test } from '@playwright/test';
import { demo, signIn } from './helpers';

test('the language switch translates the interface and survives a reload', async ({ page }) => {
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

  await page.getByLabel('Taal').selectOption({ label: 'Français' });

  const frenchNav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(frenchNav.getByRole('link', { name: 'Mon compte' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.getByText('Les programmes d’apprentissage mutuel auxquels vous participez.')).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'fr');

  await page.reload();

  // Still signed in (the session is restored) and still in French.
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' })).toBeVisible();
  await expect(page.getByLabel('Langue')).toHaveValue('fr');
  await expect(html).toHaveAttribute('lang', 'fr');
});
