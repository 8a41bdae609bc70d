import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { AppLayout } from '@/components/layout/app-layout';
import { LANGUAGE_STORAGE_KEY } from '@/i18n';
import { tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { navItems } from './navigation';

describe('language switch', () => {
  it('changes the visible text, <html lang> and remembers the choice', async () => {
    sessionStore.setTokens(tokenPair());
    renderRoutes([{ path: '/', element: <AppLayout navItems={navItems} />, children: [{ index: true, element: <p>content</p> }] }]);
    const user = userEvent.setup();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(nav).toHaveTextContent('Programmes');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Nederlands');

    await waitFor(() => expect(screen.getByRole('button', { name: 'Afmelden' })).toBeInTheDocument());
    expect(screen.getByRole('navigation', { name: 'Hoofdnavigatie' })).toHaveTextContent('Programma’s');
    expect(screen.getByRole('link', { name: 'Mijn account' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nl');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Taal' }), 'Français');

    await waitFor(() => expect(screen.getByRole('button', { name: 'Se déconnecter' })).toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Mon compte' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
  });

  it('shows Administration only to administrators', async () => {
    sessionStore.setTokens(tokenPair());
    const first = renderRoutes([{ path: '/', element: <AppLayout navItems={navItems} /> }]);
    expect(screen.queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
    first.unmount();

    sessionStore.setTokens(tokenPair('a', 'r', { ...tokenPair().user, is_admin: true }));
    renderRoutes([{ path: '/', element: <AppLayout navItems={navItems} /> }]);
    expect(screen.getByRole('link', { name: 'Administration' })).toBeInTheDocument();
  });
});
