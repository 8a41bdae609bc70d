import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Call } from '@/api/types';
import i18n from '@/i18n';
import type { ProgrammeOutletContext } from '@/lib/programme-context';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { CallsTab } from './calls-tab';

const themedProgramme = {
  ...programme,
  themes: [
    { key: 'employer_engagement', title: 'Employer engagement', titles: { nl: 'Betrokkenheid van werkgevers' } },
    { key: 'early_contact', title: 'Early contact', titles: { nl: 'Vroeg contact' } },
  ],
};

const openCall: Call = {
  id: 'c0000000-0000-4000-8000-000000000001',
  programme_id: programme.id,
  title: 'Spring call 2026',
  description: 'Practices that involve employers early.',
  themes: ['employer_engagement'],
  opens_at: '2026-03-01T00:00:00Z',
  closes_at: '2026-04-30T21:59:00Z',
  state: 'open',
  submitted_practices: 3,
  version: 2,
  created_at: '2026-02-01T10:00:00Z',
  updated_at: '2026-02-02T10:00:00Z',
};

const upcomingCall: Call = {
  ...openCall,
  id: 'c0000000-0000-4000-8000-000000000002',
  title: 'Autumn call 2026',
  description: '',
  themes: [],
  opens_at: '2026-09-01T00:00:00Z',
  closes_at: '2026-10-31T22:59:00Z',
  state: 'upcoming',
  submitted_practices: 0,
  version: 1,
};

const list = (items: Call[]) => json({ items, page: 1, page_size: 20, total: items.length });

