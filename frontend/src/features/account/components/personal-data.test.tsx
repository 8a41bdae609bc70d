import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/api/session-store';
import i18n from '@/i18n';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { tokenPair, user } from '@/test/fixtures';
import { renderRoutes, renderWithProviders } from '@/test/render';
import { DownloadDataSection } from './download-data-section';
import { EraseAccountSection } from './erase-account-section';
import { PrivacyPage } from './privacy-page';

describe('Download my data', () => {
  beforeEach(() => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
  });

  it('fetches the export with the session and saves it as a file', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([{ method: 'GET', path: '/api/v1/me/export', respond: () => json({ user, memberships: [] }) }]);
    renderWithProviders(<DownloadDataSection />);
    await userEvent.click(screen.getByRole('button', { name: 'Download my data' }));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    expect(calls[0].headers.get('Authorization')).toBe('Bearer access-1');
    expect(await screen.findByText(/Your data was saved as peerbridge-my-data-/)).toBeInTheDocument();
  });
});

function renderErase() {
  return renderRoutes(
    [
      { path: '/account', element: <EraseAccountSection email={user.email} /> },
      { path: '/login', element: <h1>Sign-in page</h1> },
    ],
    '/account',
  );
}

async function openAndConfirm(password: string) {
  const u = userEvent.setup();
  await u.click(screen.getByRole('button', { name: 'Erase my account…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Erase your account for good?' });
  if (password) await u.type(screen.getByLabelText(/^Current password/), password);
  await u.click(screen.getByRole('button', { name: 'Erase my account' }));
  return dialog;
}

describe('Erase my account', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('warns first, then erases with the password and signs out', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'POST', path: '/api/v1/me/erase', respond: () => new Response(null, { status: 204 }) },
      { method: 'POST', path: '/api/v1/auth/logout', respond: () => problem(401) },
    ]);
    renderErase();
    expect(screen.getByText(/cannot be undone/)).toBeInTheDocument();
    expect(screen.getByText(/Former member 7F3A/)).toBeInTheDocument();

    await openAndConfirm('correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Sign-in page' })).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/me/erase')?.body).toEqual({ password: 'correct horse battery' });
    expect(sessionStore.getSnapshot().status).toBe('anonymous');
  });

  it('needs the password before sending anything', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([]);
    renderErase();
    await openAndConfirm('');
    expect(await screen.findByText('This field is required.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('says when the password is wrong, on the field', async () => {
    sessionStore.setTokens(tokenPair());
    mockFetch([
      {
        method: 'POST',
        path: '/api/v1/me/erase',
        respond: () => problem(400, { code: 'validation_failed', errors: [{ field: 'password', code: 'invalid', message: 'is not your current password' }] }),
      },
    ]);
    renderErase();
    await openAndConfirm('wrong password!');
    expect(await screen.findByText('The current password is incorrect.')).toBeInTheDocument();
    expect(sessionStore.getSnapshot().status).toBe('authenticated');
  });

  it('tells the last coordinator to appoint another one, in the interface language', async () => {
    await i18n.changeLanguage('de');
    sessionStore.setTokens(tokenPair());
    mockFetch([{ method: 'POST', path: '/api/v1/me/erase', respond: () => problem(409, { code: 'last_coordinator' }) }]);
    renderErase();
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Mein Konto löschen…' }, { timeout: 5000 }));
    await u.type(await screen.findByLabelText(/^Aktuelles Passwort|^Current password/), 'correct horse battery');
    await u.click(screen.getByRole('button', { name: 'Mein Konto löschen' }));
    expect(await screen.findByText(/Sie koordinieren ein Programm als Letzte/)).toBeInTheDocument();
  });
});

describe('PrivacyPage', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('says what is stored and why, and how to export or erase', async () => {
    renderWithProviders(<PrivacyPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'What we store and why' })).toBeInTheDocument();
    expect(screen.getAllByRole('term').length).toBeGreaterThanOrEqual(8);
    expect(screen.getByText(/only as a one-way hash/)).toBeInTheDocument();
    expect(screen.getByText(/Download everything held about you/)).toBeInTheDocument();
  });

  it.each([
    ['nl', 'Wat wij bewaren en waarom'],
    ['fr', 'Ce que nous conservons et pourquoi'],
    ['de', 'Was wir speichern und warum'],
  ])('speaks %s', async (lang, heading) => {
    await i18n.changeLanguage(lang);
    renderWithProviders(<PrivacyPage />);
    expect(await screen.findByRole('heading', { name: heading }, { timeout: 5000 })).toBeInTheDocument();
  });
});
