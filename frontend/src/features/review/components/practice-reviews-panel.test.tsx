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
  rebuttals: [],
};

// The same round while its reviews are released for the rebuttal, before any decision.
const inRebuttal: PracticeReviews = {
  ...decided,
  decisions: [],
  rebuttals: [{ round_id: round.id, round_name: round.name, rebuttal_due_at: '2099-04-15T21:59:00Z', open: true }],
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

  it('lets the organisation respond during the rebuttal, before any decision, and says until when', async () => {
    sessionStore.setTokens(tokenPair('a', 'r', { ...user, organisation_id: practice.organisation.id }));
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/practices/${practice.id}/reviews`, respond: () => json(inRebuttal) },
      { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(practice, { headers: { ETag: '"3"' } }) },
      { method: 'GET', path: `/api/v1/programmes/${practice.programme_id}/rubrics`, respond: () => json({ items: [rubric] }) },
      {
        method: 'POST',
        path: `/api/v1/practices/${practice.id}/response`,
        respond: () => json({ type: 'about:blank', title: 'Conflict', status: 409, code: 'rebuttal_closed', detail: 'The rebuttal ended.' }, { status: 409 }),
      },
    ]);
    renderWithProviders(<PracticeReviewsPanel practiceId={practice.id} />);
    const u = userEvent.setup();

    expect(await screen.findByText(/have been released to you before the decision\. You can respond to them until/)).toBeInTheDocument();
    expect(screen.getByText(/The reviewers will read your response and may then revise their review once/)).toBeInTheDocument();
    await u.type(screen.getByRole('textbox', { name: 'Your response' }), 'The cost table is in annex 2.');
    await u.click(screen.getByRole('button', { name: 'Post response' }));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ round_id: round.id, body: 'The cost table is in annex 2.' });
    // A deadline that passed meanwhile is said in words, not as a code.
    expect(await screen.findByText('The time to respond to these reviews has ended.')).toBeInTheDocument();
  });

  it('offers no response form once the rebuttal has ended, even after the decision', async () => {
    sessionStore.setTokens(tokenPair('a', 'r', { ...user, organisation_id: practice.organisation.id }));
    const ended: PracticeReviews = { ...decided, rebuttals: [{ ...inRebuttal.rebuttals[0], open: false }] };
    mockFetch([
      { method: 'GET', path: `/api/v1/practices/${practice.id}/reviews`, respond: () => json(ended) },
      { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(practice, { headers: { ETag: '"3"' } }) },
      { method: 'GET', path: `/api/v1/programmes/${practice.programme_id}/rubrics`, respond: () => json({ items: [rubric] }) },
    ]);
    renderWithProviders(<PracticeReviewsPanel practiceId={practice.id} />);
    expect(await screen.findByText(/The time to respond to the reviews of the round “Spring review” ended on/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Your response' })).not.toBeInTheDocument();
  });

  it('shows coordinators the first submission of a revised review next to the revised one', async () => {
    sessionStore.setTokens(tokenPair('a', 'r', { ...user, organisation_id: 'coordinating-organisation' }));
    const revised: PracticeReviews = {
      ...inRebuttal,
      reviews: [
        review({
          status: 'submitted',
          submitted_at: '2026-04-10T10:00:00Z',
          revised: true,
          scores: [{ criterion_key: 'equity', value: 4, comment: '' }],
          first_submission: {
            revision: 1,
            scores: [{ criterion_key: 'equity', value: 2, comment: 'Vulnerable groups are only mentioned.' }],
            strengths: 'Close to the patients.',
            improvements: '',
            transferability: { rating: 3, conditions: '' },
            answers: [],
            recommendation: 'promising_practice',
            confidence: 3,
            submitted_at: '2026-03-10T10:00:00Z',
            revised_at: '2026-04-02T10:00:00Z',
          },
        }),
      ],
    };
    mockFetch([
      { method: 'GET', path: `/api/v1/practices/${practice.id}/reviews`, respond: () => json(revised) },
      { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(practice, { headers: { ETag: '"3"' } }) },
      { method: 'GET', path: `/api/v1/programmes/${practice.programme_id}/rubrics`, respond: () => json({ items: [rubric] }) },
    ]);
    renderWithProviders(<PracticeReviewsPanel practiceId={practice.id} />);
    const u = userEvent.setup();
    const card = (await screen.findByRole('heading', { name: /Jonas Weber/ })).closest('article')!;
    expect(within(card as HTMLElement).getByText('Revised')).toBeInTheDocument();
    await u.click(within(card as HTMLElement).getByText(/^First submission \(submitted/));
    expect(within(card as HTMLElement).getByText(/Vulnerable groups are only mentioned\./)).toBeVisible();
    expect(within(card as HTMLElement).getByRole('row', { name: /Equity.*4 of 4/ })).toBeInTheDocument();
  });
});