function renderCalls(canCoordinate: boolean, path = `/programmes/${programme.id}/calls`) {
  const context: ProgrammeOutletContext = {
    programme: { ...themedProgramme, my_roles: canCoordinate ? ['coordinator'] : ['partner'] },
    etag: '"3"',
    canCoordinate,
  };
  return renderRoutes(
    [
      { path: '/programmes/:id', element: <Outlet context={context} />, children: [{ path: 'calls', element: <CallsTab /> }] },
      { path: '/programmes/:id/rounds', element: <h1>Rounds</h1> },
    ],
    path,
  );
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('CallsTab', () => {
  it('lists the calls with their state, dates in the reader’s locale and translated themes, read-only for members', async () => {
    sessionStore.setTokens(tokenPair());
    await i18n.changeLanguage('nl');
    mockFetch([{ method: 'GET', path: `/api/v1/programmes/${programme.id}/calls`, respond: () => list([upcomingCall, openCall]) }]);
    renderCalls(false);

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const spring = within(rows[2]);
    expect(spring.getByText('Spring call 2026')).toBeInTheDocument();
    expect(spring.getByText('Open')).toBeInTheDocument();
    expect(spring.getByText('Betrokkenheid van werkgevers')).toBeInTheDocument();
    expect(spring.getByText('3 praktijken ingediend')).toBeInTheDocument();
    // Dutch dates: "1 mrt 2026 – 30 apr 2026".
    expect(spring.getByText(/1 mrt\.? 2026 – 30 apr\.? 2026/)).toBeInTheDocument();
    const autumn = within(rows[1]);
    expect(autumn.getByText('Binnenkort')).toBeInTheDocument();
    expect(autumn.getByText('Alle thema’s')).toBeInTheDocument();

    expect(screen.queryByRole('button', { name: /Nieuwe oproep/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /bewerken/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /reviewronde/ })).not.toBeInTheDocument();
  });

  it('publishes a call with the chosen themes and window, and shows the server’s field error on its field', async () => {
    sessionStore.setTokens(tokenPair());
    let attempts = 0;
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/calls`, respond: () => list([]) },
      {
        method: 'POST',
        path: `/api/v1/programmes/${programme.id}/calls`,
        respond: (req) => {
          attempts += 1;
          if (attempts === 1) {
            return problem(400, {
              code: 'validation_failed',
              detail: 'The request has invalid fields.',
              errors: [{ field: 'themes[0]', code: 'unknown_theme', message: 'is not a theme of this programme', params: { value: 'early_contact' } }],
            });
          }
          const body = req.body as Record<string, unknown>;
          return json({ ...openCall, ...body, id: 'c0000000-0000-4000-8000-000000000009', version: 1 }, { status: 201, headers: { ETag: '"1"' } });
        },
      },
    ]);
    renderCalls(true);
    const user = userEvent.setup();

    expect(await screen.findByText('No calls yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /New call/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish a call for practices' });
    await user.type(within(dialog).getByRole('textbox', { name: /Title/ }), 'Spring call 2026');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Early contact' }));
    const opens = within(dialog).getByLabelText(/Opens on/);
    const closes = within(dialog).getByLabelText(/Closes on/);
    await user.clear(opens);
    await user.type(opens, '2026-03-01');
    await user.clear(closes);
    await user.type(closes, '2026-02-01');
    await user.click(within(dialog).getByRole('button', { name: 'Publish call' }));

    // A window that closes before it opens never leaves the browser.
    expect(await within(dialog).findByText('The closing date cannot be before the opening date.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(closes);
    await user.type(closes, '2026-04-30');
    await user.click(within(dialog).getByRole('button', { name: 'Publish call' }));
    // The server's code is rendered in words, under the themes.
    expect(await within(dialog).findByText('“early_contact” is not a theme of your programmes.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Publish call' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    const sent = posts[1].body as Record<string, string | string[]>;
    expect(sent).toMatchObject({ title: 'Spring call 2026', description: '', themes: ['early_contact'] });
    // Local start of the first day, local end of the last.
    expect(new Date(sent.opens_at as string).getTime()).toBe(new Date('2026-03-01T00:00:00').getTime());
    expect(new Date(sent.closes_at as string).getTime()).toBe(new Date('2026-04-30T23:59:00').getTime());
    expect(posts[1].headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText('Call “Spring call 2026” published.')).toBeInTheDocument();
  });

  it('edits a call with If-Match, reloads it after someone else’s change, and links to a round from it', async () => {
    sessionStore.setTokens(tokenPair());
    let version = 2;
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/calls`, respond: () => list([openCall]) },
      { method: 'GET', path: `/api/v1/calls/${openCall.id}`, respond: () => json({ ...openCall, version }, { headers: { ETag: `"${version}"` } }) },
      {
        method: 'PATCH',
        path: `/api/v1/calls/${openCall.id}`,
        times: 1,
        respond: () => {
          version = 3;
          return problem(412, { code: 'version_mismatch', detail: 'The call was changed by someone else.' });
        },
      },
      {
        method: 'PATCH',
        path: `/api/v1/calls/${openCall.id}`,
        respond: (req) => json({ ...openCall, ...(req.body as object), version: 4 }, { headers: { ETag: '"4"' } }),
      },
    ]);
    const { router } = renderCalls(true);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Edit Spring call 2026' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit “Spring call 2026”' });
    const title = await within(dialog).findByRole('textbox', { name: /Title/ });
    expect(within(dialog).getByRole('checkbox', { name: 'Employer engagement' })).toBeChecked();
    await user.clear(title);
    await user.type(title, 'Spring call, extended');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findAllByText(/Someone else changed this call/)).not.toHaveLength(0);
    const patches = () => calls.filter((c) => c.method === 'PATCH');
    expect(patches()[0].headers.get('If-Match')).toBe('"2"');
    // The form now holds version 3: saving again sends its ETag.
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.path === `/api/v1/calls/${openCall.id}`)).toHaveLength(2));
    const again = await within(dialog).findByRole('textbox', { name: /Title/ });
    await user.clear(again);
    await user.type(again, 'Spring call, extended');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(patches()[1].headers.get('If-Match')).toBe('"3"');
    expect(patches()[1].body).toMatchObject({ title: 'Spring call, extended', themes: ['employer_engagement'] });

    await user.click(screen.getByRole('link', { name: 'Create a review round from “Spring call 2026”' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/programmes/${programme.id}/rounds`));
    expect(router.state.location.search).toBe(`?call=${openCall.id}`);
  });
});
