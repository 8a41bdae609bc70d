import { expect, test, type Page } from '@playwright/test';
import { DEMO_PROGRAMME, demo, signIn } from './helpers';

/**
 * The frame fits every language and every role: programme tabs and wide tables stay reachable at
 * 1280 px, the header is one row, and on a phone the navigation sits behind a menu button.
 */

async function chooseLanguage(page: Page, lang: string): Promise<void> {
  const menuButton = page.locator('.menu-button');
  if (await menuButton.isVisible()) await menuButton.click();
  await page.locator('.language-switch select').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Opens the demo programme, found by its English name (call it before choosing a language: the
 * programme's name is translated too). */
async function openProgramme(page: Page): Promise<string> {
  const link = page.getByRole('link', { name: DEMO_PROGRAMME });
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME })).toBeVisible();
  return href;
}

/** Whether the element is inside the visible part of its scrolling container. */
async function insideScrollBox(page: Page, selector: string, container: string): Promise<boolean> {
  return page.evaluate(
    ([sel, box]) => {
      const el = document.querySelector(sel)!.getBoundingClientRect();
      const c = document.querySelector(box)!.getBoundingClientRect();
      return el.left >= c.left - 1 && el.right <= c.right + 1;
    },
    [selector, container] as const,
  );
}

for (const [lang, dashboard] of [
  ['nl', 'Dashboard'],
  ['fr', 'Tableau de bord'],
] as const) {
  test(`the programme tabs in ${lang} at 1280 px show that more follow and every tab is reachable by keyboard`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, demo.coordinator);
    await openProgramme(page);
    await chooseLanguage(page, lang);
    const tabs = page.locator('nav.tabs');
    const list = tabs.locator('ul');
    const overflows = await list.evaluate((el) => el.scrollWidth > el.clientWidth);
    if (overflows) {
      // A visible cue: the far edge fades and an arrow points to the hidden tabs.
      await expect(tabs).toHaveAttribute('data-more-after', 'true');
      await expect(tabs.locator('.tabs-arrow-after')).toBeVisible();
    }
    // Tab through the tabs: the last one (the dashboard) gets focus and scrolls into view.
    await tabs.getByRole('link').first().focus();
    const target = tabs.getByRole('link', { name: dashboard, exact: true });
    for (let i = 0; i < 12 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    await expect.poll(() => insideScrollBox(page, 'nav.tabs a[href$="/dashboard"]', 'nav.tabs ul')).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/dashboard$/);
    // Opened on the dashboard, its tab is in view without scrolling by hand.
    await page.reload();
    await expect(target).toBeVisible();
    await expect.poll(() => insideScrollBox(page, 'nav.tabs a[href$="/dashboard"]', 'nav.tabs ul')).toBe(true);
    if (overflows) await expect(tabs).toHaveAttribute('data-more-before', 'true');
  });
}

test('the results table keeps its Decision column reachable in Dutch at 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, demo.coordinator);
  const programme = await openProgramme(page);
  await chooseLanguage(page, 'nl');
  await page.goto(`${programme}/rounds`);
  await page.locator('main a[href^="/rounds/"]').first().click();
  await page.getByRole('link', { name: 'Resultaten' }).click();
  const region = page.locator('.table-scroll:has(table.rv-results)');
  await expect(region).toHaveAttribute('tabindex', '0');
  await expect(region).toHaveAttribute('role', 'region');
  // Keyboard users reach the region and scroll it with the arrow keys.
  await region.focus();
  await expect(region).toBeFocused();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  const header = region.getByRole('columnheader', { name: 'Besluit' });
  await expect(header).toBeVisible();
  const [h, r] = [(await header.boundingBox())!, (await region.boundingBox())!];
  expect(h.x + h.width).toBeLessThanOrEqual(r.x + r.width + 1);
  expect(h.x).toBeGreaterThanOrEqual(r.x - 1);
});

for (const [who, lang] of [
  ['reviewerDe', 'fr'],
  ['reviewerDe', 'de'],
  ['admin', 'de'],
  ['coordinator', 'nl'],
] as const) {
  test(`the header is one row for ${who} in ${lang} at 1280 px`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, demo[who]);
    await chooseLanguage(page, lang);
    const header = page.locator('.site-header');
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThan(80);
    // Everything is on that row, and no menu button is needed.
    await expect(page.locator('.main-nav')).toBeVisible();
    await expect(page.locator('.menu-button')).toHaveCount(0);
  });
}

test('on a phone the navigation is behind a menu button: aria-expanded, focus inside, Escape closes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.reviewerDe);
  const header = page.locator('.site-header');
  expect((await header.boundingBox())!.height).toBeLessThan(80);
  const button = page.getByRole('button', { name: 'Menu' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();

  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link').first()).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await expect(nav).toBeHidden();

  // Following a link closes the menu.
  await page.keyboard.press('Enter');
  await nav.getByRole('link', { name: 'My reviews' }).click();
  await expect(page).toHaveURL(/\/reviews$/);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});
