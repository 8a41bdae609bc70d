import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Revision } from '@/api/types';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { practice, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { assignment, review, rubric } from '@/test/review-fixtures';
import { ReviewFormPage } from './review-form-page';
import { SIDE_BY_SIDE } from './review-workspace';

const question = 'Who pays for the coach in your country?';
const mine = assignment({ status: 'accepted', practice_id: practice.id, practice_title: practice.title });
// The practice has changed since revision 2 was submitted: the reviewer must read revision 2.
const current = { ...practice, status: 'in_review' as const, revision: 2, context: 'Text edited after the submission.' };
const revisionTwo: Revision = {
  number: 2,
  created_at: '2026-02-10T09:00:00Z',
  practice: {
    title: 'Job coach at the hospital (as submitted)',
    summary: 'A job coach in the oncology ward.',
    language: 'en',
    country: 'BE',
    themes: ['employer_engagement'],
    target_groups: null,
    context: 'Patients rarely talk about work during treatment.',
    approach: 'A job coach sits in the day clinic every Tuesday.',
    resources: '',
    scale: { participants: 40, sites: 1, since_year: 2021 },
    evidence: { level: 'monitoring', description: '', indicators: null },
    outcomes: 'Most patients kept in touch with their employer.',
    transferability: '',
    lessons_learned: '',
    learning_questions: [question],
    links: null,
    contact: { name: 'Koen Maes', email: 'koen@werkwijs.example' },
    products: null,
    translations: {
      nl: { status: 'verified', title: 'Jobcoach in het ziekenhuis', context: 'Patiënten praten zelden over werk.', updated_at: '2026-02-09T09:00:00Z', updated_by: practice.id },
    },
  } as unknown as Revision['practice'],
};

function routes(revision: () => Response = () => json(revisionTwo)) {
  return mockFetch([
    { method: 'GET', path: `/api/v1/assignments/${mine.id}/review`, respond: () => json(review({ practice_id: practice.id, revision: 2 }), { headers: { ETag: '"1"' } }) },
    { method: 'GET', path: '/api/v1/me/assignments', respond: () => json({ items: [mine], page: 1, page_size: 100, total: 1 }) },
    { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(current, { headers: { ETag: '"5"' } }) },
    { method: 'GET', path: `/api/v1/practices/${practice.id}/revisions/2`, respond: revision },
    { method: 'GET', path: `/api/v1/rubrics/${rubric.id}`, respond: () => json(rubric, { headers: { ETag: '"1"' } }) },
    { method: 'PUT', path: `/api/v1/assignments/${mine.id}/review`, respond: () => problem(500) },
  ]);
}

/** Makes the window as wide (or narrow) as the side-by-side layout asks for. */
function setWide(wide: boolean) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string) => ({
      matches: wide && query === SIDE_BY_SIDE,
      media: query,
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

function renderForm(revision?: () => Response) {
  sessionStore.setTokens(tokenPair());
  routes(revision);
  return renderRoutes([{ path: '/reviews/:assignmentId', element: <ReviewFormPage /> }], `/reviews/${mine.id}`);
}

afterEach(() => {
  Reflect.deleteProperty(window, 'matchMedia');
});

describe('reading while reviewing, on a wide screen', () => {
  it('shows the practice as submitted in the revision under review beside the rubric, each column a named region', async () => {
    setWide(true);
    renderForm();

    const reading = await screen.findByRole('region', { name: 'Job coach at the hospital (as submitted)' });
    const form = screen.getByRole('region', { name: 'Your review' });
    expect(within(reading).getByText(/submitted as revision 2 on/)).toBeInTheDocument();
    expect(within(reading).getByText('Patients rarely talk about work during treatment.')).toBeInTheDocument();
    expect(within(reading).getByText('Most patients kept in touch with their employer.')).toBeInTheDocument();
    expect(screen.queryByText('Text edited after the submission.')).not.toBeInTheDocument();
    // The rubric stands beside it, and the aside with saving, checklist and submit stays.
    expect(within(form).getByRole('radiogroup', { name: 'Relevance' })).toBeVisible();
    const aside = screen.getByRole('complementary', { name: 'Review status' });
    expect(within(aside).getByRole('button', { name: 'Submit review' })).toBeVisible();
    // Both columns scroll by keyboard; no switch is needed.
    expect(reading).toHaveAttribute('tabindex', '0');
    expect(form).toHaveAttribute('tabindex', '0');
    expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
  });

  it('says so, and shows the practice as it is now, when the revision cannot be read', async () => {
    setWide(true);
    renderForm(() => problem(500));

    const reading = await screen.findByRole('region', { name: current.title });
    expect(within(reading).getByText(/The version submitted for review could not be loaded\./)).toBeInTheDocument();
    expect(within(reading).getByText('Text edited after the submission.')).toBeInTheDocument();
  });

  it('lists the sections as an in-page navigation that moves focus to the heading', async () => {
    setWide(true);
    renderForm();
    const user = userEvent.setup();

    const reading = await screen.findByRole('region', { name: 'Job coach at the hospital (as submitted)' });
    const contents = within(reading).getByRole('navigation', { name: 'On this page' });
    expect(within(contents).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Context',
      'Approach',
      'Resources and scale',
      'Evidence',
      'Outcomes',
      'Learning questions',
      'Contact',
    ]);
    await user.click(within(contents).getByRole('link', { name: 'Outcomes' }));
    expect(within(reading).getByRole('heading', { name: 'Outcomes' })).toHaveFocus();
  });

  it('reads the revision in its translation, chosen in the column', async () => {
    setWide(true);
    renderForm();
    const user = userEvent.setup();

    const reading = await screen.findByRole('region', { name: 'Job coach at the hospital (as submitted)' });
    await user.click(within(reading).getByRole('radio', { name: /Nederlands/ }));
    expect(within(reading).getByText('Patiënten praten zelden over werk.')).toBeInTheDocument();
    expect(within(reading).queryByText('Patients rarely talk about work during treatment.')).not.toBeInTheDocument();
  });
});

describe('reading while reviewing, on a narrow screen', () => {
  it('switches between the practice and the review with the keyboard, as ARIA tabs', async () => {
    setWide(false);
    renderForm();
    const user = userEvent.setup();

    const tablist = await screen.findByRole('tablist', { name: 'Show the practice or your review' });
    const practiceTab = within(tablist).getByRole('tab', { name: 'Practice' });
    const reviewTab = within(tablist).getByRole('tab', { name: 'Review' });
    expect(reviewTab).toHaveAttribute('aria-selected', 'true');
    expect(practiceTab).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('tabpanel', { name: 'Review' })).toContainElement(screen.getByRole('radiogroup', { name: 'Relevance' }));
    expect(screen.queryByRole('tabpanel', { name: 'Practice' })).not.toBeInTheDocument();

    reviewTab.focus();
    await user.keyboard('{ArrowLeft}');
    expect(practiceTab).toHaveFocus();
    expect(practiceTab).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Practice' });
    expect(practiceTab).toHaveAttribute('aria-controls', panel.id);
    expect(within(panel).getByRole('heading', { level: 2, name: 'Job coach at the hospital (as submitted)' })).toBeInTheDocument();
    expect(within(panel).getByText('Patients rarely talk about work during treatment.')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: 'Relevance' })).not.toBeInTheDocument();

    await user.keyboard('{End}');
    expect(reviewTab).toHaveFocus();
    expect(screen.getByRole('radiogroup', { name: 'Relevance' })).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(practiceTab).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(reviewTab).toHaveAttribute('aria-selected', 'true');
  });
});

