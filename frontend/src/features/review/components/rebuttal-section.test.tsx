import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { review, round } from '@/test/review-fixtures';
import { RebuttalSection } from './review-sections/rebuttal-section';

const assignmentId = '70819203-0000-4000-8000-000000000700';
const response = {
  id: 'resp-1',
  round_id: round.id,
  practice_id: review().practice_id,
  author_name: 'Ana Peeters',
  body: 'The cost table is in annex 2.',
  created_at: '2099-04-05T10:00:00Z',
};

describe('RebuttalSection', () => {
  it('shows the organisation’s response and revises the review once, after explaining and confirming', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      {
        method: 'POST',
        path: `/api/v1/assignments/${assignmentId}/review/revise`,
        respond: () => json(review({ status: 'draft', revised: true, revisable: false, responses: [response] }), { headers: { ETag: '"5"' } }),
      },
    ]);
    const onRevised = vi.fn(async () => {});
    renderWithProviders(
      <RebuttalSection
        assignmentId={assignmentId}
        review={review({ status: 'submitted', submitted_at: '2099-04-01T10:00:00Z', revisable: true, responses: [response] })}
        onRevised={onRevised}
      />,
    );
    const u = userEvent.setup();
    expect(screen.getByRole('heading', { name: 'Response from the organisation' })).toBeInTheDocument();
    expect(screen.getByText('The cost table is in annex 2.')).toBeInTheDocument();
    expect(screen.getByText(/you may revise your review once, until the coordinators decide/)).toBeInTheDocument();

    await u.click(screen.getByRole('button', { name: 'Revise my review' }));
    expect(await screen.findByRole('dialog', { name: 'Revise your review?' })).toHaveTextContent('You can do this only once.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await u.click(screen.getByRole('button', { name: 'Revise my review' }));
    await vi.waitFor(() => expect(onRevised).toHaveBeenCalled());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('offers no second revision and says why, in German', async () => {
    sessionStore.setTokens(tokenPair());
    window.localStorage.setItem('peerbridge.lang', 'de');
    const { default: i18n } = await import('@/i18n');
    await i18n.changeLanguage('de');
    renderWithProviders(
      <RebuttalSection
        assignmentId={assignmentId}
        review={review({ status: 'submitted', submitted_at: '2099-04-06T10:00:00Z', revised: true, revisable: false, responses: [response] })}
        onRevised={async () => {}}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'Stellungnahme der Organisation' })).toBeInTheDocument();
    expect(screen.getByText(/Es kann nicht noch einmal überarbeitet werden\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mein Gutachten überarbeiten' })).not.toBeInTheDocument();
  });

  it('shows nothing on a review outside any rebuttal', () => {
    sessionStore.setTokens(tokenPair());
    renderWithProviders(<RebuttalSection assignmentId={assignmentId} review={review({ status: 'submitted' })} onRevised={async () => {}} />);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
