import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { User } from '@/api/types';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { tokenPair, user } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { UsersPage } from './users-page';

const admin: User = { ...user, id: '5e6f7a8b-0000-4000-8000-0000000000aa', name: 'Ada Admin', email: 'admin@peerbridge.example', is_admin: true };
const partner: User = { ...user, id: '5e6f7a8b-0000-4000-8000-0000000000bb', name: 'Pia Partner', email: 'pia@peerbridge.example' };
const erased: User = {
  ...user,
  id: '5e6f7a8b-0000-4000-8000-0000000000cc',
  name: 'Former member 7F3A',
  email: 'erased-5e6f7a8b-0000-4000-8000-0000000000cc@erased.invalid',
  disabled: true,
  erased_at: '2026-01-01T00:00:00Z',
};

function page(items: User[]) {
  return json({ items, page: 1, page_size: 20, total: items.length, total_is_estimate: false });
}

describe('erasing an account on the person’s behalf', () => {
  it('warns, erases and shows the account as erased with no actions left', async () => {
    sessionStore.setTokens(tokenPair('access-1', 'refresh-1', admin));
    let done = false;
    const { calls } = mockFetch([
      { method: 'GET', path: '/api/v1/users', respond: () => page(done ? [admin, { ...erased, id: partner.id, email: 'erased-bb@erased.invalid' }, erased] : [admin, partner, erased]) },
      {
        method: 'POST',
        path: `/api/v1/users/${partner.id}/erase`,
        respond: () => {
          done = true;
          return new Response(null, { status: 204 });
        },
      },
    ]);
    renderWithProviders(<UsersPage />);
    const u = userEvent.setup();
    const table = await screen.findByRole('table');
    // No erase button for oneself, nor for an account already erased.
    expect(within(table).queryByRole('button', { name: 'Erase Ada Admin on their behalf' })).not.toBeInTheDocument();
    expect(within(table).getByText('Erased')).toBeInTheDocument();
    expect(within(table).getAllByRole('button', { name: /on their behalf/ })).toHaveLength(1);

    await u.click(within(table).getByRole('button', { name: 'Erase Pia Partner on their behalf' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase Pia Partner on their behalf?' });
    expect(dialog).toHaveTextContent('pia@peerbridge.example');
    expect(dialog).toHaveTextContent('cannot be undone');
    await u.click(within(dialog).getByRole('button', { name: 'Erase the account' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await screen.findByText('The account of Pia Partner has been erased.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET').length).toBeGreaterThan(1), { timeout: 5000 });
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByText('Erased')).toHaveLength(2), { timeout: 5000 });
  });

  it('explains that the last coordinator must be replaced first', async () => {
    sessionStore.setTokens(tokenPair('access-1', 'refresh-1', admin));
    mockFetch([
      { method: 'GET', path: '/api/v1/users', respond: () => page([admin, partner]) },
      { method: 'POST', path: `/api/v1/users/${partner.id}/erase`, respond: () => problem(409, { code: 'last_coordinator' }) },
    ]);
    renderWithProviders(<UsersPage />);
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Erase Pia Partner on their behalf' }));
    const dialog = await screen.findByRole('dialog');
    await u.click(within(dialog).getByRole('button', { name: 'Erase the account' }));
    expect(await within(dialog).findByText(/Pia Partner is the last coordinator of a programme/)).toBeInTheDocument();
  });
});
