import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { mockFetch, problem } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { assignment, reviewerBe, reviewerDe, round, roundPracticeId } from '@/test/review-fixtures';
import { AssignmentBoard } from './assignment-board';

const practices = [{ practice_id: roundPracticeId, title: 'Job coach at the hospital', country: 'BE' }];

describe('AssignmentBoard', () => {
  it('shows each cell’s status, the staffing per practice, and explains a refused assignment in words', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      {
        method: 'POST',
        path: `/api/v1/rounds/${round.id}/assignments`,
        respond: () =>
          problem(409, {
            code: 'conflict_same_country',
            title: 'Conflict',
            detail: 'The round is cross-border: the reviewer works in the practice’s country.',
          }),
      },
    ]);
    renderWithProviders(
      <AssignmentBoard
        round={round}
        practices={practices}
        reviewers={[reviewerDe, reviewerBe]}
        assignments={[assignment({ status: 'accepted' })]}
        canAssign
      />,
    );
    const user = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'Practices and reviewers of Spring review' });
    // Reviewers are columns, with their country.
    expect(within(table).getByRole('columnheader', { name: /Jonas Weber.*DE/ })).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /Job coach at the hospital/ });
    expect(within(row).getByText('1 of 2 reviewers')).toBeInTheDocument();
    expect(within(row).getByText('Accepted')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Assign Lotte Peeters to “Job coach at the hospital”' }));

    const alert = await screen.findByText(/Lotte Peeters cannot be assigned/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(alert).toHaveTextContent(
      'Lotte Peeters cannot be assigned to “Job coach at the hospital”: This round is cross-border: the reviewer must work in another country than the practice.',
    );
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ practice_id: roundPracticeId, reviewer_id: reviewerBe.user_id });
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('translates every assignment rule, here in Dutch', async () => {
    sessionStore.setTokens(tokenPair());
    window.localStorage.setItem('peerbridge.lang', 'nl');
    const { default: i18n } = await import('@/i18n');
    await i18n.changeLanguage('nl');
    mockFetch([
      {
        method: 'POST',
        path: `/api/v1/rounds/${round.id}/assignments`,
        respond: () => problem(409, { code: 'reviewer_overloaded', title: 'Conflict' }),
      },
    ]);
    renderWithProviders(<AssignmentBoard round={round} practices={practices} reviewers={[reviewerDe]} assignments={[]} canAssign />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Jonas Weber toewijzen aan “Job coach at the hospital”' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Jonas Weber kan niet worden toegewezen aan “Job coach at the hospital”: De reviewer heeft al het maximale aantal praktijken voor deze ronde.',
      ),
    );
  });
  it('shows how many bids of each level a practice has, and says so when it has none', async () => {
    sessionStore.setTokens(tokenPair());
    const other = { practice_id: '8192a3b4-0000-4000-8000-000000000800', title: 'Return-to-work café', country: 'NL' };
    const counts = new Map([[roundPracticeId, { practice_id: roundPracticeId, eager: 2, willing: 0, neutral: 1, reluctant: 0, conflict: 1 }]]);
    renderWithProviders(
      <AssignmentBoard round={round} practices={[...practices, other]} reviewers={[reviewerDe]} assignments={[]} bidCounts={counts} canAssign />,
    );
    expect(await screen.findByRole('rowheader', { name: /Job coach at the hospital/ })).toHaveTextContent(
      'Bids: Eager: 2, Neutral: 1, Conflict of interest: 1',
    );
    expect(screen.getByRole('rowheader', { name: /Return-to-work café/ })).toHaveTextContent('No bids yet');
  });
});
