import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import i18n from '@/i18n';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { peerReview, studyVisit } from './activity-fixtures';
import { ActivityPage } from './activity-page';

const path = `/api/v1/activities/${studyVisit.id}`;

function renderPage() {
  return renderRoutes([{ path: '/activities/:id', element: <ActivityPage /> }], `/activities/${studyVisit.id}`);
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('ActivityPage', () => {
  it('shows the agenda, the practices presented, the participants by country with their role, and the minutes', async () => {
    sessionStore.setTokens(tokenPair());
    await i18n.changeLanguage('fr');
    mockFetch([
      { method: 'GET', path, respond: () => json(studyVisit, { headers: { ETag: '"3"' } }) },
      { method: 'GET', path: `${path}/attachments`, respond: () => json({ items: [] }) },
    ]);
    renderPage();

    expect(await screen.findByRole('heading', { level: 1, name: 'Study visit to Leuven' })).toBeInTheDocument();
    expect(screen.getByText('Visite d’étude')).toBeInTheDocument();
    expect(screen.getByText('Tenue')).toBeInTheDocument();
    const agenda = screen.getByRole('region', { name: 'Programme' });
    expect(within(agenda).getAllByRole('listitem')).toHaveLength(2);
    expect(within(agenda).getByText(/Welcome at the day clinic/)).toBeInTheDocument();
    const practices = screen.getByRole('region', { name: 'Pratiques présentées' });
    expect(within(practices).getByRole('link', { name: 'One coach from diagnosis to work' })).toHaveAttribute('href', `/practices/${studyVisit.practice_ids[0]}`);

    // By country, the host's first: Belgium (4 people), then France (2 + 1).
    const participants = screen.getByRole('region', { name: 'Participants' });
    const tables = within(participants).getAllByRole('table');
    expect(tables).toHaveLength(2);
    expect(within(tables[0]).getByText('4 personnes de Belgique')).toBeInTheDocument();
    expect(within(tables[0]).getByRole('rowheader', { name: 'Jobcentrum' })).toBeInTheDocument();
    expect(within(tables[0]).getByText('Hôte')).toBeInTheDocument();
    expect(within(tables[1]).getByText('3 personnes de France')).toBeInTheDocument();
    expect(within(tables[1]).getByText('Pair')).toBeInTheDocument();
    expect(within(tables[1]).getByText('Expert')).toBeInTheDocument();

    expect(within(screen.getByRole('region', { name: 'Compte rendu' })).getByText(studyVisit.minutes)).toBeInTheDocument();
    // A member who may not edit sees no edit or delete button.
    expect(screen.queryByRole('button', { name: 'Modifier' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Supprimer' })).not.toBeInTheDocument();
  });

  it('toggles a follow-up the caller owns, and only that one', async () => {
    sessionStore.setTokens(tokenPair());
    let attempts = 0;
    const { calls } = mockFetch([
      { method: 'GET', path, respond: () => json(studyVisit, { headers: { ETag: '"3"' } }) },
      {
        method: 'PATCH',
        path: `${path}/follow-ups/${studyVisit.follow_ups[0].id}`,
        respond: (req) => {
          attempts += 1;
          if (attempts === 1) return problem(503, { code: 'service_unavailable', detail: 'down' }, { 'Retry-After': '5' });
          const status = (req.body as { status: 'open' | 'done' }).status;
          return json(
            { ...studyVisit, version: 4, follow_ups: [{ ...studyVisit.follow_ups[0], status }, studyVisit.follow_ups[1]] },
            { headers: { ETag: '"4"' } },
          );
        },
      },
    ]);
    renderPage();
    const user = userEvent.setup();
    const followUps = await screen.findByRole('region', { name: 'Follow-ups' });
    expect(within(followUps).queryByRole('button', { name: 'Mark “Write a note on the physician” done' })).not.toBeInTheDocument();
    const toggle = within(followUps).getByRole('button', { name: 'Mark “Share the return-plan template” done' });

    await user.click(toggle);
    expect(await within(followUps).findByRole('alert')).toBeInTheDocument();
    await user.click(toggle);
    expect(await within(followUps).findByRole('button', { name: 'Reopen “Share the return-plan template”' })).toBeInTheDocument();
    const row = within(followUps).getByRole('rowheader', { name: 'Share the return-plan template' }).closest('tr')!;
    expect(within(row as HTMLElement).getByText('Done')).toBeInTheDocument();
    await waitFor(() => expect(within(followUps).queryByRole('alert')).not.toBeInTheDocument());
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches.map((c) => c.body)).toEqual([{ status: 'done' }, { status: 'done' }]);
  });

  it('lets an editor open the form with the activity’s values', async () => {
    sessionStore.setTokens(tokenPair());
    mockFetch([
      { method: 'GET', path, respond: () => json({ ...studyVisit, can_edit: true, can_delete: true }, { headers: { ETag: '"3"' } }) },
      { method: 'GET', path: `/api/v1/programmes/${studyVisit.programme_id}/members`, respond: () => json({ items: [], page: 1, page_size: 100, total: 0 }) },
      { method: 'GET', path: `/api/v1/programmes/${studyVisit.programme_id}/practices`, respond: () => json({ items: [], page: 1, page_size: 100, total: 0 }) },
    ]);
    renderPage();
    const user = userEvent.setup();
    expect(await screen.findByRole('button', { name: 'Delete' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByDisplayValue('Study visit to Leuven')).toBeInTheDocument();
    expect(within(dialog).getByDisplayValue('Share the return-plan template')).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: 'One coach from diagnosis to work' })).toBeChecked();
  });

  it('shows a peer-review meeting’s discussion paper and comment papers under their own headings', async () => {
    sessionStore.setTokens(tokenPair());
    const base = `/api/v1/activities/${peerReview.id}`;
    const file = (id: string, file_name: string, role: 'discussion_paper' | 'comment_paper') => ({
      id,
      owner_type: 'activity',
      owner_id: peerReview.id,
      file_name,
      role,
      media_type: 'application/pdf',
      size: 120_000,
      sha256: 'ab'.repeat(32),
      uploaded_by: { id: 'u1', name: 'Els Peeters' },
      created_at: '2099-02-01T10:00:00Z',
      can_delete: false,
      download_url: `/api/v1/attachments/${id}`,
      version: 1,
    });
    mockFetch([
      { method: 'GET', path: base, respond: () => json({ ...peerReview, can_edit: true }, { headers: { ETag: '"1"' } }) },
      {
        method: 'GET',
        path: `${base}/attachments`,
        respond: () => json({ items: [file('f1', 'Discussion paper NL.pdf', 'discussion_paper'), file('f2', 'Comments BE.pdf', 'comment_paper')] }),
      },
    ]);
    renderRoutes([{ path: '/activities/:id', element: <ActivityPage /> }], `/activities/${peerReview.id}`);

    const files = await screen.findByRole('region', { name: /Files/ });
    const discussion = await within(files).findByRole('heading', { name: 'Discussion paper' });
    expect(discussion.parentElement).toHaveTextContent('Discussion paper NL.pdf');
    const comments = within(files).getByRole('heading', { name: 'Comment papers' });
    expect(comments.parentElement).toHaveTextContent('Comments BE.pdf');
    expect(comments.parentElement).not.toHaveTextContent('Discussion paper NL.pdf');
    // An editor chooses what the file is when adding one.
    expect(within(files).getByLabelText('What is this file?')).toBeInTheDocument();
  });
});
