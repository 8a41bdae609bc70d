import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { ActivitySummary } from '@/api/types';
import i18n from '@/i18n';
import type { ProgrammeOutletContext } from '@/lib/programme-context';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { ActivitiesTab } from './activities-tab';
import { peerReview, studyVisit, summaryOf, webinar } from './activity-fixtures';

const list = (items: ActivitySummary[]) => json({ items, page: 1, page_size: 100, total: items.length });
const path = `/api/v1/programmes/${programme.id}/activities`;

function renderTab(canCoordinate: boolean) {
  const context: ProgrammeOutletContext = { programme: { ...programme, my_roles: canCoordinate ? ['coordinator'] : ['partner'] }, etag: '"3"', canCoordinate };
  return renderRoutes(
    [
      { path: '/programmes/:id', element: <Outlet context={context} />, children: [{ path: 'activities', element: <ActivitiesTab /> }] },
      { path: '/activities/:id', element: <h1>Activity page</h1> },
    ],
    `/programmes/${programme.id}/activities`,
  );
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('ActivitiesTab', () => {
  it('shows upcoming and past activities grouped by month, in the reader’s language, read-only for members', async () => {
    sessionStore.setTokens(tokenPair());
    await i18n.changeLanguage('nl');
    const { calls } = mockFetch([
      { method: 'GET', path, respond: (req) => (req.search.includes('from=') ? list([webinar, peerReview].map(summaryOf)) : list([summaryOf(studyVisit)])) },
    ]);
    renderTab(false);

    const upcoming = await screen.findByRole('region', { name: 'Gepland' });
    expect(await within(upcoming).findByRole('heading', { name: 'januari 2099' })).toBeInTheDocument();
    expect(within(upcoming).getByRole('heading', { name: 'februari 2099' })).toBeInTheDocument();
    const jan = within(upcoming).getByRole('list', { name: 'Activiteiten in januari 2099' });
    expect(within(jan).getByRole('link', { name: 'Webinar on fatigue' })).toHaveAttribute('href', `/activities/${webinar.id}`);
    expect(within(jan).getByText('Webinar')).toBeInTheDocument();
    expect(within(jan).getByText(/Online · Gastheer: Jobcentrum/)).toBeInTheDocument();
    expect(within(upcoming).getByText('Peer-reviewbijeenkomst')).toBeInTheDocument();

    const past = screen.getByRole('region', { name: 'Voorbij' });
    expect(await within(past).findByRole('heading', { name: 'mei 2026' })).toBeInTheDocument();
    expect(within(past).getByText('Plaatsgevonden')).toBeInTheDocument();
    expect(within(past).getByText(/Leuven, België · Gastheer: Jobcentrum · 3 organisaties/)).toBeInTheDocument();

    // Upcoming from now, earliest first; past before now, latest first.
    const searches = calls.map((c) => new URLSearchParams(c.search));
    expect(searches.some((s) => s.get('from') && s.get('sort') === 'starts_at')).toBe(true);
    expect(searches.some((s) => s.get('to') && s.get('sort') === '-starts_at')).toBe(true);
    expect(screen.queryByRole('button', { name: /Nieuwe activiteit/ })).not.toBeInTheDocument();
  });

  it('says when nothing is planned, and lets coordinators plan an activity with participants', async () => {
    sessionStore.setTokens(tokenPair());
    let posted: Record<string, unknown> | undefined;
    mockFetch([
      { method: 'GET', path, respond: () => list([]) },
      {
        method: 'GET',
        path: `/api/v1/programmes/${programme.id}/members`,
        respond: () =>
          json({
            items: [
              { user_id: 'u1', name: 'Els', organisation: { id: studyVisit.host_organisation_id, name: 'Jobcentrum', country: 'BE' }, roles: ['coordinator'], created_at: '2026-01-01T00:00:00Z' },
              { user_id: 'u2', name: 'Camille', organisation: { id: 'o0000000-0000-4000-8000-0000000000fe', name: 'Retour Santé Travail', country: 'FR' }, roles: ['partner'], created_at: '2026-01-01T00:00:00Z' },
            ],
            page: 1,
            page_size: 100,
            total: 2,
          }),
      },
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/practices`, respond: () => json({ items: [], page: 1, page_size: 100, total: 0 }) },
      {
        method: 'POST',
        path,
        times: 1,
        respond: () =>
          problem(400, {
            code: 'validation_failed',
            errors: [{ field: 'participants', code: 'host_count', message: 'a peer-review meeting has exactly one host participant', params: { count: 0 } }],
          }),
      },
      {
        method: 'POST',
        path,
        respond: (req) => {
          posted = req.body as Record<string, unknown>;
          return json({ ...peerReview, ...posted, id: 'a0000000-0000-4000-8000-000000000009', version: 1 }, { status: 201, headers: { ETag: '"1"' } });
        },
      },
    ]);
    renderTab(true);
    const user = userEvent.setup();
    expect(await screen.findByText('Nothing planned yet.')).toBeInTheDocument();
    expect(screen.getByText(/Plan a study visit, a peer-review meeting or a webinar/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /New activity/ }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(within(dialog).getByLabelText(/^Kind/), 'peer_review_meeting');
    await user.type(within(dialog).getByLabelText(/^Title/), 'Peer review in Utrecht');
    await user.type(within(dialog).getByLabelText(/^Starts/), '2099-02-16T09:00');
    await user.type(within(dialog).getByLabelText(/^Ends/), '2099-02-17T15:00');
    await user.selectOptions(within(dialog).getByLabelText(/^Host organisation/), studyVisit.host_organisation_id);
    expect(within(dialog).getByText(/exactly one host \(the host organisation\)/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add participant' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add participant' }));
    const organisations = within(dialog).getAllByLabelText(/^Organisation/);
    await user.selectOptions(organisations[1], 'o0000000-0000-4000-8000-0000000000fe');
    const roles = within(dialog).getAllByLabelText(/^Role/);
    await user.selectOptions(roles[0], 'peer');

    await user.click(within(dialog).getByRole('button', { name: 'Save activity' }));
    // The server's rule is shown in the reader's words.
    expect(await within(dialog).findByText(/needs exactly one host \(now 0\)/)).toBeInTheDocument();
    await user.selectOptions(roles[0], 'host');
    await user.click(within(dialog).getByRole('button', { name: 'Save activity' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posted).toMatchObject({
      kind: 'peer_review_meeting',
      title: 'Peer review in Utrecht',
      host_organisation_id: studyVisit.host_organisation_id,
      participants: [
        { organisation_id: studyVisit.host_organisation_id, role: 'host', people: 1 },
        { organisation_id: 'o0000000-0000-4000-8000-0000000000fe', role: 'peer', people: 1 },
      ],
    });
    expect(new Date(posted!.starts_at as string).getTime()).toBe(new Date('2099-02-16T09:00').getTime());
  });
});
