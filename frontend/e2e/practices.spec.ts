import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_PROGRAMME, SECOND_TRACK_PROGRAMME, demo, signIn } from './helpers';

/**
 * A practice's life across organisations: a Belgian partner describes and submits one; a French
 * partner cannot find or open it while it is under review; once the coordinator publishes it,
 * the French partner finds it by a word from its title.
 */

// A word that exists nowhere else: letters only, so full-text search treats it as one word.
const stamp = Date.now();
const uniqueWord = `zq${stamp.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
const title = `Buddy circle for returning employees ${uniqueWord}`;

const shared: { programmeId?: string; practiceId?: string } = {};

async function openPractices(page: Page, programme: string) {
  await page.getByRole('link', { name: programme }).click();
  await expect(page.getByRole('heading', { level: 1, name: programme })).toBeVisible();
  await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Practices' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Practices' })).toBeVisible();
}

async function search(page: Page, words: string) {
  const box = page.getByRole('searchbox', { name: 'Search practices' });
  await box.fill(words);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(words).replace(/%20/g, '(\\+|%20)')}`));
}

async function apiLogin(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok(), await response.text()).toBeTruthy();
  const { access_token: token } = (await response.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

test.describe.serial('practices across organisations', () => {
  test('a partner describes a practice with a product, sees it saved, and submits it', async ({ page }) => {
    await signIn(page, demo.partnerBe);
    await openPractices(page, DEMO_PROGRAMME);
    shared.programmeId = /\/programmes\/([0-9a-f-]{36})\//.exec(page.url())?.[1];
    expect(shared.programmeId).toBeTruthy();

    await page.getByRole('link', { name: 'New practice' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New practice' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page.getByRole('combobox', { name: 'Language of the text' }).selectOption('en');
    // The country defaults to the organisation's.
    await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('BE');
    await page.getByRole('button', { name: 'Create draft' }).click();

    await expect(page).toHaveURL(/\/practices\/[0-9a-f-]{36}\/edit$/);
    shared.practiceId = /\/practices\/([0-9a-f-]{36})\/edit$/.exec(page.url())?.[1];
    await expect(page.getByRole('heading', { level: 1, name: 'Edit practice' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Summary' }).fill('Colleagues who returned after cancer meet new returners every month.');
    await page.getByRole('checkbox', { name: /^Products and services that support employees/ }).check();
    await page.getByRole('textbox', { name: 'Context' }).fill('Returning employees often feel alone with questions about work.');
    await page.getByRole('textbox', { name: 'Approach' }).fill('A trained buddy who went through the same return meets the employee before and after the first day back.');

    await page.getByRole('button', { name: 'Add a product or service' }).click();
    const product = page.getByRole('group', { name: /^Product 1/ });
    await expect(product.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await product.getByRole('textbox', { name: 'Name' }).fill('Buddy meetings');
    await product.getByRole('combobox', { name: 'Kind' }).selectOption('guidance');
    await product.getByRole('button', { name: 'Add a core element' }).click();
    await product.getByRole('textbox', { name: 'Core element 1' }).fill('The buddy returned to work after cancer');
    await product.getByRole('button', { name: 'Add a core element' }).click();
    await product.getByRole('textbox', { name: 'Core element 2' }).fill('A first meeting before the first day back');

    await page.getByRole('combobox', { name: 'Evidence level' }).selectOption('monitoring');
    await page.getByRole('textbox', { name: 'Contact person' }).fill('Koen Maes');
    await page.getByRole('textbox', { name: 'Contact e-mail' }).fill('partner.be@peerbridge.example');

    // Autosave: a quiet moment after the last change, the draft is saved.
    await expect(page.getByRole('status').filter({ hasText: /^Saved at \d/ })).toBeVisible({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Submit for review' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit for peer review?' });
    await expect(dialog).toContainText('freezes this text as revision 1');
    await dialog.getByRole('button', { name: 'Submit for review' }).click();

    await expect(page).toHaveURL(new RegExp(`/practices/${shared.practiceId}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('.page-header-meta')).toContainText(/submitted/i);
    // What was saved is what peers will read, product and core elements included.
    await expect(page.getByRole('heading', { level: 3, name: 'Buddy meetings' })).toBeVisible();
    await expect(page.getByText('A first meeting before the first day back')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  });

  test('a partner of another organisation neither finds nor opens the submitted practice', async ({ page }) => {
    test.skip(!shared.practiceId, 'needs the practice from the first test');
    await signIn(page, demo.partnerFr);
    await openPractices(page, DEMO_PROGRAMME);
    await search(page, title);
    await expect(page.getByText('0 practices')).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);

    await page.goto(`/practices/${shared.practiceId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
  });

  test('once the coordinator publishes it, the other partner finds it by a word of its title', async ({ page, request }) => {
    test.skip(!shared.practiceId || !shared.programmeId, 'needs the practice from the first test');
    const headers = await apiLogin(request, demo.coordinator);
    const dueAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

    const round = await request.post(`/api/v1/programmes/${shared.programmeId}/rounds`, {
      headers,
      data: { name: `E2E round ${uniqueWord}`, due_at: dueAt, reviewers_per_practice: 2, max_load: 5, blind: true, cross_border: true },
    });
    expect(round.ok(), `create round: ${round.status()} ${await round.text()}`).toBeTruthy();
    const roundId = ((await round.json()) as { id: string }).id;

    const added = await request.post(`/api/v1/rounds/${roundId}/practices`, { headers, data: { practice_ids: [shared.practiceId] } });
    expect(added.ok(), `add practice: ${added.status()} ${await added.text()}`).toBeTruthy();
    const opened = await request.post(`/api/v1/rounds/${roundId}/open`, { headers });
    expect(opened.ok(), `open round: ${opened.status()} ${await opened.text()}`).toBeTruthy();
    const decided = await request.post(`/api/v1/practices/${shared.practiceId}/decision`, {
      headers,
      data: { round_id: roundId, outcome: 'good_practice', rationale: 'Peers from two countries found it simple to start and easy to transfer.' },
    });
    expect(decided.ok(), `decision: ${decided.status()} ${await decided.text()}`).toBeTruthy();

    await signIn(page, demo.partnerFr);
    await openPractices(page, DEMO_PROGRAMME);
    await search(page, uniqueWord);
    await expect(page.getByText('1 practice', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('.page-header-meta')).toContainText(/published/i);
    await expect(page.getByRole('heading', { name: /Decision/ })).toContainText('Good practice');
  });
});

test('a Dutch search finds a Dutch practice through its stem (werkgevers → werkgever)', async ({ page }) => {
  await signIn(page, demo.employerNl);
  await openPractices(page, SECOND_TRACK_PROGRAMME);
  await search(page, 'werkgevers');
  await expect(page.getByRole('link', { name: 'Werk-leerplekken in de logistiek voor werknemers in het tweede spoor' })).toBeVisible();
  // The search is in the URL: reloading shows the same results.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search practices' })).toHaveValue('werkgevers');
  await expect(page.getByRole('link', { name: 'Werk-leerplekken in de logistiek voor werknemers in het tweede spoor' })).toBeVisible();
});
