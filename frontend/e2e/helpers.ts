import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'peerbridge-demo';
export const DEMO_PROGRAMME = 'Return to work after cancer — mutual learning';
export const SECOND_TRACK_PROGRAMME = 'Learning network for second-track re-integration';

export const demo = {
  admin: 'admin@peerbridge.example',
  coordinator: 'coordinator@peerbridge.example',
  partnerBe: 'partner.be@peerbridge.example',
  partnerNl: 'partner.nl@peerbridge.example',
  partnerFr: 'partner.fr@peerbridge.example',
  reviewerDe: 'reviewer.de@peerbridge.example',
  reviewerFi: 'reviewer.fi@peerbridge.example',
  employerNl: 'employer.nl@peerbridge.example',
} as const;

/** Signs in through the sign-in page and waits for the programmes list. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  // The tests read the English interface until they choose another language. A saved choice of
  // English keeps the account's stored locale, which an earlier test may have changed, from
  // switching the interface when this browser signs in.
  await page.addInitScript((key) => {
    if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, 'en');
  }, 'peerbridge.lang');
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/programmes$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Programmes' })).toBeVisible();
}
