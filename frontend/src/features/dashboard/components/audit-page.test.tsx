import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import i18n from '@/i18n';
import type { ProgrammeOutletContext } from '@/lib/programme-context';
import { json, mockFetch, type RecordedRequest } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import type { AuditEntry } from '../api/types';
import { AuditPage } from './audit-page';

const practiceId = '7c1d2e3f-0000-4000-8000-000000000201';
const annaId = '7c1d2e3f-0000-4000-8000-000000000301';
const entries: AuditEntry[] = [
  {
    id: 3,
    action: 'practice.decided',
    object_type: 'practice',
    object_id: practiceId,
    object_title: 'Werkplekleren in de logistiek',
    actor_id: annaId,
    actor_name: 'Anna Peeters',
    before: { status: 'in_review' },
    after: { status: 'published', outcome: 'good_practice', round_id: '7c1d2e3f-0000-4000-8000-000000000401' },
    at: '2026-03-02T10:00:00Z',
  },
  {
    id: 2,
    action: 'assignment.created',
    object_type: 'assignment',
    object_id: '7c1d2e3f-0000-4000-8000-000000000501',
    object_title: 'Werkplekleren in de logistiek — Claire Dubois',
    actor_id: null,
    actor_name: '',
    before: null,
    after: { practice_id: practiceId, reviewer_id: '7c1d2e3f-0000-4000-8000-000000000302', source: 'auto' },
    at: '2026-03-01T10:00:00Z',
  },
  {
    id: 1,
    action: 'membership.roles_changed',
    object_type: 'user',
    object_id: '7c1d2e3f-0000-4000-8000-000000000302',
    object_title: 'Claire Dubois',
    actor_id: annaId,
    actor_name: 'Anna Peeters',
    before: { roles: [] },
    after: { roles: ['reviewer', 'partner'] },
    at: '2026-02-28T10:00:00Z',
  },
];

function renderAudit(path = `/programmes/${programme.id}/audit`) {
  const context: ProgrammeOutletContext = { programme: { ...programme, my_roles: ['coordinator'] }, etag: '"3"', canCoordinate: true };
  return renderRoutes(
    [{ path: '/programmes/:id', element: <Outlet context={context} />, children: [{ path: 'audit', element: <AuditPage /> }] }],
    path,
  );
}

const auditCalls = (calls: RecordedRequest[]) =>
  calls.filter((c) => c.method === 'GET' && c.path === `/api/v1/programmes/${programme.id}/audit`).map((c) => new URLSearchParams(c.search));

function mockAudit() {
  return mockFetch([
    { method: 'GET', path: `/api/v1/programmes/${programme.id}/audit`, respond: () => json({ items: entries, page: 1, page_size: 20, total: 3 }) },
    {
      method: 'GET',
      path: `/api/v1/programmes/${programme.id}/members`,
      respond: () => json({ items: [{ user_id: annaId, name: 'Anna Peeters', email: 'anna@example.org', organisation: { id: 'o', name: 'Werkbrug', country: 'NL' }, roles: ['coordinator'] }], page: 1, page_size: 100, total: 1 }),
    },
  ]);
}

describe('AuditPage', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('names objects and people and renders actions and values as labels in the reader’s language', async () => {
    await i18n.changeLanguage('fr');
    sessionStore.setTokens(tokenPair());
    mockAudit();
    renderAudit();
    const table = await screen.findByRole('table', { name: /Entrées du journal|journal/i });
    const rows = within(table).getAllByRole('row').slice(1);
    // A decision: the practice by its title (a link), the person by name, action and values in French.
    const decided = rows[0];
    expect(within(decided).getByRole('link', { name: 'Werkplekleren in de logistiek' })).toHaveAttribute('href', `/practices/${practiceId}`);
    expect(within(decided).getByText('Anna Peeters')).toBeInTheDocument();
    expect(within(decided).getByText('Décision enregistrée')).toBeInTheDocument();
    expect(within(decided).getByText('Publiée', { exact: false })).toBeInTheDocument();
    expect(within(decided).getByText('Bonne pratique', { exact: false })).toBeInTheDocument();
    // An automatic assignment by the system, named by practice and reviewer, with no raw ids.
    const assigned = rows[1];
    expect(within(assigned).getByText('Werkplekleren in de logistiek — Claire Dubois')).toBeInTheDocument();
    expect(within(assigned).getByText('Le système')).toBeInTheDocument();
    expect(within(assigned).getByText('Attribuée automatiquement', { exact: false })).toBeInTheDocument();
    // Roles as labels.
    expect(within(rows[2]).getByText('Évaluateur·rice, Partenaire', { exact: false })).toBeInTheDocument();
    // No id and no dotted key anywhere in the table.
    expect(table.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|practice\.decided|good_practice|in_review|_id/);
  });

  it('filters by choices: actions by their labels, kinds of object, and members by name', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockAudit();
    renderAudit();
    const user = userEvent.setup();
    await screen.findByRole('table');
    const actions = screen.getByRole('combobox', { name: 'Action' });
    expect(within(actions).getByRole('option', { name: 'Decision recorded' })).toHaveValue('practice.decided');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of object' }), 'Practice');
    // Only the practice's actions remain on offer.
    expect(within(actions).queryByRole('option', { name: 'Reviewer assigned' })).not.toBeInTheDocument();
    await user.selectOptions(actions, 'Decision recorded');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Person' }), 'Anna Peeters');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByRole('table');
    const last = auditCalls(calls).at(-1)!;
    expect(last.get('object_type')).toBe('practice');
    expect(last.get('action')).toBe('practice.decided');
    expect(last.get('actor_id')).toBe(annaId);
  });
});
