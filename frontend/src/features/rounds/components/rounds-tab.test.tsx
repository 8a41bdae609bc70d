import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Call } from '@/api/types';
import type { ProgrammeOutletContext } from '@/lib/programme-context';
import { json, mockFetch } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { round, rubric } from '@/test/review-fixtures';
import { renderRoutes } from '@/test/render';
import { RoundsTab } from './rounds-tab';

const springCall: Call = {
  id: 'c0000000-0000-4000-8000-000000000001',
  programme_id: programme.id,
  title: 'Spring call 2026',
  description: '',
  themes: [],
  opens_at: '2026-03-01T00:00:00Z',
  closes_at: '2026-04-30T21:59:00Z',
  state: 'closed',
  submitted_practices: 4,
  version: 1,
  created_at: '2026-02-01T10:00:00Z',
  updated_at: '2026-02-01T10:00:00Z',
};

function renderRounds(path: string) {
  const context: ProgrammeOutletContext = { programme, etag: '"3"', canCoordinate: true };
  return renderRoutes(
    [
      { path: '/programmes/:id', element: <Outlet context={context} />, children: [{ path: 'rounds', element: <RoundsTab /> }] },
      { path: '/rounds/:id', element: <h1>Round page</h1> },
    ],
    path,
  );
}

function routes() {
  return mockFetch([
    { method: 'GET', path: `/api/v1/programmes/${programme.id}/rounds`, respond: () => json({ items: [], page: 1, page_size: 20, total: 0 }) },
    { method: 'GET', path: `/api/v1/programmes/${programme.id}/rubrics`, respond: () => json({ items: [rubric] }) },
    {
      method: 'GET',
      path: `/api/v1/programmes/${programme.id}/calls`,
      respond: () => json({ items: [springCall], page: 1, page_size: 100, total: 1 }),
    },
    {
      method: 'POST',
      path: `/api/v1/programmes/${programme.id}/rounds`,
      respond: (req) => {
        const body = req.body as Record<string, unknown>;
        return json({ ...round, ...body, status: 'draft', practice_count: 4, version: 1 }, { status: 201, headers: { ETag: '"1"' } });
      },
    },
  ]);
}

describe('RoundsTab: a round from a call', () => {
  it('opens the form with the call of the link chosen and sends it', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = routes();
    const { router } = renderRounds(`/programmes/${programme.id}/rounds?call=${springCall.id}`);
    const user = userEvent.setup();

    const dialog = await screen.findByRole('dialog', { name: 'New review round' });
    const choice = await within(dialog).findByRole('combobox', { name: 'From a call' });
    expect(choice).toHaveValue(springCall.id);
    expect(within(choice).getByRole('option', { selected: true })).toHaveTextContent(/^Spring call 2026 \(4 practices, closes .*2026\)$/);
    // The round is named after the call until the coordinator says otherwise.
    expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveValue('Spring call 2026');

    await user.click(within(dialog).getByRole('button', { name: 'Create round' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/rounds/${round.id}`));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({ name: 'Spring call 2026', rubric_id: rubric.id, call_id: springCall.id });
  });

  it('sets up a round without a call when none is chosen', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = routes();
    renderRounds(`/programmes/${programme.id}/rounds`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: /New round/ }));
    const dialog = await screen.findByRole('dialog', { name: 'New review round' });
    const choice = await within(dialog).findByRole('combobox', { name: 'From a call' });
    expect(choice).toHaveValue('');
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Hand-picked round');
    await user.click(within(dialog).getByRole('button', { name: 'Create round' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).not.toHaveProperty('call_id');
    expect(post.body).toMatchObject({ name: 'Hand-picked round' });
  });
});
