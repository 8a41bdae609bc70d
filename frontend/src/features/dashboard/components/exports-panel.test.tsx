import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '@/api/session-store';
import i18n from '@/i18n';
import { mockFetch } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { ExportsPanel } from './exports-panel';

const programmeId = '1b2c3d4e-0000-4000-8000-000000000100';

describe('ExportsPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the spreadsheets in the interface language by default, and with a BOM for Excel when chosen', async () => {
    await i18n.changeLanguage('nl');
    sessionStore.setTokens(tokenPair());
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    const csv = () => new Response('a,b\r\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="adaptations.csv"' } });
    const { calls } = mockFetch([{ method: 'GET', path: `/api/v1/programmes/${programmeId}/exports/adaptations.csv`, respond: csv }]);
    renderWithProviders(<ExportsPanel programmeId={programmeId} />);
    const user = userEvent.setup();

    const language = await screen.findByRole('combobox', { name: /Taal van de spreadsheets/ });
    expect(language).toHaveValue('nl');
    await user.click(screen.getByRole('button', { name: /adaptations\.csv/ }));
    await screen.findByText(/adaptations\.csv/, { selector: '[role="status"]' });
    expect(new URLSearchParams(calls[0].search).get('lang')).toBe('nl');
    expect(new URLSearchParams(calls[0].search).has('bom')).toBe(false);

    await user.selectOptions(language, 'Français');
    await user.click(screen.getByRole('checkbox', { name: /Excel \(BOM\)/ }));
    await user.click(screen.getByRole('button', { name: /adaptations\.csv/ }));
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    const second = new URLSearchParams(calls[1].search);
    expect(second.get('lang')).toBe('fr');
    expect(second.get('bom')).toBe('true');
  });

  it('offers the activities as a spreadsheet in the chosen language', async () => {
    await i18n.changeLanguage('de');
    sessionStore.setTokens(tokenPair());
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    const csv = () => new Response('a,b\r\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="activities.csv"' } });
    const { calls } = mockFetch([{ method: 'GET', path: `/api/v1/programmes/${programmeId}/exports/activities.csv`, respond: csv }]);
    renderWithProviders(<ExportsPanel programmeId={programmeId} />);
    const user = userEvent.setup();
    expect(await screen.findByText('Aktivitäten')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /activities\.csv/ }));
    await screen.findByText(/activities\.csv/, { selector: '[role="status"]' });
    expect(new URLSearchParams(calls[0].search).get('lang')).toBe('de');
    await i18n.changeLanguage('en');
  });
});
