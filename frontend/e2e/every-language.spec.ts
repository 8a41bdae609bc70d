import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { englishMatcher } from './english-catalogue';
import { DEMO_PROGRAMME, demo, signIn } from './helpers';

/**
 * Every main page, for each kind of person, in Dutch, French and German: no text on it is an
 * English string of the interface catalogue, and axe-core finds no serious or critical
 * accessibility violation. User data (practice prose, programme names, rubric criteria) is not
 * the catalogue's and is not checked here.
 */

const LANGUAGES = ['nl', 'fr', 'de'] as const;
type Language = (typeof LANGUAGES)[number];

type Persona = keyof typeof demo;

/**
 * The pages each person works on; ids are found by following the app's own links. Each journey
 * runs in its own language (`lang`), so that every page is checked in one of the three and every
 * language on a coordinator's pages — the French reviewer through the inbox and review form, the
 * Dutch coordinator through the round with auto-assign and results, the audit log and the public
 * catalogue. E2E_LANGUAGES=all runs every journey in all three (about three times as long).
 */
const JOURNEYS: { name: string; persona: Persona; lang: Language; pages: (page: Page) => Promise<string[]> }[] = [
  {
    name: 'programme',
    lang: 'de',
    persona: 'coordinator',
    pages: async (page) => {
      const programme = await programmeUrl(page);
      return [
        '/programmes',
        programme,
        `${programme}/practices`,
        `${programme}/adaptations`,
        `${programme}/products`,
        `${programme}/members`,
        `${programme}/rounds`,
        `${programme}/rubrics`,
        `${programme}/dashboard`,
      ];
    },
  },
  {
    name: 'round, practice and adaptation',
    lang: 'nl',
    persona: 'coordinator',
    pages: async (page) => {
      const programme = await programmeUrl(page);
      const round = await firstLink(page, `${programme}/rounds`, '/rounds/');
      const practice = await firstLink(page, `${programme}/practices`, '/practices/');
      const adaptation = await firstLink(page, `${programme}/adaptations`, '/adaptations/');
      return [round, `${round}?view=results`, practice, `${practice}/reviews`, `${practice}/lineage`, adaptation, '/notifications', '/account'];
    },
  },
  {
    name: 'inbox and review',
    lang: 'fr',
    persona: 'reviewerDe',
    pages: async (page) => {
      const review = await firstLink(page, '/reviews?show=all', '/reviews/');
      const programme = await programmeUrl(page);
      return ['/reviews', '/reviews?show=all', review, programme, `${programme}/practices`];
    },
  },
  {
    name: 'own practice',
    lang: 'de',
    persona: 'partnerBe',
    pages: async (page) => {
      const programme = await programmeUrl(page);
      const practice = await firstLink(page, `${programme}/practices`, '/practices/');
      return [programme, `${programme}/practices`, practice, `${programme}/adaptations`, `${practice}/reviews`];
    },
  },
  {
    name: 'audit log and public catalogue',
    lang: 'nl',
    persona: 'coordinator',
    pages: async (page) => {
      const programme = await programmeUrl(page);
      return [`${programme}/audit`, '/catalogue'];
    },
  },
  {
    name: 'administration',
    lang: 'fr',
    persona: 'admin',
    pages: async () => ['/admin/organisations', '/admin/users'],
  },
];

async function programmeUrl(page: Page): Promise<string> {
  await page.goto('/programmes');
  const link = page.getByRole('link', { name: DEMO_PROGRAMME });
  await expect(link).toBeVisible();
  return (await link.getAttribute('href'))!;
}

async function firstLink(page: Page, from: string, prefix: string): Promise<string> {
  await page.goto(from);
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  return href.split('#')[0];
}

/** Chooses the interface language with the header's switch (in the menu when the header is compact). */
async function chooseLanguage(page: Page, lang: string): Promise<void> {
  const menuButton = page.locator('.menu-button');
  if (await menuButton.isVisible()) await menuButton.click();
  await page.locator('.language-switch select').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** The texts a reader sees: visible text nodes and placeholders. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, .visually-hidden')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement>('[placeholder]'))) if (el.placeholder.trim()) out.push(el.placeholder.trim());
    return out;
  });
}

/** Waits until the page has content (no loading state) so the checks see the finished page. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('main h1').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.state-loading, [aria-busy="true"]')).toHaveCount(0);
}

const allLanguages = process.env.E2E_LANGUAGES === 'all';

for (const lang of LANGUAGES) {
  for (const journey of JOURNEYS.filter((j) => allLanguages || j.lang === lang)) {
    test(`${journey.persona}: ${journey.name} in ${lang}: no English from the catalogue, no serious accessibility violation`, async ({ page }) => {
      test.setTimeout(300_000);
      const english = englishMatcher(lang);
      await signIn(page, demo[journey.persona]);
      const urls = await journey.pages(page);
      await chooseLanguage(page, lang);

      const untranslated: string[] = [];
      const violations: string[] = [];
      for (const url of urls) {
        await page.goto(url);
        await settle(page);
        for (const text of await visibleTexts(page)) {
          const source = english.match(text);
          if (source) untranslated.push(`${url}: "${text}"`);
        }
        // label-content-name-mismatch (WCAG 2.5.3) is experimental in axe, so it is switched on by name.
        const axe = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', 'experimental'])
          .analyze();
        for (const v of axe.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            violations.push(`${url}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
          }
        }
      }
      expect.soft(untranslated, 'English catalogue strings on pages in ' + lang).toEqual([]);
      expect(violations, 'serious or critical axe violations').toEqual([]);
    });
  }
}
