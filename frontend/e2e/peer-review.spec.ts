import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_PROGRAMME, demo, signIn } from './helpers';

/**
 * The whole peer-review loop against the real server: a Belgian partner submits a practice; the
 * coordinator sets up a blind, cross-border round with a rebuttal deadline, adds the practice and
 * opens the round; one reviewer bids eagerly on the practice and another declares a conflict;
 * automatic assignment takes the eager bidder and never the conflicted one; each reviewer
 * accepts and submits a complete review with the practice beside the rubric; the coordinator
 * releases the reviews before deciding; the partner reads them anonymised ("Reviewer A",
 * "Reviewer B", no names) and responds; a reviewer reads the response and revises once; the
 * coordinator then records the decision.
 */

const stamp = Date.now().toString(36);
const practiceTitle = `Return-to-work coaching hub ${stamp}`;
const roundName = `Spring review ${stamp}`;
const question = 'How would this work in your country?';

/** The demo reviewers of the programme, by the name the API shows. */
const LOGINS: Record<string, string> = {
  'Jonas Weber': demo.reviewerDe,
  'Aino Virtanen': demo.reviewerFi,
  'Camille Laurent': demo.partnerFr,
  'Siobhán Murphy': 'partner.ie@peerbridge.example',
  'Anouk de Vries': demo.partnerNl,
  // The partners' reviewers, whom automatic assignment may choose as well.
  'Nathalie Dubois': 'partner.be.fr@peerbridge.example',
  'Wouter Claes': 'reviewer.be@peerbridge.example',
  'Maarten Bakker': 'reviewer.nl@peerbridge.example',
  'Julien Moreau': 'reviewer.fr@peerbridge.example',
  'Léa Fournier': 'bordeaux.fr@peerbridge.example',
  'Katharina Schmitt': 'essen.de@peerbridge.example',
  'Thomas Richter': 'leipzig.de@peerbridge.example',
  'Mikko Lehtonen': 'turku.fi@peerbridge.example',
  "Ciarán O'Brien": 'galway.ie@peerbridge.example',
  'Niamh Kelly': 'reviewer.ie@peerbridge.example',
};

const EAGER = 'Jonas Weber';
const CONFLICTED = 'Aino Virtanen';
const responseText = `Thank you for the reviews: the costs per participant are now described (${stamp}).`;

const shared: {
  programmeId?: string;
  practiceId?: string;
  roundId?: string;
  reviewers: string[];
  assignmentIds: Record<string, string>;
} = { reviewers: [], assignmentIds: {} };

async function apiLogin(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok(), await response.text()).toBeTruthy();
  const { access_token: token } = (await response.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

async function inNewContext<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  try {
    return await run(page);
  } finally {
    await context.close();
  }
}

