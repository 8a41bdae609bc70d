import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PracticeResult, RoundResults } from '@/api/review-types';
import { json, mockFetch } from '@/test/fetch-mock';
import { renderWithProviders } from '@/test/render';
import { round } from '@/test/review-fixtures';
import { RoundDiscussions } from './round-discussions';

const summary = { n: 0, mean: 0, median: 0, min: 0, max: 0, sd: 0 };
const practiceResult = (id: string, title: string): PracticeResult =>
  ({
    practice_id: id,
    title,
    country: 'BE',
    reviews: 2,
    gates_passed: true,
    weighted_score: 3,
    weighted_score_summary: summary,
    criteria: [],
    spread_flag: false,
    suggest_extra_reviewer: false,
  }) as unknown as PracticeResult;

const results = {
  round,
  page: 1,
  page_size: 100,
  total: 2,
  practices: [practiceResult('p1', 'Back to work after cancer'), practiceResult('p2', 'Second track placements')],
} as unknown as RoundResults;

describe('RoundDiscussions', () => {
  it('shows the first practice’s discussion and switches to the practice chosen', async () => {
    mockFetch([{ method: 'GET', path: `/api/v1/rounds/${round.id}/results`, respond: () => json(results) }]);
    renderWithProviders(<RoundDiscussions round={round} render={(practiceId) => <p>Discussion of {practiceId}</p>} />);
    const u = userEvent.setup();
    expect(await screen.findByText('Discussion of p1')).toBeInTheDocument();
    await u.selectOptions(screen.getByRole('combobox', { name: 'Discussion of the practice' }), 'Second track placements');
    expect(await screen.findByText('Discussion of p2')).toBeInTheDocument();
    expect(screen.queryByText('Discussion of p1')).not.toBeInTheDocument();
  });
});
