import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY, sessionStore } from '@/api/session-store';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { SignInPage } from './sign-in-page';

function renderSignIn() {
  return renderRoutes(
    [
      { path: '/login', element: <SignInPage /> },
      { path: '/programmes', element: <h1>Programmes page</h1> },
    ],
    '/login',
  );
}

async function fillAndSubmit(email = 'partner.be@peerbridge.example', password = 'not-the-password') {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'E-mail' }), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('SignInPage', () => {
  it('shows and announces "E-mail or password is incorrect" on a 401', async () => {
    const { calls } = mockFetch([
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        respond: () => problem(401, { title: 'Unauthorized', code: 'invalid_credentials' }),
      },
    ]);
    renderSignIn();

    await fillAndSubmit();

    const alert = await screen.findByRole('alert', {}, { timeout: 2000 });
    await waitFor(() => expect(alert).toHaveTextContent('E-mail or password is incorrect.'));
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ email: 'partner.be@peerbridge.example', password: 'not-the-password' });
    expect(sessionStore.getSnapshot().status).toBe('anonymous');
    // Still on the sign-in page, ready for another try.
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('disables the submit button while signing in', async () => {
    let release: (r: Response) => void = () => undefined;
    mockFetch([
      { method: 'POST', path: '/api/v1/auth/login', respond: () => new Promise<Response>((r) => (release = r)) },
    ]);
    renderSignIn();

    await fillAndSubmit();

    const pendingButton = await screen.findByRole('button', { name: /Signing in/ });
    expect(pendingButton).toBeDisabled();
    release(problem(401));
    await screen.findByText('E-mail or password is incorrect.');
  });

  it('tells how long to wait after too many attempts (429 + Retry-After)', async () => {
    mockFetch([
      { method: 'POST', path: '/api/v1/auth/login', respond: () => problem(429, { code: 'too_many_attempts' }, { 'Retry-After': '300' }) },
    ]);
    renderSignIn();

    await fillAndSubmit();

    expect(await screen.findByText('Too many attempts. Try again in 5 minutes.')).toBeInTheDocument();
  });

  it('checks required fields before calling the server and focuses the first invalid field', async () => {
    const { calls } = mockFetch([]);
    renderSignIn();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByRole('textbox', { name: 'E-mail' });
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/required/);
    expect(calls).toHaveLength(0);
  });

  it('signs in, keeps the refresh token and goes to the programmes', async () => {
    mockFetch([{ method: 'POST', path: '/api/v1/auth/login', respond: () => json(tokenPair('a-1', 'r-1')) }]);
    const { router } = renderSignIn();

    await fillAndSubmit('coordinator@peerbridge.example', 'peerbridge-demo');

    expect(await screen.findByRole('heading', { name: 'Programmes page' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/programmes');
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('r-1');
    expect(sessionStore.getAccessToken()).toBe('a-1');
  });
});
