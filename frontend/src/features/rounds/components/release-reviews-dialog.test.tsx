import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Round, RoundResults } from '@/api/review-types';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { round } from '@/test/review-fixtures';
import { ReleaseReviewsDialog } from './release-reviews-dialog';

const withDeadline: Round = { ...round, rebuttal_due_at: '2099-04-15T21:59:00Z' };

function results(assigned: number, accepted: number): RoundResults {
  const none = { alpha: null, units: 0, pairable_values: 0, ci95: null, p_below_667: null, reading: 'too_few_units' as const };
  return {
    round: withDeadline,
    page: 1,
    page_size: 100,
    total: 0,
    practices: [],
    completion: { practices: 1, decided: 0, assigned, accepted, declined: 0, submitted: 2, overdue: 0 },
    agreement: { weighted_score_alpha: null, weighted_score: { ...none, icc: null, sem: null }, criteria: [], gates: none, recommendation: none },
  };
}

describe('ReleaseReviewsDialog', () => {
  it('says what releasing means and until when, counts the outstanding reviews and forces only when the coordinator chooses to', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/rounds/${round.id}/results`, respond: () => json(results(1, 1)) },
      {
        method: 'POST',
        path: `/api/v1/rounds/${round.id}/release-reviews`,
        respond: () => json({ ...withDeadline, status: 'rebuttal', reviews_released_at: '2099-04-02T10:00:00Z' }, { headers: { ETag: '"3"' } }),
      },
    ]);
    const onClose = vi.fn();
    renderWithProviders(<ReleaseReviewsDialog round={withDeadline} onClose={onClose} onEdit={() => {}} />);
    const u = userEvent.setup();

    expect(await screen.findByText(/2 reviews are not submitted yet/)).toBeInTheDocument();
    expect(screen.getByText(/The organisations can respond until/)).toBeInTheDocument();
    expect(screen.getByText(/The round is blind: the organisations do not see who reviewed their practice\./)).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: 'Release reviews' });
    expect(confirm).toBeDisabled();
    await u.click(screen.getByRole('checkbox', { name: 'Release anyway, without the 2 outstanding reviews' }));
    await u.click(confirm);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ force: true });
    expect(onClose).toHaveBeenCalled();
  });

  it('does not force when every review is in, and shows the server’s refusal with its count', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/rounds/${round.id}/results`, respond: () => json(results(0, 0)) },
      {
        method: 'POST',
        path: `/api/v1/rounds/${round.id}/release-reviews`,
        respond: () =>
          json({ type: 'about:blank', title: 'Conflict', status: 409, code: 'reviews_outstanding', params: { outstanding: 1 }, detail: '1 review' }, { status: 409 }),
      },
    ]);
    renderWithProviders(<ReleaseReviewsDialog round={withDeadline} onClose={() => {}} onEdit={() => {}} />);
    const u = userEvent.setup();
    expect(await screen.findByText('All reviews have been submitted.')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Release reviews' }));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ force: false });
    expect(await screen.findByText(/^1 reviews are not submitted yet\. Wait for them/)).toBeInTheDocument();
  });

  it('sends the coordinator to the settings when the round has no rebuttal deadline, in Dutch', async () => {
    sessionStore.setTokens(tokenPair());
    window.localStorage.setItem('peerbridge.lang', 'nl');
    const { default: i18n } = await import('@/i18n');
    await i18n.changeLanguage('nl');
    mockFetch([{ method: 'GET', path: `/api/v1/rounds/${round.id}/results`, respond: () => json(results(0, 0)) }]);
    const onEdit = vi.fn();
    renderWithProviders(<ReleaseReviewsDialog round={round} onClose={() => {}} onEdit={onEdit} />);
    const u = userEvent.setup();
    expect(await screen.findByText(/Deze ronde heeft nog geen deadline voor het weerwoord/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reviews vrijgeven' })).toBeDisabled();
    await u.click(screen.getByRole('button', { name: 'Instellingen wijzigen' }));
    expect(onEdit).toHaveBeenCalled();
  });
});
