import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Call, Practice } from '@/api/types';
import { json, mockFetch, type RecordedRequest } from '@/test/fetch-mock';
import { practice, programme, tokenPair, user } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { PracticeEditorPage } from './practice-editor';
import { PracticePage } from './practice-page';

const partnerProgramme = { ...programme, my_roles: ['partner' as const] };

function call(id: string, title: string, state: Call['state']): Call {
  return {
    id,
    programme_id: programme.id,
    title,
    description: '',
    themes: [],
    opens_at: '2026-03-01T00:00:00Z',
    closes_at: '2026-04-30T21:59:00Z',
    state,
    submitted_practices: 0,
    version: 1,
    created_at: '2026-02-01T10:00:00Z',
    updated_at: '2026-02-01T10:00:00Z',
  };
}

const open = call('c0000000-0000-4000-8000-000000000001', 'Spring call', 'open');
const upcoming = call('c0000000-0000-4000-8000-000000000002', 'Autumn call', 'upcoming');
const closed = call('c0000000-0000-4000-8000-000000000003', 'Last year’s call', 'closed');

function routes(current: Practice, extra: Parameters<typeof mockFetch>[0] = []) {
  return mockFetch([
    ...extra,
    { method: 'GET', path: `/api/v1/programmes/${programme.id}/calls`, respond: () => json({ items: [upcoming, open, closed], page: 1, page_size: 100, total: 3 }) },
    { method: 'GET', path: `/api/v1/calls/${open.id}`, respond: () => json(open, { headers: { ETag: '"1"' } }) },
    { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(current, { headers: { ETag: '"3"' } }) },
    { method: 'GET', path: `/api/v1/programmes/${programme.id}`, respond: () => json(partnerProgramme, { headers: { ETag: '"3"' } }) },
    { method: 'GET', path: '/api/v1/me', respond: () => json(user) },
  ]);
}

function render(path: string) {
  return renderRoutes(
    [
      { path: '/practices/:id/edit', element: <PracticeEditorPage mode="edit" notFound={<h1>Not found</h1>} /> },
      { path: '/practices/:id', element: <PracticePage notFound={<h1>Not found</h1>} /> },
    ],
    path,
  );
}

const patches = (calls: RecordedRequest[]) => calls.filter((c) => c.method === 'PATCH');

describe('the call of a practice', () => {
  it('offers only open and upcoming calls in the editor of a draft and saves the choice', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = routes(practice, [
      {
        method: 'PATCH',
        path: `/api/v1/practices/${practice.id}`,
        respond: (req) => json({ ...practice, ...(req.body as object), version: 4 }, { headers: { ETag: '"4"' } }),
      },
    ]);
    render(`/practices/${practice.id}/edit`);
    const userEv = userEvent.setup();

    const select = await screen.findByRole('combobox', { name: 'Call' });
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(3));
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options[0]).toBe('No call');
    expect(options.slice(1).join('|')).toMatch(/^Autumn call \(upcoming, .+\)\|Spring call \(open, .+\)$/);
    expect(select).toBeEnabled();

    await userEv.selectOptions(select, open.id);
    await waitFor(() => expect(patches(calls)).toHaveLength(1), { timeout: 4000 });
    expect(patches(calls)[0].body).toEqual({ call_id: open.id });
    expect(patches(calls)[0].headers.get('If-Match')).toBe('"3"');
  });

  it('keeps the call fixed once the practice was submitted, even a call that has closed since', async () => {
    sessionStore.setTokens(tokenPair());
    const revising: Practice = { ...practice, status: 'revision_requested', call_id: closed.id, allowed_actions: ['comment', 'edit', 'submit'] };
    routes(revising, [{ method: 'GET', path: `/api/v1/calls/${closed.id}`, respond: () => json(closed, { headers: { ETag: '"1"' } }) }]);
    render(`/practices/${practice.id}/edit`);

    const select = await screen.findByRole('combobox', { name: 'Call' });
    await waitFor(() => expect(select).toHaveValue(closed.id));
    // The closed call it answers stays shown; it cannot change any more.
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent('Last year’s call (closed');
    expect(select).toBeDisabled();
    expect(select).toHaveAccessibleDescription('The call is fixed once the practice has been submitted.');
  });

  it('names the call, its state and its dates on the practice page', async () => {
    sessionStore.setTokens(tokenPair());
    routes({ ...practice, call_id: open.id });
    render(`/practices/${practice.id}`);

    const link = await screen.findByRole('link', { name: 'Spring call' });
    expect(link).toHaveAttribute('href', `/programmes/${programme.id}/calls`);
    const fact = link.closest('dd')!;
    expect(within(fact as HTMLElement).getByText('open')).toBeInTheDocument();
    expect(within(fact as HTMLElement).getByText(/^Open from .*2026 to .*2026$/)).toBeInTheDocument();
  });
});
