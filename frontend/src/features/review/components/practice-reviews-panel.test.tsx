import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { PracticeReviews } from '@/api/review-types';
import { json, mockFetch } from '@/test/fetch-mock';
import { practice, tokenPair, user } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { review, round, rubric } from '@/test/review-fixtures';
import { PracticeReviewsPanel } from './practice-reviews-panel';

const decided: PracticeReviews = {
  reviews: [
    review({
      // As the server shows a blind review to the practice's organisation: a label, nothing else.
      reviewer: { label: 'Reviewer A' },
      rubric_id: undefined,
      status: 'submitted',
      submitted_at: '2026-03-10T10:00:00Z',
      scores: [
        { criterion_key: 'relevance', value: 1, comment: 'The need is clear.' },
        { criterion_key: 'equity', value: 3, comment: '' },
        { criterion_key: 'sustainability', value: null, comment: '' },
      ],
      strengths: 'Close to the patients.',
      improvements: 'Measure the outcomes.',
      transferability: { rating: 4, conditions: 'A hospital willing to host the coach.' },
      answers: [{ question: 'How would this work in your country?', answer: 'Through our oncology nurses.' }],
      recommendation: 'good_practice',
      confidence: 4,
    }),
  ],
  decisions: [
    { round_id: round.id, practice_id: practice.id, outcome: 'good_practice', rationale: 'Strong and transferable.', decided_at: '2026-03-20T10:00:00Z' },
  ],
  responses: [],
};

describe('PracticeReviewsPanel', () => {
  it('shows an anonymised review as "Reviewer A" without any name, with the rubric’s titles, and lets the organisation respond', async () => {
    // The signed-in user belongs to the practice's organisation.
    sessionStore.setTokens(tokenPair('a', 'r', { ...user, organisation_id: practice.organisation.id }));
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/practices/${practice.id}/reviews`, respond: () => json(decided) },
      { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(practice, { headers: { ETag: '"3"' } }) },
      { method: 'GET', path: `/api/v1/programmes/${practice.programme_id}/rubrics`, respond: () => json({ items: [rubric] }) },
      {
        method: 'POST',
        path: `/api/v1/practices/${practice.id}/response`,
        respond: (req) =>
          json(
            { id: 'r1', round_id: round.id, practice_id: practice.id, author_name: user.name, body: (req.body as { body: string }).body, created_at: '2026-03-21T10:00:00Z' },
            { status: 201 },
          ),
      },
    ]);
    renderWithProviders(<PracticeReviewsPanel practiceId={practice.id} />);
    const u = userEvent.setup();

    const card = (await screen.findByRole('heading', { name: 'Reviewer A' })).closest('article')!;
    expect(card).not.toHaveTextContent('Jonas Weber');
    expect(card).not.toHaveTextContent('Netzwerk');
    expect(document.body).not.toHaveTextContent(/Jonas|Weber|Germany/);

    const scores = within(card as HTMLElement).getByRole('table', { name: 'Scores given by Reviewer A' });
    expect(await within(scores).findByRole('rowheader', { name: 'Relevance' })).toBeInTheDocument();
    expect(within(scores).getByRole('row', { name: /Relevance.*Passes.*The need is clear/ })).toBeInTheDocument();
    expect(within(scores).getByRole('row', { name: /Equity.*3 of 4 \(Good\)/ })).toBeInTheDocument();
    expect(within(scores).getByRole('row', { name: /Sustainability.*Not applicable/ })).toBeInTheDocument();
    expect(card).toHaveTextContent('Through our oncology nurses.');
    expect(screen.getByText('Strong and transferable.')).toBeInTheDocument();

    await u.type(screen.getByRole('textbox', { name: 'Your response' }), 'We will measure outcomes from now on.');
    await u.click(screen.getByRole('button', { name: 'Post response' }));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ round_id: round.id, body: 'We will measure outcomes from now on.' });
  });

  it('offers no response form to someone outside the practice’s organisation', async () => {
    sessionStore.setTokens(tokenPair('a', 'r', { ...user, organisation_id: 'another-organisation' }));
    mockFetch([
      { method: 'GET', path: `/api/v1/practices/${practice.id}/reviews`, respond: () => json(decided) },
      { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(practice, { headers: { ETag: '"3"' } }) },
      { method: 'GET', path: `/api/v1/programmes/${practice.programme_id}/rubrics`, respond: () => json({ items: [rubric] }) },
    ]);
    renderWithProviders(<PracticeReviewsPanel practiceId={practice.id} />);
    expect(await screen.findByRole('heading', { name: 'Reviewer A' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Your response' })).not.toBeInTheDocument();
  });
});
