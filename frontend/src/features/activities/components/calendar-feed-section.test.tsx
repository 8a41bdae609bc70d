import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { CalendarFeedSection } from './calendar-feed-section';

describe('CalendarFeedSection', () => {
  it('creates a feed address, shows it once to copy, and revokes it', async () => {
    sessionStore.setTokens(tokenPair());
    let n = 0;
    const { calls } = mockFetch([
      {
        method: 'POST',
        path: '/api/v1/me/calendar-token',
        respond: () => {
          n += 1;
          const token = `token-${n}-abcdefghijklmnopqrstuvwxyz`;
          return json({ token, url: `https://peerbridge.example/api/v1/me/calendar.ics?token=${token}`, created_at: '2026-12-01T10:00:00Z' }, { status: 201 });
        },
      },
      { method: 'DELETE', path: '/api/v1/me/calendar-token', respond: () => new Response(null, { status: 204 }) },
    ]);
    renderWithProviders(<CalendarFeedSection />);
    const user = userEvent.setup();
    expect(screen.queryByLabelText('Your feed address')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create feed address' }));
    const address = await screen.findByLabelText('Your feed address');
    expect(address).toHaveValue('https://peerbridge.example/api/v1/me/calendar.ics?token=token-1-abcdefghijklmnopqrstuvwxyz');
    expect(screen.getByText(/shown only once/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();

    // A new address replaces the old one.
    await user.click(screen.getByRole('button', { name: 'Make a new address' }));
    expect(await screen.findByDisplayValue(/token-2-/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Revoke feed' }));
    expect(await screen.findByText('Your calendar feed address no longer works.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Your feed address')).not.toBeInTheDocument();
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'DELETE']);
  });
});
