import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { PracticeSummary } from '@/api/types';
import type { ProgrammeOutletContext } from '@/lib/programme-context';
import { json, mockFetch, type RecordedRequest } from '@/test/fetch-mock';
import { practice, programme, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { PracticesCatalogue } from './practices-catalogue';

const summary: PracticeSummary = {
  id: practice.id,
  programme_id: programme.id,
  programme_name: programme.name,
  organisation: practice.organisation,
  title: 'Werk-leerplekken in de logistiek',
  summary: 'Een logistiek bedrijf stelt werk-leerplekken open voor werknemers van andere werkgevers.',
  language: 'nl',
  country: 'NL',
  themes: ['employer_engagement'],
  target_groups: [],
  status: 'published',
  evidence_level: 'monitoring',
  translations_available: ['en'],
  updated_at: '2025-05-01T10:00:00Z',
  published_at: '2025-05-01T10:00:00Z',
};

function renderCatalogue(path = `/programmes/${programme.id}/practices`) {
  const context: ProgrammeOutletContext = { programme: { ...programme, my_roles: ['partner'] }, etag: '"3"', canCoordinate: false };
  return renderRoutes(
    [
      {
        path: '/programmes/:id',
        element: <Outlet context={context} />,
        children: [{ path: 'practices', element: <PracticesCatalogue /> }],
      },
      { path: '/practices/:id', element: <h1>Practice page</h1> },
    ],
    path,
  );
}

const searches = (calls: RecordedRequest[]) =>
  calls.filter((c) => c.method === 'GET' && c.path === `/api/v1/programmes/${programme.id}/practices`).map((c) => new URLSearchParams(c.search));

describe('PracticesCatalogue', () => {
  it('puts the search and the filters in the URL and asks the API for exactly them', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: `/api/v1/programmes/${programme.id}/practices`,
        respond: (req) => {
          const q = new URLSearchParams(req.search).get('q');
          return json(q ? { items: [summary], page: 1, page_size: 20, total: 1 } : { items: [], page: 1, page_size: 20, total: 0 });
        },
      },
    ]);
    const { router } = renderCatalogue();
    const user = userEvent.setup();

    expect(await screen.findByText('No practices yet')).toBeInTheDocument();
    expect(Object.fromEntries(searches(calls)[0])).toEqual({ sort: '-updated_at', page: '1', page_size: '20' });

    // Search on Enter.
    await user.type(screen.getByRole('searchbox', { name: 'Search practices' }), 'werkgevers{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?q=werkgevers'));
    expect(await screen.findByRole('link', { name: summary.title })).toHaveAttribute('href', `/practices/${summary.id}`);
    // The count is a live region, so the new number is announced.
    expect(screen.getByText('1 practice')).toHaveAttribute('aria-live', 'polite');
    const searched = searches(calls).at(-1)!;
    expect(searched.get('q')).toBe('werkgevers');
    // With search words, the best match comes first.
    expect(searched.get('sort')).toBe('relevance');

    // A filter joins the search in the URL and in the request.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Employer engagement');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Evidence level' }), 'Monitoring');
    await waitFor(() => {
      const url = new URLSearchParams(router.state.location.search);
      expect(url.get('q')).toBe('werkgevers');
      expect(url.get('theme')).toBe('employer_engagement');
      expect(url.get('evidence_level')).toBe('monitoring');
    });
    await waitFor(() => {
      const last = searches(calls).at(-1)!;
      expect(last.get('theme')).toBe('employer_engagement');
      expect(last.get('evidence_level')).toBe('monitoring');
      expect(last.get('q')).toBe('werkgevers');
    });

    // The card shows organisation, country, theme titles and languages.
    const card = screen.getByRole('link', { name: summary.title }).closest('article') as HTMLElement;
    expect(card).toHaveTextContent('Werkwijs vzw');
    expect(card).toHaveTextContent('NL');
    expect(within(card).getByRole('list', { name: 'Themes' })).toHaveTextContent('Employer engagement');
    expect(card).toHaveTextContent('Dutch (original), English');

    // Back goes to the previous search.
    await router.navigate(-1);
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('evidence_level')).toBeNull());
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Evidence level' })).toHaveValue(''));
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('employer_engagement');
  });

  it('reads a linked search from the URL', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/practices`, respond: () => json({ items: [summary], page: 2, page_size: 20, total: 21 }) },
    ]);
    renderCatalogue(`/programmes/${programme.id}/practices?q=coach&country=NL&status=published&sort=title&page=2`);

    expect(await screen.findByRole('link', { name: summary.title })).toBeInTheDocument();
    expect(Object.fromEntries(searches(calls)[0])).toEqual({
      q: 'coach',
      country: 'NL',
      status: 'published',
      sort: 'title',
      page: '2',
      page_size: '20',
    });
    expect(screen.getByRole('searchbox', { name: 'Search practices' })).toHaveValue('coach');
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('NL');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('title');
    expect(screen.getByText('21–21 of 21')).toBeInTheDocument();
  });
});
