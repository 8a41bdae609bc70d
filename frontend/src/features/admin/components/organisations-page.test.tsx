import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch } from '@/test/fetch-mock';
import { organisation, tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { OrganisationsPage } from './organisations-page';

describe('organisations administration', () => {
  it('lists, searches, and registers an organisation with the shared fields', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: '/api/v1/organisations',
        respond: (req) =>
          new URLSearchParams(req.search).get('q') ? json({ items: [], page: 1, page_size: 20, total: 0 }) : json({ items: [organisation], page: 1, page_size: 20, total: 1 }),
      },
      { method: 'POST', path: '/api/v1/organisations', respond: (req) => json({ ...organisation, ...(req.body as object), id: 'o-2' }, { status: 201 }) },
    ]);
    renderWithProviders(<OrganisationsPage />);
    const user = userEvent.setup();

    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: organisation.name })).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox'), 'nothing');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Nothing matches “nothing”.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /New organisation/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Organisation name/ }), '  Nieuw Huis ');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Country/ }), 'BE');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Kind/ }), 'Employer');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    // Trimmed, and an empty website is left out when creating.
    expect(post.body).toMatchObject({ name: 'Nieuw Huis', country: 'BE', kind: 'employer' });
    expect(post.body).not.toHaveProperty('website');
  });
});