describe('the review checklist', () => {
  it('updates as the reviewer fills in the form, and its links move focus to the field', async () => {
    setWide(true);
    renderForm();
    const user = userEvent.setup();

    const checklist = await screen.findByRole('region', { name: 'Still to do' });
    expect(within(checklist).getByText('0 of 8 done')).toBeInTheDocument();
    await user.click(within(checklist).getByRole('link', { name: 'Relevance: passes or not?' }));
    const passes = within(screen.getByRole('radiogroup', { name: 'Relevance' })).getByRole('radio', { name: 'Passes' });
    expect(passes).toHaveFocus();

    await user.click(passes);
    expect(within(checklist).queryByRole('link', { name: 'Relevance: passes or not?' })).not.toBeInTheDocument();
    expect(within(checklist).getByText('1 of 8 done')).toBeInTheDocument();
    await user.click(within(checklist).getByRole('link', { name: 'Relevance: justify your judgement' }));
    const justification = screen.getByRole('textbox', { name: 'Justification for Relevance' });
    expect(justification).toHaveFocus();
    await user.type(justification, 'Clear need.');
    expect(within(checklist).queryByRole('link', { name: 'Relevance: justify your judgement' })).not.toBeInTheDocument();
    expect(within(checklist).getByText('2 of 8 done')).toBeInTheDocument();

    // Submitting an incomplete review says what is missing, without a confirmation.
    const submit = screen.getByRole('button', { name: 'Submit review' });
    expect(submit).toHaveAccessibleDescription('2 of 8 done');
    await user.click(submit);
    expect(await screen.findByText('The review is not complete: 6 items are missing.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole('radiogroup', { name: 'Equity' })).getAllByRole('radio')[0]).toHaveFocus());
  });
});
