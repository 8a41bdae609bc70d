import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { mockFetch, problem } from '@/test/fetch-mock';
import { renderRoutes } from '@/test/render';
import { ForgotPasswordPage } from './forgot-password-page';
import { ResetPasswordPage } from './reset-password-page';
import { SignInPage } from './sign-in-page';

function renderPages(path: string) {
  return renderRoutes(
    [
      { path: '/login', element: <SignInPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
    ],
    path,
  );
}

describe('password reset', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('is reached from the sign-in page and says the same whatever the address', async () => {
    const { calls } = mockFetch([{ method: 'POST', path: '/api/v1/auth/password-reset', respond: () => new Response(null, { status: 202 }) }]);
    renderPages('/login');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }, { timeout: 5000 }));
    await user.type(await screen.findByRole('textbox', { name: 'E-mail' }, { timeout: 5000 }), ' someone@example.org ');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(await screen.findByText(/If someone@example.org belongs to a Peerbridge account/)).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ email: 'someone@example.org' });
  });

  it('asks for the address before sending anything', async () => {
    const { calls } = mockFetch([]);
    renderPages('/forgot-password');
    await userEvent.click(await screen.findByRole('button', { name: 'Send the link' }, { timeout: 5000 }));
    expect(await screen.findByText('This field is required.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('sets the new password with the token from the link', async () => {
    const { calls } = mockFetch([
      { method: 'POST', path: '/api/v1/auth/password-reset/confirm', respond: () => new Response(null, { status: 204 }) },
    ]);
    const { router } = renderPages('/reset-password?token=tok-123');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^New password/, {}, { timeout: 5000 }), 'a brand new passphrase');
    // The token has left the address bar (and so the history), but not the page.
    expect(router.state.location.search).toBe('');
    await user.type(screen.getByLabelText(/^Confirm/), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));

    expect(await screen.findByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument();
    expect(calls[0].body).toEqual({ token: 'tok-123', password: 'a brand new passphrase' });
    expect(screen.getByRole('link', { name: 'Go to the sign-in page' })).toHaveAttribute('href', '/login');
  });

  it('checks the passwords match and are long enough before sending', async () => {
    const { calls } = mockFetch([]);
    renderPages('/reset-password?token=tok-123');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^New password/, {}, { timeout: 5000 }), 'short');
    await user.type(screen.getByLabelText(/^Confirm/), 'different');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(await screen.findByText('Use at least 12 characters.')).toBeInTheDocument();
    expect(screen.getByText('The passwords do not match.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('explains a used or expired link and offers a new one', async () => {
    mockFetch([
      { method: 'POST', path: '/api/v1/auth/password-reset/confirm', respond: () => problem(410, { code: 'reset_token_invalid' }) },
    ]);
    renderPages('/reset-password?token=old');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^New password/, {}, { timeout: 5000 }), 'a brand new passphrase');
    await user.type(screen.getByLabelText(/^Confirm/), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('This link cannot be used'));
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });

  it('treats a link without a token as unusable, in the reader’s language', async () => {
    await i18n.changeLanguage('nl');
    mockFetch([]);
    renderPages('/reset-password');
    expect(await screen.findByRole('heading', { name: 'Deze link werkt niet' }, { timeout: 5000 })).toBeInTheDocument();
  });
});
