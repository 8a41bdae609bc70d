import { expect, test, type Page } from '@playwright/test';
import { DEMO_PROGRAMME, demo, signIn } from './helpers';

/**
 * A Belgian practice travels to the Netherlands: the Dutch partner records how it adapted the
 * Rentree guidance trajectory (FRAME, keeping every core element) and its first follow-up; the
 * coordinator then sees the flow from Belgium to the Netherlands on the dashboard and the Dutch
 * organisation in the practice's lineage.
 */

const PRACTICE = 'Rentree: begeleiding naar werk tijdens en na kanker';
const PRODUCT = 'Rentree-begeleidingstraject';
const CORE_ELEMENTS = [
  'Eén vaste jobcoach van begin tot einde',
  'Gezamenlijk overleg van werknemer, werkgever en bedrijfsarts',
  'Plan voor geleidelijke werkhervatting, maandelijks bijgestuurd',
];
const title = `Werkbrug-hervattingstraject ${Date.now().toString(36)}`;
const shared: { adaptationUrl?: string } = {};

async function openProgrammeTab(page: Page, tab: string) {
  await page.getByRole('link', { name: DEMO_PROGRAMME }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME })).toBeVisible();
  await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: tab, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: tab })).toBeVisible();
}

test.describe.serial('adapting a practice across borders', () => {
  test('a Dutch partner records an adaptation of the Belgian practice and a follow-up', async ({ page }) => {
    await signIn(page, demo.partnerNl);
    await openProgrammeTab(page, 'Adaptations');
    await page.getByRole('link', { name: 'Record an adaptation' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record an adaptation' })).toBeVisible();

    // 1. What was adapted: the Belgian practice and its product.
    await page.getByRole('combobox', { name: 'Practice you adapted' }).selectOption({ label: `${PRACTICE} — Jobcentrum (BE)` });
    await page.getByRole('combobox', { name: 'Product or service you adapted' }).selectOption({ label: `${PRODUCT} (Guidance)` });
    await page.getByRole('textbox', { name: /Title of your adaptation/ }).fill(title);
    // The country defaults to the partner's organisation's.
    await expect(page.getByRole('combobox', { name: 'Country where you run it' })).toHaveValue('NL');
    await page.getByRole('textbox', { name: 'Your situation' }).fill('Run by Stichting Werkbrug with occupational physicians in Utrecht.');
    await page.getByRole('radio', { name: 'Planning', exact: true }).check();

    // 2–3. When, how and what, each choice explained in plain words.
    const when = page.getByRole('radiogroup', { name: 'When did you change it?' });
    await expect(when.getByText('While preparing, before the first participant took part.')).toBeVisible();
    await when.getByRole('radio', { name: 'Before you started' }).check();
    await page.getByRole('radiogroup', { name: 'Was the change planned?' }).getByRole('radio', { name: 'Yes, planned ahead' }).check();
    await page.getByRole('group', { name: 'Who decided?' }).getByRole('checkbox', { name: /^Practitioner/ }).check();
    await page.getByRole('group', { name: 'What did you change?' }).getByRole('checkbox', { name: /^The setting or delivery/ }).check();
    await page.getByRole('radiogroup', { name: 'At what level?' }).getByRole('radio', { name: 'The whole organisation' }).check();
    await page.getByRole('group', { name: 'What did you change about the setting or delivery?' }).getByRole('checkbox', { name: /^Setting/ }).check();
    const content = page.getByRole('group', { name: 'What did you change in the content?' });
    await expect(content.getByText('Fewer or shorter sessions.')).toBeVisible();
    await content.getByRole('checkbox', { name: /^Tailoring/ }).check();

    // 4. Every core element of the product kept: the adaptation is consistent with the original.
    for (const element of CORE_ELEMENTS) {
      await page.getByRole('radiogroup', { name: element }).getByRole('radio', { name: 'Kept' }).check();
    }
    await expect(page.getByText('Based on your answers: Consistent.')).toBeVisible();
    await expect(
      page.getByRole('radiogroup', { name: 'Is the adaptation faithful to the original?' }).getByRole('radio', { name: 'Consistent', exact: true }),
    ).toBeChecked();

    // 5–6. Why, and what hinders and helps.
    await page.getByRole('group', { name: 'What did you want to achieve with the change?' }).getByRole('checkbox', { name: /^Fit the local situation/ }).check();
    await page.getByRole('group', { name: 'Society and policy' }).getByRole('checkbox', { name: /^Laws and policies/ }).check();
    await page.getByRole('textbox', { name: 'A barrier' }).fill('Occupational physicians have little time');
    await page.getByRole('button', { name: 'Add barrier' }).click();
    await page.getByRole('textbox', { name: 'Something that helped' }).fill('Employers know the coach by name');
    await page.getByRole('button', { name: 'Add facilitator' }).click();
    await expect(page.getByRole('button', { name: 'Remove “Occupational physicians have little time”' })).toBeVisible();

    await page.getByRole('button', { name: 'Save the adaptation' }).click();

    await expect(page).toHaveURL(/\/adaptations\/[0-9a-f-]{36}$/);
    shared.adaptationUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Adopted by Stichting Werkbrug, Netherlands')).toBeVisible();
    await expect(page.getByText('Before the practice started here, while preparing.')).toBeVisible();
    for (const element of CORE_ELEMENTS) await expect(page.getByRole('listitem').filter({ hasText: element })).toContainText('Kept');
    await expect(page.getByRole('listitem').filter({ hasText: 'Employers know the coach by name' })).toBeVisible();

    // A first follow-up, recorded today.
    await page.getByRole('button', { name: 'Add follow-up' }).click();
    await page.getByRole('spinbutton', { name: /^Participants/ }).fill('10');
    await page.getByRole('spinbutton', { name: /^Returned to work/ }).fill('4');
    await page.getByRole('button', { name: 'Save follow-up' }).click();
    const followUps = page.getByRole('table', { name: 'Follow-ups, oldest first' });
    await expect(followUps.getByRole('row')).toHaveCount(2);
    await expect(followUps.getByRole('row').nth(1)).toContainText('10');
    await expect(followUps.getByRole('row').nth(1)).toContainText('4 (40%)');
  });

  test('the coordinator sees the flow from Belgium to the Netherlands and the lineage', async ({ page }) => {
    await signIn(page, demo.coordinator);
    await openProgrammeTab(page, 'Dashboard');

    const flows = page.getByRole('list', { name: 'Flows, largest first' });
    const beToNl = flows.getByRole('listitem').filter({ hasText: 'Belgium (BE)' }).filter({ hasText: 'Netherlands (NL)' });
    await expect(beToNl).toHaveCount(1);
    const count = Number(/(\d+) adaptations?/.exec((await beToNl.textContent()) ?? '')?.[1] ?? 0);
    expect(count).toBeGreaterThanOrEqual(1);
    // The matrix says the same: row "From Belgium", column "To Netherlands".
    const matrix = page.getByRole('table', { name: 'Adaptations by country of origin and adopting country' });
    await expect(matrix.getByRole('row', { name: /^From Belgium/ }).locator('[data-flow="BE-NL"]')).toHaveText(String(count));

    // From the adaptation to how the practice travelled.
    await page.goto(shared.adaptationUrl ?? '/');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await page.getByRole('link', { name: 'How the practice travelled' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `How “${PRACTICE}” travelled` })).toBeVisible();
    const graph = page.getByRole('img', { name: `Lineage of “${PRACTICE}”` });
    await expect(graph).toBeVisible();
    await expect(graph).toContainText('Stichting Werkbrug');
    await expect(graph).toContainText('Netherlands');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });
});
