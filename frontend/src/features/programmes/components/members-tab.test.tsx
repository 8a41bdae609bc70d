import { screen, within } from '@testing-library/react';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Member } from '@/api/types';
import i18n from '@/i18n';
import type { ProgrammeOutletContext } from '@/lib/programme-context';
import { json, mockFetch } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { MembersTab } from './members-tab';

const werkbrug = { id: 'a0000000-0000-4000-8000-000000000002', name: 'Werkbrug', country: 'NL' };
const members: Member[] = [
  { user_id: 'b0000000-0000-4000-8000-000000000001', name: 'Anna de Vries', organisation: werkbrug, roles: ['partner'], created_at: '2026-03-01T10:00:00Z' },
  { user_id: 'b0000000-0000-4000-8000-000000000002', name: 'Former member 7F3A', organisation: werkbrug, roles: ['reviewer'], created_at: '2026-03-01T10:00:00Z' },
];

function renderTab(roles: ProgrammeOutletContext['programme']['my_roles']) {
  sessionStore.setTokens(tokenPair());
  mockFetch([
    {
      method: 'GET',
      path: `/api/v1/programmes/${programme.id}/members`,
      respond: () => json({ items: members, page: 1, page_size: 20, total: 2, total_is_estimate: false }),
    },
    { method: 'GET', path: `/api/v1/programmes/${programme.id}/invitations`, respond: () => json({ items: [], page: 1, page_size: 20, total: 0, total_is_estimate: false }) },
  ]);
  const context: ProgrammeOutletContext = { programme: { ...programme, my_roles: roles }, etag: '"3"', canCoordinate: roles.includes('coordinator') };
  return renderRoutes(
    [{ path: '/programmes/:id', element: <Outlet context={context} />, children: [{ path: 'members', element: <MembersTab /> }] }],
    `/programmes/${programme.id}/members`,
  );
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('MembersTab', () => {
  it('links a coordinator to each organisation’s learning profile, and names an erased member in the reader’s language', async () => {
    await i18n.changeLanguage('nl');
    renderTab(['coordinator']);
    const row = (await screen.findByRole('rowheader', { name: 'Anna de Vries' })).closest('tr') as HTMLElement;
    expect(within(row).getByRole('link', { name: /^Leerprofiel ?\(Werkbrug\)$/ })).toHaveAttribute(
      'href',
      `/programmes/${programme.id}/learning?organisation=${werkbrug.id}`,
    );
    expect(screen.getByRole('rowheader', { name: 'Voormalig lid 7F3A' })).toBeInTheDocument();
  });

  it('gives other members no link to another organisation’s profile', async () => {
    renderTab(['partner']);
    await screen.findByRole('rowheader', { name: 'Anna de Vries' });
    expect(screen.queryByRole('link', { name: /Learning profile/ })).not.toBeInTheDocument();
  });
});
