import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Review, Rubric } from '@/api/review-types';
import i18n from '@/i18n';
import { json, mockFetch, problem, type RecordedRequest } from '@/test/fetch-mock';
import { practice, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { assignment, coreCriterion, gateCriterion, qualifierCriterion, review, rubric } from '@/test/review-fixtures';
import { ReviewFormPage } from './review-form-page';

const question = 'How would this work in your country?';
const mine = assignment({ status: 'accepted', practice_id: practice.id, practice_title: practice.title });
const reviewPractice = { ...practice, learning_questions: [question] };

function routes(firstReview: Review, onPut: (req: RecordedRequest, n: number) => Response, onSubmit?: () => Response, theRubric: Rubric = rubric) {
  let puts = 0;
  return mockFetch([
    { method: 'GET', path: `/api/v1/assignments/${mine.id}/review`, respond: () => json(firstReview, { headers: { ETag: `"${firstReview.version}"` } }) },
    { method: 'GET', path: '/api/v1/me/assignments', respond: () => json({ items: [mine], page: 1, page_size: 100, total: 1 }) },
    { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(reviewPractice, { headers: { ETag: '"3"' } }) },
    {
      method: 'GET',
      path: `/api/v1/practices/${practice.id}/revisions/1`,
      respond: () => json({ number: 1, created_at: '2026-02-01T09:00:00Z', practice: { ...reviewPractice, translations: {} } }),
    },
    { method: 'GET', path: `/api/v1/rubrics/${rubric.id}`, respond: () => json(theRubric, { headers: { ETag: '"1"' } }) },
    { method: 'PUT', path: `/api/v1/assignments/${mine.id}/review`, respond: (req) => onPut(req, ++puts) },
    { method: 'POST', path: `/api/v1/assignments/${mine.id}/review/submit`, respond: () => (onSubmit ? onSubmit() : problem(500)) },
  ]);
}

function renderForm() {
  return renderRoutes([{ path: '/reviews/:assignmentId', element: <ReviewFormPage /> }], `/reviews/${mine.id}`);
}

describe('ReviewFormPage', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('shows the criteria in the interface language and falls back to the original where a translation is missing', async () => {
    sessionStore.setTokens(tokenPair());
    const translated: Rubric = {
      ...rubric,
      criteria: [
        {
          ...gateCriterion,
          translations: {
            fr: {
              title: 'Pertinence',
              description: 'La pratique répond à un besoin réel.',
              levels: [
                { value: 0, label: 'Non satisfait', descriptor: "Le besoin n'est pas clair." },
                { value: 1, label: 'Satisfait', descriptor: '' },
              ],
            },
            nl: { title: 'Relevantie' },
          },
        },
        // Only the title of equity is translated; sustainability not at all.
        { ...coreCriterion, translations: { 'fr-BE': { title: 'Équité' } } },
        qualifierCriterion,
      ],
    };
    routes(review({ practice_id: practice.id }), () => problem(500), undefined, translated);
    await i18n.changeLanguage('fr');
    renderForm();

    const gate = await screen.findByRole('radiogroup', { name: 'Pertinence' });
    expect(gate).toHaveAccessibleDescription(/La pratique répond à un besoin réel\./);
    const fails = within(gate).getByRole('radio', { name: 'Non satisfait' });
    expect(fails).toHaveAccessibleDescription(/Le besoin n'est pas clair\./);
    // A level without a translated descriptor keeps the original one.
    expect(within(gate).getByRole('radio', { name: 'Satisfait' })).toHaveAccessibleDescription(/The need and the group are stated\./);
    expect(screen.getByRole('textbox', { name: 'Justification pour Pertinence' })).toBeInTheDocument();

    // fr-BE serves a French reader; untranslated texts fall back to the original.
    const equity = screen.getByRole('radiogroup', { name: 'Équité' });
    expect(equity).toHaveAccessibleDescription(/The practice reaches people in vulnerable situations\./);
    expect(within(equity).getByRole('radio', { name: '3 – Good' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Sustainability' })).toBeInTheDocument();
    expect(screen.queryByText('Relevance')).not.toBeInTheDocument();
  });

  it('saves the draft with If-Match after a pause and shows a conflict banner on 412', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = routes(review({ practice_id: practice.id }), (req, n) =>
      n === 1
        ? json({ ...review({ practice_id: practice.id }), ...(req.body as object), version: 2 }, { headers: { ETag: '"2"' } })
        : problem(412, { code: 'version_mismatch' }),
    );
    renderForm();
    const user = userEvent.setup();

    const group = await screen.findByRole('radiogroup', { name: 'Relevance' });
    await user.click(within(group).getByRole('radio', { name: 'Passes' }));
    expect(await screen.findByText(/^Draft saved at/, {}, { timeout: 4000 })).toBeInTheDocument();
    const first = calls.find((c) => c.method === 'PUT')!;
    expect(first.headers.get('If-Match')).toBe('"1"');
    expect((first.body as { scores: unknown[] }).scores).toEqual([{ criterion_key: 'relevance', value: 1, comment: '' }]);

    await user.click(screen.getByRole('textbox', { name: 'Justification for Relevance' }));
    await user.paste('Clear need.');
    const banner = await screen.findByText('This review was changed elsewhere.', {}, { timeout: 4000 });
    expect(banner.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Reload the latest version' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep my version' })).toBeInTheDocument();
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts[puts.length - 1].headers.get('If-Match')).toBe('"2"');
  }, 15_000);

  it('explains what is needed to submit only while the review is open, not once it is submitted', async () => {
    sessionStore.setTokens(tokenPair());
    routes(review({ practice_id: practice.id }), () => problem(500));
    const open = renderForm();
    await screen.findByRole('radiogroup', { name: 'Relevance' });
    expect(screen.getByText(/needed before you can submit/)).toBeInTheDocument();
    open.unmount();

    routes(review({ practice_id: practice.id, status: 'submitted', submitted_at: '2026-03-04T10:00:00Z' }), () => problem(500));
    renderForm();
    expect(await screen.findByText(/You submitted this review on/)).toBeInTheDocument();
    expect(screen.queryByText(/needed before you can submit/)).toBeNull();
  });

  it('shows the reviewers’ discussion once the review is submitted, and does not ask for it before', async () => {
    sessionStore.setTokens(tokenPair());
    const draft = review({ practice_id: practice.id });
    const discussionPath = `/api/v1/rounds/${draft.round_id}/practices/${practice.id}/discussion`;
    const before = routes(draft, () => problem(500));
    const open = renderForm();
    await screen.findByRole('radiogroup', { name: 'Relevance' });
    expect(screen.queryByRole('heading', { name: 'Reviewers’ discussion' })).toBeNull();
    expect(before.calls.some((c) => c.path === discussionPath)).toBe(false);
    open.unmount();

    const after = routes(review({ practice_id: practice.id, status: 'submitted', submitted_at: '2026-03-04T10:00:00Z' }), () => problem(500));
    renderForm();
    expect(await screen.findByRole('heading', { name: 'Reviewers’ discussion' })).toBeInTheDocument();
    await waitFor(() => expect(after.calls.some((c) => c.method === 'GET' && c.path === discussionPath)).toBe(true));
  });

  it('lists what is missing on submit and focuses the first missing field', async () => {
    sessionStore.setTokens(tokenPair());
    routes(review({ practice_id: practice.id }), () => problem(500));
    renderForm();
    const user = userEvent.setup();

    await screen.findByRole('radiogroup', { name: 'Relevance' });
    await user.click(screen.getByRole('button', { name: 'Submit review' }));

    expect(await screen.findByText('The review is not complete: 7 items are missing.')).toBeInTheDocument();
    const passes = screen.getByRole('radio', { name: 'Passes' });
    await waitFor(() => expect(passes).toHaveFocus());
    expect(passes).toHaveAccessibleDescription(/Choose whether the practice passes\./);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('maps a 422 from the server onto the fields and focuses the first one', async () => {
    sessionStore.setTokens(tokenPair());
    const complete = review({
      practice_id: practice.id,
      scores: [
        { criterion_key: 'relevance', value: 1, comment: 'Clear need.' },
        { criterion_key: 'equity', value: 3, comment: '' },
        { criterion_key: 'sustainability', value: null, comment: '' },
      ],
      transferability: { rating: 4, conditions: '' },
      answers: [{ question, answer: 'Through the oncology nurses.' }],
      recommendation: 'good_practice',
      confidence: 4,
    });
    routes(complete, () => problem(500), () =>
      problem(422, {
        code: 'review_incomplete',
        errors: [
          { field: 'answers[0]', message: `answer the practice's question: ${question}` },
          { field: 'confidence', message: 'is required' },
        ],
      }),
    );
    renderForm();
    const user = userEvent.setup();

    expect(await screen.findByText('Everything is filled in. You can submit your review.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    const dialog = await screen.findByRole('dialog', { name: 'Submit your review?' });
    await user.click(within(dialog).getByRole('button', { name: 'Submit review' }));

    const answer = screen.getByRole('textbox', { name: question });
    await waitFor(() => expect(answer).toHaveFocus());
    expect(answer).toHaveAccessibleDescription('Answer this question.');
    expect(screen.getByText('The review is not complete: 2 items are missing.')).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Your confidence' })).toHaveAccessibleDescription(/Say how confident you are\./);
  });
});
