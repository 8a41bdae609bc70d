import { expect, test } from '@playwright/test';
import { DEMO_PROGRAMME, demo, signIn } from './helpers';
import { pdfText, squeeze } from './pdf-text';

/**
 * The coordinator opens the programme's report, writes the conclusions (saved with If-Match), and
 * prints the report to an A4 PDF as the browser's "Save as PDF" would: print media, the page
 * rules of the report's style sheet. The PDF holds the programme's name, the section titles and
 * the conclusions just written, over more than one page. A practice of the report prints on a
 * sheet of its own.
 */
test('the coordinator writes the conclusions and prints the report to PDF', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const conclusions = `Employer networks shorten the second track (${stamp}).`;

  await signIn(page, demo.coordinator);
  await page.getByRole('link', { name: DEMO_PROGRAMME }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME })).toBeVisible();
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Report for policy' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();

  const box = page.getByRole('textbox', { name: 'Conclusions' });
  await box.fill(conclusions);
  await page.getByRole('button', { name: 'Save now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  // The document prints the text as written.
  await expect(page.getByRole('region', { name: '8. Conclusions' })).toContainText(conclusions);

  // Saved on the server: a fresh read shows it.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Conclusions' })).toHaveValue(conclusions);

  await page.emulateMedia({ media: 'print' });
  // The editor and the app's frame stay on screen only.
  await expect(page.getByRole('textbox', { name: 'Conclusions' })).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const { pages, text } = pdfText(pdf);
  expect(pages.length).toBeGreaterThan(1);
  const all = squeeze(text);
  expect(all).toContain(squeeze(DEMO_PROGRAMME));
  for (const title of ['Contents', '1. The four outputs', '2. Exchange activities held', '5. Return to work', '9. Lessons for policy']) expect(all).toContain(squeeze(title));
  expect(all).toContain(squeeze(conclusions));
  // The cover is a page of its own: the first section starts on the next.
  expect(squeeze(pages[0])).toContain(squeeze(DEMO_PROGRAMME));

  // A practice of the report opens on its own printable sheet.
  await page.emulateMedia({ media: 'screen' });
  const practice = page.getByRole('table', { name: 'By practice' }).getByRole('link').first();
  const title = (await practice.textContent()) ?? '';
  await practice.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Peer review' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const sheet = pdfText(await page.pdf({ format: 'A4', printBackground: true }));
  expect(squeeze(sheet.text)).toContain(squeeze(title));
  expect(squeeze(sheet.text)).toContain(squeeze('Adaptations'));
});
