import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_PROGRAMME, demo, signIn } from './helpers';

/**
 * Reading while reviewing: a Belgian partner submits a practice, the coordinator puts it in a
 * round and assigns the German reviewer, who opens the review form. On a wide screen the practice
 * as submitted stands beside the rubric, each in a column of its own; on a phone a "Practice" /
 * "Review" switch shows one or the other.
 */

const stamp = Date.now().toString(36);
const practiceTitle = `Work and treatment side by side ${stamp}`;
const contextText = `Oncology nurses and employers rarely meet during treatment (${stamp}).`;
const outcomesText = `Nine in ten participants kept in touch with their employer (${stamp}).`;
// Long enough that the practice's column has to scroll.
const approachText = Array.from(
  { length: 12 },
  (_, i) => `Step ${i + 1}: the job coach, the oncology nurse and the employer agree on one small next step towards work, and write it down together.`,
).join('\n\n');

const shared: { assignmentId?: string } = {};

async function apiLogin(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok(), await response.text()).toBeTruthy();
  const { access_token: token } = (await response.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

test.describe.serial('reading the practice while reviewing it', () => {
  test('a practice is submitted, put in an open round and assigned to a reviewer', async ({ request }) => {
    const partner = await apiLogin(request, demo.partnerBe);
    const programmes = await request.get('/api/v1/programmes?page_size=100', { headers: partner });
    expect(programmes.ok()).toBeTruthy();
    const list = (await programmes.json()) as { items: { id: string; name: string }[] };
    const programmeId = list.items.find((p) => p.name === DEMO_PROGRAMME)?.id;
    expect(programmeId).toBeTruthy();

    const created = await request.post(`/api/v1/programmes/${programmeId}/practices`, {
      headers: partner,
      data: {
        title: practiceTitle,
        language: 'en',
        summary: 'Return-to-work talks start in the day clinic, with the employer at the table.',
        themes: ['products_services'],
        context: contextText,
        approach: approachText,
        outcomes: outcomesText,
        evidence: { level: 'monitoring' },
        contact: { name: 'Koen Maes', email: 'partner.be@peerbridge.example' },
        learning_questions: ['Who would pay for the coach in your country?'],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const practiceId = ((await created.json()) as { id: string }).id;
    const submitted = await request.post(`/api/v1/practices/${practiceId}/submit`, { headers: partner });
    expect(submitted.ok(), await submitted.text()).toBeTruthy();

    const coordinator = await apiLogin(request, demo.coordinator);
    const round = await request.post(`/api/v1/programmes/${programmeId}/rounds`, {
      headers: coordinator,
      data: {
        name: `Side-by-side round ${stamp}`,
        due_at: new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString(),
        reviewers_per_practice: 1,
        max_load: 5,
        blind: true,
        cross_border: true,
      },
    });
    expect(round.status(), await round.text()).toBe(201);
    const roundId = ((await round.json()) as { id: string }).id;
    const added = await request.post(`/api/v1/rounds/${roundId}/practices`, { headers: coordinator, data: { practice_ids: [practiceId] } });
    expect(added.ok(), await added.text()).toBeTruthy();
    const opened = await request.post(`/api/v1/rounds/${roundId}/open`, { headers: coordinator });
    expect(opened.ok(), await opened.text()).toBeTruthy();

    const reviewer = await apiLogin(request, demo.reviewerDe);
    const me = await request.get('/api/v1/me', { headers: reviewer });
    const reviewerId = ((await me.json()) as { id: string }).id;
    const assigned = await request.post(`/api/v1/rounds/${roundId}/assignments`, {
      headers: coordinator,
      data: { practice_id: practiceId, reviewer_id: reviewerId },
    });
    expect(assigned.status(), await assigned.text()).toBe(201);
    shared.assignmentId = ((await assigned.json()) as { id: string }).id;
    const accepted = await request.post(`/api/v1/assignments/${shared.assignmentId}/accept`, { headers: reviewer });
    expect(accepted.ok(), await accepted.text()).toBeTruthy();
  });

  test('on a wide screen the practice stands beside the rubric, each column scrolling on its own', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, demo.reviewerDe);
    await page.goto(`/reviews/${shared.assignmentId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();

    const reading = page.getByRole('region', { name: practiceTitle });
    const form = page.getByRole('region', { name: 'Your review' });
    await expect(reading).toBeVisible();
    await expect(form).toBeVisible();
    await expect(reading.getByText('submitted as revision 1 on', { exact: false })).toBeVisible();
    await expect(reading.getByText(contextText)).toBeVisible();
    await expect(form.getByRole('radiogroup').first()).toBeVisible();
    await expect(page.getByRole('tablist')).toHaveCount(0);
    // Side by side: the practice on the left, the form to its right, both starting at the same height.
    const left = await reading.boundingBox();
    const right = await form.boundingBox();
    expect(left && right && left.x + left.width <= right.x).toBeTruthy();
    expect(left && right && Math.abs(left.y - right.y) < 2).toBeTruthy();
    const sidebar = page.getByRole('complementary', { name: 'Review status' });
    await expect(sidebar.getByRole('button', { name: 'Submit review' })).toBeVisible();
    await expect(sidebar.getByRole('region', { name: 'Still to do' })).toBeVisible();

    // The contents move within the practice's column and hand focus to the section's heading.
    await reading.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Outcomes' }).click();
    const outcomes = reading.getByRole('heading', { name: 'Outcomes' });
    await expect(outcomes).toBeFocused();
    await expect(outcomes).toBeInViewport();
    await expect(reading.getByText(outcomesText)).toBeInViewport();
    // Only the practice's column scrolled: the form beside it did not move.
    expect(await reading.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(await form.evaluate((el) => el.scrollTop)).toBe(0);
    await expect(form.getByText('Your draft is saved automatically', { exact: false })).toBeInViewport();
    await page.screenshot({ path: 'test-results/review-side-by-side-wide.png' });
  });

  test('on a phone a switch shows the practice or the review, by pointer and by keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, demo.reviewerDe);
    await page.goto(`/reviews/${shared.assignmentId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();

    const tabs = page.getByRole('tablist', { name: 'Show the practice or your review' });
    const practiceTab = tabs.getByRole('tab', { name: 'Practice' });
    const reviewTab = tabs.getByRole('tab', { name: 'Review' });
    await expect(reviewTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Review' }).getByRole('radiogroup').first()).toBeVisible();
    await expect(page.getByText(contextText)).toBeHidden();

    await practiceTab.click();
    await expect(practiceTab).toHaveAttribute('aria-selected', 'true');
    const practicePanel = page.getByRole('tabpanel', { name: 'Practice' });
    await expect(practicePanel.getByRole('heading', { level: 2, name: practiceTitle })).toBeVisible();
    await expect(practicePanel.getByText(contextText)).toBeVisible();
    await expect(page.getByRole('radiogroup', { includeHidden: true }).first()).toBeHidden();
    await page.screenshot({ path: 'test-results/review-side-by-side-phone.png', fullPage: true });

    // The switch stays at hand down the page, and each view comes back where it was left.
    await practicePanel.getByRole('heading', { name: 'Outcomes' }).scrollIntoViewIfNeeded();
    const readingAt = await page.evaluate(() => window.scrollY);
    expect(readingAt).toBeGreaterThan(500);
    await expect(reviewTab).toBeInViewport();
    await reviewTab.click();
    // The review was left at its top, where a phone shows the save status and the checklist first.
    await expect(page.getByRole('tabpanel', { name: 'Review' }).getByRole('complementary', { name: 'Review status' })).toBeInViewport();
    await practiceTab.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(readingAt);

    await practiceTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect(reviewTab).toBeFocused();
    await expect(reviewTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Review' }).getByRole('radiogroup').first()).toBeVisible();
    await expect(page.getByText(contextText)).toBeHidden();
    await page.keyboard.press('Home');
    await expect(practiceTab).toBeFocused();
    await expect(practicePanel.getByText(contextText)).toBeVisible();
  });
});
