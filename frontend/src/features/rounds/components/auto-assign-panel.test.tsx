import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { AutoAssignResult } from '@/api/review-types';
import { json, mockFetch } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { reviewerDe, round, roundPracticeId } from '@/test/review-fixtures';
import { AutoAssignPanel } from './auto-assign-panel';

const otherPractice = '8192a3b4-0000-4000-8000-000000000800';

function result(dryRun: boolean): AutoAssignResult {
  return {
    dry_run: dryRun,
    assignments: [
      {
        practice_id: roundPracticeId,
        practice_title: 'Job coach at the hospital',
        reviewer_id: reviewerDe.user_id,
        reviewer_name: 'Jonas Weber',
        reviewer_country: 'DE',
        explanation: 'Reviewer from DE for a practice from BE; reads en; expertise in upscaling; load 1 of 3.',
        reasons: { reviewer_country: 'DE', practice_country: 'BE', languages: ['en'], expertise: ['employer_engagement'], load: 1, max_load: 3, shares_country: false, bid: 'eager' },
        ...(dryRun ? {} : { assignment_id: '9a3b4c5d-0000-4000-8000-000000000900' }),
      },
    ],
    unstaffed: [
      {
        practice_id: otherPractice,
        missing: 1,
        found: 1,
        blocked: [
          { rule: 'conflict_same_country', count: 4 },
          { rule: 'at_max_load', count: 1 },
          { rule: 'declined', count: 1 },
        ],
        reason: '1 of 2 reviewers found: 4 from the practice’s country (BE), 1 at maximum load (3), 1 declined it in this round.',
      },
    ],
  };
}

describe('AutoAssignPanel', () => {
  it('previews the proposed pairs with their explanations and the unstaffed practices with reasons, then commits', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/programmes/${programme.id}`, respond: () => json(programme, { headers: { ETag: '"1"' } }) },
      {
        method: 'POST',
        path: `/api/v1/rounds/${round.id}/auto-assign`,
        respond: (req) => json(result((req.body as { dry_run: boolean }).dry_run)),
      },
    ]);
    const titles = new Map([
      [roundPracticeId, 'Job coach at the hospital'],
      [otherPractice, 'Return-to-work café'],
    ]);
    renderWithProviders(<AutoAssignPanel round={round} practiceTitles={titles} />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Preview' }));

    const table = await screen.findByRole('table', { name: '1 proposed assignment' });
    const row = within(table).getByRole('row', { name: /Job coach at the hospital/ });
    expect(within(row).getByText('Jonas Weber')).toBeInTheDocument();
    // Written from the facts in the interface language, with the theme's title, never its key.
    expect(
      await within(row).findByText(
        'reviewer from Germany for a practice from Belgium; reads English; expertise in Employer engagement; 1 of at most 3 reviews in this round; bid eager on it.',
      ),
    ).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Why this reviewer' })).toBeInTheDocument();
    // The reviewer's bid has its own column.
    expect(within(table).getByRole('columnheader', { name: 'Bid' })).toBeInTheDocument();
    expect(within(row).getByRole('cell', { name: 'Eager' })).toBeInTheDocument();

    expect(screen.getByRole('heading', { name: '1 practice cannot be fully staffed' })).toBeInTheDocument();
    const unstaffed = screen.getByRole('listitem');
    expect(unstaffed).toHaveTextContent('Return-to-work café — 1 reviewer missing');
    expect(unstaffed).toHaveTextContent(
      '4 reviewers are from the practice’s country; 1 reviewer has reached the maximum load; 1 reviewer declined it in this round.',
    );
    const posts = () => calls.filter((c) => c.method === 'POST');
    expect(posts()[0].body).toEqual({ dry_run: true });

    await user.click(screen.getByRole('button', { name: 'Commit 1 assignment' }));
    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(posts()[1].body).toEqual({ dry_run: false });
    expect(await screen.findByRole('heading', { name: '1 assignment made' })).toBeInTheDocument();
    expect(await screen.findByText('1 assignment made.')).toBeInTheDocument();
  });
});