test.describe.serial('peer review from submission to response', () => {
  test('a partner submits a practice', async ({ request }) => {
    const headers = await apiLogin(request, demo.partnerBe);
    const programmes = await request.get('/api/v1/programmes?page_size=100', { headers });
    expect(programmes.ok()).toBeTruthy();
    const list = (await programmes.json()) as { items: { id: string; name: string }[] };
    shared.programmeId = list.items.find((p) => p.name === DEMO_PROGRAMME)?.id;
    expect(shared.programmeId).toBeTruthy();

    const created = await request.post(`/api/v1/programmes/${shared.programmeId}/practices`, {
      headers,
      data: {
        title: practiceTitle,
        language: 'en',
        summary: 'A hub where coaches, occupational physicians and employers plan the return to work together.',
        themes: ['products_services'],
        context: 'Employees returning after cancer meet many separate services that do not talk to each other.',
        approach: 'One coach coordinates a shared return plan with the employer and the occupational physician.',
        evidence: { level: 'monitoring' },
        contact: { name: 'Koen Maes', email: 'partner.be@peerbridge.example' },
        learning_questions: [question],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    shared.practiceId = ((await created.json()) as { id: string }).id;

    const submitted = await request.post(`/api/v1/practices/${shared.practiceId}/submit`, { headers });
    expect(submitted.ok(), await submitted.text()).toBeTruthy();
  });

  test('the coordinator sets up a round with a rebuttal deadline and opens it', async ({ page }) => {
    await signIn(page, demo.coordinator);
    await page.getByRole('link', { name: DEMO_PROGRAMME }).click();
    await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Review rounds' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Review rounds' })).toBeVisible();

    await page.getByRole('button', { name: 'New round' }).click();
    const form = page.getByRole('dialog', { name: 'New review round' });
    await form.getByRole('textbox', { name: 'Name' }).fill(roundName);
    // The programme's active rubric is chosen by default.
    await expect(form.getByRole('combobox', { name: 'Rubric' })).toHaveValue(/[0-9a-f-]{36}/);
    await form.getByRole('spinbutton', { name: 'Reviewers per practice' }).fill('2');
    await form.getByRole('spinbutton', { name: 'Maximum practices per reviewer' }).fill('3');
    await form.getByRole('checkbox', { name: 'Blind review' }).check();
    await form.getByRole('checkbox', { name: 'Cross-border review' }).check();
    // The organisations may respond to the reviews for a week after the review deadline.
    const due = await form.getByRole('textbox', { name: 'Deadline', exact: true }).inputValue();
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const rebuttal = new Date(`${due}T12:00:00Z`);
    rebuttal.setUTCDate(rebuttal.getUTCDate() + 7);
    await form.getByRole('textbox', { name: 'Rebuttal deadline (optional)' }).fill(rebuttal.toISOString().slice(0, 10));
    await form.getByRole('button', { name: 'Create round' }).click();

    await expect(page).toHaveURL(/\/rounds\/[0-9a-f-]{36}$/);
    shared.roundId = /\/rounds\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    await expect(page.getByRole('heading', { level: 1, name: roundName })).toBeVisible();

    await page.getByRole('button', { name: 'Add practices' }).click();
    const add = page.getByRole('dialog', { name: 'Add practices to the round' });
    await add.getByRole('checkbox', { name: new RegExp(practiceTitle) }).check();
    await add.getByRole('button', { name: 'Add 1 practice' }).click();
    await expect(add).toBeHidden();
    const board = page.getByRole('region', { name: 'Assignment board' });
    await expect(board.getByRole('rowheader', { name: new RegExp(practiceTitle) })).toBeVisible();

    await page.getByRole('button', { name: 'Open round' }).click();
    const confirm = page.getByRole('dialog', { name: 'Open the round?' });
    await confirm.getByRole('button', { name: 'Open round' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('button', { name: 'Close round' })).toBeVisible();

  });

  test('reviewers bid: one eagerly, one declares a conflict of interest', async ({ browser }) => {
    for (const [name, level] of [
      [EAGER, 'Eager'],
      [CONFLICTED, 'Conflict of interest'],
    ] as const) {
      await inNewContext(browser, async (page) => {
        await signIn(page, LOGINS[name]);
        await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My reviews' }).click();
        await page.getByRole('link', { name: `Choose practices in “${roundName}”` }).click();
        await expect(page.getByRole('heading', { level: 1, name: `Bidding: ${roundName}` })).toBeVisible();
        const item = page.getByRole('article', { name: practiceTitle });
        // A bidder sees what the practice is about, nothing of its reviews.
        await expect(item.getByText('A hub where coaches, occupational physicians and employers plan')).toBeVisible();
        await item.getByRole('radiogroup', { name: `Your bid — ${practiceTitle}` }).getByRole('radio', { name: level }).check();
        await expect(item.getByRole('status')).toHaveText('Saved');
        // The bid is kept: it is still chosen after a reload.
        await page.reload();
        await expect(
          page.getByRole('article', { name: practiceTitle }).getByRole('radio', { name: level }),
        ).toBeChecked();
      });
    }
  });

  test('automatic assignment takes the eager bidder and never the conflicted reviewer', async ({ page, request }) => {
    await signIn(page, demo.coordinator);
    await page.goto(`/rounds/${shared.roundId}`);
    await expect(page.getByRole('heading', { level: 1, name: roundName })).toBeVisible();
    const board = page.getByRole('region', { name: 'Assignment board' });

    await page.getByRole('button', { name: 'Preview' }).click();
    const proposal = page.getByRole('table', { name: /proposed assignment/ });
    await expect(proposal).toBeVisible();
    const rows = proposal.getByRole('row').filter({ has: page.getByRole('rowheader', { name: practiceTitle }) });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: EAGER })).toContainText('bid eager on it');
    await expect(rows.filter({ hasText: CONFLICTED })).toHaveCount(0);
    // Every proposed pair says why this reviewer was chosen.
    for (const row of await rows.all()) {
      await expect(row.getByRole('cell').last()).not.toBeEmpty();
    }
    await page.screenshot({ path: 'test-results/peer-review-auto-assign.png', fullPage: true });

    await page.getByRole('button', { name: /^Commit \d+ assignments?$/ }).click();
    await expect(page.getByRole('heading', { name: /assignments? made/ })).toBeVisible();
    await expect(board.getByRole('row', { name: new RegExp(practiceTitle) }).getByText('2 of 2 reviewers')).toBeVisible();
    await page.screenshot({ path: 'test-results/peer-review-board.png', fullPage: true });

    const headers = await apiLogin(request, demo.coordinator);
    const assignments = await request.get(`/api/v1/rounds/${shared.roundId}/assignments?page_size=100`, { headers });
    expect(assignments.ok()).toBeTruthy();
    const items = (
      (await assignments.json()) as { items: { id: string; practice_id: string; reviewer_name: string }[] }
    ).items.filter((a) => a.practice_id === shared.practiceId);
    shared.reviewers = items.map((a) => a.reviewer_name);
    for (const a of items) shared.assignmentIds[a.reviewer_name] = a.id;
    expect(shared.reviewers).toHaveLength(2);
    expect(shared.reviewers).toContain(EAGER);
    expect(shared.reviewers).not.toContain(CONFLICTED);
    for (const name of shared.reviewers) expect(LOGINS[name], `a login for ${name}`).toBeTruthy();
  });

  test('both reviewers accept and submit a complete review', async ({ browser }) => {
    // Two complete reviews, each a long form filled as a person would: twice a single test's time.
    test.setTimeout(120_000);
    for (const [index, name] of shared.reviewers.entries()) {
      await inNewContext(browser, async (page) => {
        await page.setViewportSize({ width: 1440, height: 900 });
        await signIn(page, LOGINS[name]);
        await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My reviews' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'My reviews' })).toBeVisible();

        await page.getByRole('button', { name: `Accept (${practiceTitle})` }).click();
        await page.getByRole('link', { name: `Write review (${practiceTitle})` }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
        // The practice as submitted stands beside the rubric.
        const reading = page.getByRole('region', { name: practiceTitle });
        await expect(reading.getByRole('heading', { level: 2, name: practiceTitle })).toBeVisible();
        await expect(reading.getByText('One coach coordinates a shared return plan')).toBeVisible();
        await expect(page.getByRole('region', { name: 'Your review' }).getByRole('radiogroup').first()).toBeVisible();

        // The rubric by tier, each level a radio with its descriptor.
        const gates = page.getByRole('region', { name: 'Gates' });
        const gateGroups = gates.getByRole('radiogroup');
        await expect(gateGroups).toHaveCount(4);
        for (const group of await gateGroups.all()) {
          await group.getByRole('radio', { name: 'Passes' }).check();
        }
        for (const comment of await gates.getByRole('textbox', { name: /^Justification for / }).all()) {
          await comment.fill('Clearly described and well argued.');
        }
        for (const tier of ['Core criteria', 'Qualifiers']) {
          for (const group of await page.getByRole('region', { name: tier }).getByRole('radiogroup').all()) {
            await group.getByRole('radio', { name: index === 0 ? '3 – Good' : '4 – Excellent' }).check();
          }
        }
        await page.getByRole('textbox', { name: 'Strengths' }).fill('One plan shared by everyone involved.');
        await page.getByRole('textbox', { name: 'Points for improvement' }).fill('Describe the costs per participant.');
        await page.getByRole('radiogroup', { name: 'Transferability to your country' }).getByRole('radio', { name: '4 – High' }).check();
        await page.getByRole('textbox', { name: 'Conditions for transfer' }).fill('Occupational physicians must be available.');
        await page.getByRole('textbox', { name: question }).fill('It would fit our national return-to-work programme.');
        await page.getByRole('radiogroup', { name: 'Recommendation' }).getByRole('radio', { name: 'Good practice' }).check();
        await page.getByRole('radiogroup', { name: 'Your confidence' }).getByRole('radio', { name: '4 – Confident' }).check();

        const sidebar = page.getByRole('complementary', { name: 'Review status' });
        await expect(sidebar.getByText('Everything is filled in. You can submit your review.')).toBeVisible();
        await expect(sidebar.getByText(/^Draft saved at/)).toBeVisible({ timeout: 15_000 });
        if (index === 0) await page.screenshot({ path: 'test-results/peer-review-form.png', fullPage: true });

        await sidebar.getByRole('button', { name: 'Submit review' }).click();
        const confirm = page.getByRole('dialog', { name: 'Submit your review?' });
        await confirm.getByRole('button', { name: 'Submit review' }).click();
        await expect(page.getByText(/^You submitted this review on/)).toBeVisible();
        await expect(page.getByRole('radio', { name: 'Passes' }).first()).toBeDisabled();
      });
    }
  });

  test('the coordinator releases the reviews before deciding', async ({ page }) => {
    await signIn(page, demo.coordinator);
    await page.goto(`/rounds/${shared.roundId}`);
    await page.getByRole('button', { name: 'Release reviews' }).click();
    const dialog = page.getByRole('dialog', { name: 'Release the reviews for the rebuttal?' });
    await expect(dialog.getByText(/^All reviews have been submitted\.|reviews are not submitted yet/).first()).toBeVisible();
    await dialog.getByRole('button', { name: /^Release (reviews|anyway)/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/^Rebuttal: the organisations can respond to their reviews/)).toBeVisible();
  });

  test('the partner reads the anonymised reviews and responds during the rebuttal', async ({ page }) => {
    await signIn(page, demo.partnerBe);
    await page.goto(`/practices/${shared.practiceId}/reviews`);
    await expect(page.getByRole('heading', { level: 1, name: practiceTitle })).toBeVisible();
    await expect(page.getByText(`The reviews of the round “${roundName}” have been released to you before the decision.`, { exact: false })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Reviewer A' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Reviewer B' })).toBeVisible();
    const main = page.getByRole('main');
    for (const name of shared.reviewers) await expect(main).not.toContainText(name);
    await expect(main.getByRole('rowheader', { name: 'Relevance' }).first()).toBeVisible();

    await page.getByRole('textbox', { name: 'Your response' }).fill(responseText);
    await page.getByRole('button', { name: 'Post response' }).click();
    await expect(page.getByRole('region', { name: 'Responses' }).getByText(responseText)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Your response' })).toHaveValue('');
  });

  test('a reviewer reads the response and revises the review once', async ({ page }) => {
    const name = shared.reviewers[0];
    await signIn(page, LOGINS[name]);
    await page.goto(`/reviews/${shared.assignmentIds[name]}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
    await expect(page.getByText(responseText)).toBeVisible();

    await page.getByRole('button', { name: 'Revise my review' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revise your review?' });
    await confirm.getByRole('button', { name: 'Revise my review' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText(/^You are revising your review\./)).toBeVisible();

    const strengths = page.getByRole('textbox', { name: 'Strengths' });
    await expect(strengths).toBeEnabled();
    await strengths.fill('One plan shared by everyone involved; the costs are now described.');
    const sidebar = page.getByRole('complementary', { name: 'Review status' });
    await sidebar.getByRole('button', { name: 'Submit review' }).click();
    const submit = page.getByRole('dialog', { name: 'Submit your review?' });
    await submit.getByRole('button', { name: 'Submit review' }).click();
    await expect(page.getByText('You revised this review after the organisation’s response. It cannot be revised again.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Revise my review' })).toHaveCount(0);
  });

  test('the coordinator reads the results and records the decision', async ({ page }) => {
    await signIn(page, demo.coordinator);
    await page.goto(`/rounds/${shared.roundId}?view=results`);
    const table = page.getByRole('table', { name: 'Results per practice' });
    const row = table.getByRole('row', { name: new RegExp(practiceTitle) });
    await expect(row.getByRole('cell').nth(0)).toHaveText('2');
    await expect(row.getByText('All passed')).toBeVisible();
    await expect(row.locator('.rv-score-value')).toHaveText(/^\d+([.,]\d)?$/);
    await expect(page.getByRole('heading', { name: 'Agreement between reviewers' })).toBeVisible();
    await page.screenshot({ path: 'test-results/peer-review-results.png', fullPage: true });

    await row.getByRole('button', { name: `Record decision (${practiceTitle})` }).click();
    const dialog = page.getByRole('dialog', { name: `Decision on “${practiceTitle}”` });
    await dialog.getByRole('radio', { name: 'Good practice' }).check();
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Both reviewers found it strong and transferable, and the response answered their points.');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByText('Good practice')).toBeVisible();
  });

  test('the partner reads the decision beside the reviews and the response', async ({ page }) => {
    await signIn(page, demo.partnerBe);
    await page.goto(`/practices/${shared.practiceId}/reviews`);
    const main = page.getByRole('main');
    await expect(main.getByText('Good practice').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Responses' }).getByText(responseText)).toBeVisible();
    for (const name of shared.reviewers) await expect(main).not.toContainText(name);
  });
});
