import { test } from '@playwright/test';
import { demo, signIn } from './helpers';
for (const [who, lang, w] of [['reviewerDe', 'fr', 1280], ['admin', 'fr', 1280], ['admin', 'de', 1280], ['reviewerDe', 'nl', 390]] as const) {
  test(`explore ${who} ${lang} ${w}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: 800 });
    await signIn(page, demo[who]);
    await page.locator('.language-switch select').selectOption(lang);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/pg-layout/shots/hdr-${who}-${lang}-${w}.png` });
  });
}
