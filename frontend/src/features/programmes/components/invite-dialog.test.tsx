import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { Invitation } from '@/api/types';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { organisation, programme, tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { InviteDialog } from './invite-dialog';

const inviteUrl = 'http://127.0.0.1:8080/invitations/abcdefghijklmnopqrstuvwxyz0123456789';

function invitationFrom(body: Record<string, unknown>): Invitation {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    email: String(body.email),
    name: String(body.name ?? ''),
    organisation_id: String(body.organisation_id),
    programme_id: String(body.programme_id),
    roles: body.roles as Invitation['roles'],
    locale: (body.locale ?? 'en') as Invitation['locale'],
    created_at: '2025-05-01T10:00:00Z',
    expires_at: '2025-05-15T10:00:00Z',
    accepted_at: null,
    status: 'pending',
    invite_url: inviteUrl,
  };
}

function organisationsPage() {
  return json({ items: [organisation], page: 1, page_size: 100, total: 1 });
}

async function fillInvite(language?: string) {
  const user = userEvent.setup();
  const dialog = await screen.findByRole('dialog', { name: 'Invite a member' });
  await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'new.partner@example.org');
  await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Nina Nieuw');
  const select = within(dialog).getByRole('combobox', { name: 'Organisation' });
  await waitFor(() => expect(within(select).getByRole('option', { name: 'Werkwijs vzw (BE)' })).toBeInTheDocument());
  await user.selectOptions(select, 'Werkwijs vzw (BE)');
  await user.click(within(dialog).getByRole('checkbox', { name: /Partner/ }));
  if (language) await user.selectOptions(within(dialog).getByRole('combobox', { name: /Language for e-mails/ }), language);
  await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
  return { user, dialog };
}

describe('InviteDialog', () => {
  it('creates the invitation and shows the invite URL with a copy button', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: '/api/v1/organisations', respond: organisationsPage },
      { method: 'POST', path: '/api/v1/invitations', respond: (req) => json(invitationFrom(req.body as Record<string, unknown>), { status: 201 }) },
    ]);
    renderWithProviders(<InviteDialog programme={programme} open onOpenChange={() => undefined} />);

    const { user } = await fillInvite('Français');

    const link = await screen.findByRole('textbox', { name: 'Invitation link' });
    expect(link).toHaveValue(inviteUrl);
    expect(link).toHaveAttribute('readonly');
    expect(screen.getByRole('dialog', { name: 'Invitation created' })).toBeInTheDocument();

    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({
      email: 'new.partner@example.org',
      name: 'Nina Nieuw',
      organisation_id: organisation.id,
      programme_id: programme.id,
      roles: ['partner'],
      locale: 'fr',
    });
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);

    // user-event installs a clipboard stub; watch what is written to it.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(inviteUrl);
    expect(await navigator.clipboard.readText()).toBe(inviteUrl);
    expect(await screen.findByText('Link copied')).toBeInTheDocument();
    expect(screen.getByText('Link copied').closest('[role="status"]')).not.toBeNull();
  });

  it('shows server field errors next to the field and reuses the idempotency key on retry', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: '/api/v1/organisations', respond: organisationsPage },
      {
        method: 'POST',
        path: '/api/v1/invitations',
        respond: () =>
          problem(400, { code: 'validation_failed', errors: [{ field: 'email', message: 'is already a member of this programme' }] }),
      },
    ]);
    renderWithProviders(<InviteDialog programme={programme} open onOpenChange={() => undefined} />);

    const { user, dialog } = await fillInvite();

    const email = within(dialog).getByRole('textbox', { name: 'E-mail' });
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/is already a member of this programme/);
    expect(email).toHaveFocus();
    expect(within(dialog).getByText(/Please correct the error below/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    const [first, second] = calls.filter((c) => c.method === 'POST');
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
  });

  it('requires an organisation and at least one role', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([{ method: 'GET', path: '/api/v1/organisations', respond: organisationsPage }]);
    renderWithProviders(<InviteDialog programme={programme} open onOpenChange={() => undefined} />);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: 'Invite a member' });

    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'x@example.org');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));

    expect(await within(dialog).findByText('Choose an organisation.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one role.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
