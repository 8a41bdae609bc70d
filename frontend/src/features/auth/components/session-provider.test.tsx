import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import i18n, { LANGUAGE_STORAGE_KEY } from '@/i18n';
import { useNavigate } from 'react-router';
import { REFRESH_TOKEN_KEY, sessionStore } from '@/api/session-store';
import type { TokenPair } from '@/api/types';
import { AppLayout } from '@/components/layout/app-layout';
import { useSession } from '@/lib/session';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { tokenPair, user } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { RequireAuth } from './require-auth';

const routes = [
  { path: '/login', element: <h1>Sign-in page</h1> },
  {
    element: (
      <StrictMode>
        <RequireAuth>
          <AppLayout navItems={[]} />
        </RequireAuth>
      </StrictMode>
    ),
    children: [{ path: '/programmes', element: <h1>Private page</h1> }],
  },
];

describe('session', () => {
  it('restores the session from the stored refresh token with a single refresh', async () => {
    window.localStorage.setItem(REFRESH_TOKEN_KEY, 'stored-refresh');
    sessionStore.reset();
    const { calls } = mockFetch([
      { method: 'POST', path: '/api/v1/auth/refresh', respond: () => json(tokenPair('a-2', 'r-2')) },
    ]);

    renderRoutes(routes, '/programmes');

    expect(await screen.findByRole('heading', { name: 'Private page' })).toBeInTheDocument();
    expect(screen.getByText(user.name)).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(calls[0].body).toEqual({ refresh_token: 'stored-refresh' });
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('r-2');
  });

  it('sends people without a valid session to the sign-in page', async () => {
    window.localStorage.setItem(REFRESH_TOKEN_KEY, 'revoked');
    sessionStore.reset();
    mockFetch([{ method: 'POST', path: '/api/v1/auth/refresh', respond: () => problem(401) }]);

    const { router } = renderRoutes(routes, '/programmes');

    expect(await screen.findByRole('heading', { name: 'Sign-in page' })).toBeInTheDocument();
    expect(router.state.location.state).toEqual({ from: '/programmes' });
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('signs out on the server, forgets the tokens and shows the sign-in page', async () => {
    sessionStore.setTokens(tokenPair('a-1', 'r-1'));
    const { calls } = mockFetch([{ method: 'POST', path: '/api/v1/auth/logout', respond: () => new Response(null, { status: 204 }) }]);
    renderRoutes(routes, '/programmes');

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign-in page' })).toBeInTheDocument();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/v1/auth/logout']);
    expect(calls[0].headers.get('Authorization')).toBe('Bearer a-1');
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(sessionStore.getAccessToken()).toBeNull();
  });

  it('speaks the account locale after signing in on a browser with no language chosen, and saves a switch as the locale', async () => {
    const { calls } = mockFetch([
      { method: 'PATCH', path: '/api/v1/me', respond: (req) => json({ ...user, ...(req.body as object) }) },
    ]);
    renderRoutes([{ path: '/login', element: <SignInWith pair={tokenPair('a-1', 'r-1', { ...user, locale: 'fr' })} /> }, ...routes.slice(1)], '/login');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign in now' }));

    await waitFor(() => expect(i18n.language).toBe('fr'));
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();

    await userEvent.setup().selectOptions(await screen.findByRole('combobox', { name: 'Langue' }), 'Deutsch');
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ locale: 'de' });
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('de');
    expect(i18n.language).toBe('de');
  });

  it('keeps the language this browser chose over the account locale', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    mockFetch([]);
    renderRoutes([{ path: '/login', element: <SignInWith pair={tokenPair('a-1', 'r-1', { ...user, locale: 'nl' })} /> }, ...routes.slice(1)], '/login');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign in now' }));

    expect(await screen.findByRole('heading', { name: 'Private page' })).toBeInTheDocument();
    expect(i18n.language).toBe('en');
  });
});

/** Signs in with a given token pair, as the sign-in page does after the server answered. */
function SignInWith({ pair }: { pair: TokenPair }) {
  const { signIn } = useSession();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      onClick={() => {
        signIn(pair);
        navigate('/programmes');
      }}
    >
      Sign in now
    </button>
  );
}
