import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import i18n from '@/i18n';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { programme, tokenPair, user } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { ProfileForm } from './profile-form';

const programmes = {
  items: [
    { ...programme, themes: [{ key: 'employer_engagement', title: 'Employer engagement' }, { key: 'upscaling', title: 'Upscaling' }] },
    { ...programme, id: '7c1d2e3f-0000-4000-8000-000000000101', themes: [{ key: 'upscaling', title: 'Upscaling' }] },
  ],
  page: 1,
  page_size: 100,
  total: 2,
};

describe('ProfileForm', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('offers languages by name and the programmes’ themes by title, and sends their codes and keys', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: '/api/v1/programmes', respond: () => json(programmes) },
      { method: 'PATCH', path: '/api/v1/me', respond: (req) => json({ ...user, ...(req.body as object) }) },
    ]);
    renderWithProviders(<ProfileForm user={user} />);

    expect(screen.getByRole('checkbox', { name: 'Dutch' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'German' })).not.toBeChecked();
    const upscaling = await screen.findByRole('checkbox', { name: 'Upscaling' }, { timeout: 10_000 });
    expect(screen.getAllByRole('checkbox', { name: 'Upscaling' })).toHaveLength(1);

    await userEvent.click(screen.getByRole('checkbox', { name: 'German' }));
    await userEvent.click(upscaling);
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const body = calls.find((c) => c.method === 'PATCH')?.body as { languages: string[]; expertise: string[] };
    expect([...body.languages].sort()).toEqual(['de', 'en', 'nl']);
    expect(body.expertise).toEqual(['upscaling']);
  });

  it('renders the server’s field codes in the interface language, not its English message', async () => {
    await i18n.changeLanguage('nl');
    sessionStore.setTokens(tokenPair());
    mockFetch([
      { method: 'GET', path: '/api/v1/programmes', respond: () => json(programmes) },
      {
        method: 'PATCH',
        path: '/api/v1/me',
        respond: () =>
          problem(400, {
            code: 'validation_failed',
            errors: [{ field: 'expertise[0]', code: 'unknown_theme', message: 'is not a theme of your programmes', params: { value: 'upscaling' } }],
          }),
      },
    ]);
    renderWithProviders(<ProfileForm user={user} />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Upscaling' }, { timeout: 10_000 }));
    await userEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByText('“upscaling” is geen thema van uw programma’s.')).toBeInTheDocument();
    expect(screen.queryByText(/is not a theme/)).not.toBeInTheDocument();
  });
});
