import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import type { LearningMap, LearningProfile, Matches } from '@/api/types';
import i18n from '@/i18n';
import type { ProgrammeOutletContext } from '@/lib/programme-context';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { LearningMapPage } from './learning-map-page';
import { LearningProfilePage } from './learning-profile-page';
import { MatchesPage } from './matches-page';

const themed = {
  ...programme,
  themes: [
    { key: 'early_contact', title: 'Early contact', titles: { nl: 'Vroeg contact', fr: 'Contact précoce', de: 'Früher Kontakt' } },
    { key: 'upscaling', title: 'Scaling up', titles: { nl: 'Opschalen', fr: 'Changer d’échelle', de: 'Ausweiten' } },
  ],
};

const jobcentrum = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Jobcentrum', country: 'BE' };

const savedProfile: LearningProfile = {
  programme_id: programme.id,
  organisation: jobcentrum,
  themes: [
    { key: 'early_contact', offers: true, wants: 'none', questions: [] },
    { key: 'upscaling', offers: false, wants: 'high', questions: ['How did you grow beyond the pilot?'] },
  ],
  version: 2,
  updated_at: '2026-03-01T10:00:00Z',
};

function renderPage(path: string, roles: ProgrammeOutletContext['programme']['my_roles'] = ['partner']) {
  const canCoordinate = roles.includes('coordinator');
  const context: ProgrammeOutletContext = { programme: { ...themed, my_roles: roles }, etag: '"3"', canCoordinate };
  return renderRoutes(
    [
      {
        path: '/programmes/:id',
        element: <Outlet context={context} />,
        children: [
          { path: 'learning', element: <LearningProfilePage /> },
          { path: 'matches', element: <MatchesPage /> },
          { path: 'learning-map', element: <LearningMapPage /> },
          { path: 'practices', element: <h1>Practices</h1> },
        ],
      },
      { path: '/practices/:id', element: <h1>Practice page</h1> },
    ],
    `/programmes/${programme.id}/${path}`,
  );
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('LearningProfilePage', () => {
  it('shows each theme with its offer, want and questions, and saves the edited profile with If-Match', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/learning-profile`, respond: () => json(savedProfile, { headers: { ETag: '"2"' } }) },
      {
        method: 'PUT',
        path: `/api/v1/programmes/${programme.id}/learning-profile`,
        respond: (req) => json({ ...savedProfile, ...(req.body as object), version: 3 }, { headers: { ETag: '"3"' } }),
      },
    ]);
    renderPage('learning');
    const user = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'What Jobcentrum offers and wants to learn, by theme' });
    expect(within(table).getByRole('rowheader', { name: 'Early contact' })).toBeInTheDocument();
    const offersEarly = within(table).getByRole('checkbox', { name: 'Jobcentrum can share experience on “Early contact”' });
    expect(offersEarly).toBeChecked();
    expect(within(table).getByRole('combobox', { name: 'How much Jobcentrum wants to learn about “Scaling up”' })).toHaveValue('high');
    expect(within(table).getByRole('textbox', { name: 'Question 1 on “Scaling up”' })).toHaveValue('How did you grow beyond the pilot?');

    await user.click(offersEarly);
    await user.selectOptions(within(table).getByRole('combobox', { name: 'How much Jobcentrum wants to learn about “Early contact”' }), 'some');
    await user.click(within(table).getByRole('button', { name: 'Add a question on “Early contact”' }));
    await user.type(within(table).getByRole('textbox', { name: 'Question 1 on “Early contact”' }), '  Who calls first?  ');
    await user.click(within(table).getByRole('button', { name: 'Remove question 1 on “Scaling up”' }));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Learning profile saved.')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"2"');
    expect(put?.body).toEqual({
      themes: [
        { key: 'early_contact', offers: false, wants: 'some', questions: ['Who calls first?'] },
        { key: 'upscaling', offers: false, wants: 'high', questions: [] },
      ],
    });
  });

  it('explains a conflict and reloads the latest version, and shows a field error next to its question', async () => {
    sessionStore.setTokens(tokenPair());
    let version = 2;
    let puts = 0;
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: `/api/v1/programmes/${programme.id}/learning-profile`,
        respond: () => json({ ...savedProfile, version }, { headers: { ETag: `"${version}"` } }),
      },
      {
        method: 'PUT',
        path: `/api/v1/programmes/${programme.id}/learning-profile`,
        respond: () => {
          puts += 1;
          if (puts === 1) {
            version = 3;
            return problem(412, { code: 'version_mismatch' });
          }
          return problem(400, {
            code: 'validation_failed',
            errors: [{ field: 'themes[1].questions[0]', code: 'too_short', message: 'must be at least 3 characters', params: { min: 3 } }],
          });
        },
      },
    ]);
    renderPage('learning');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText(/Someone in your organisation changed this profile/)).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2));

    await user.click(await screen.findByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT')[1].headers.get('If-Match')).toBe('"3"');
    const question = await screen.findByRole('textbox', { name: 'Question 1 on “Scaling up”' });
    await waitFor(() => expect(question).toHaveAttribute('aria-invalid', 'true'));
    expect(question).toHaveAccessibleDescription(/3/);
  });

  it('is read-only for reviewers', async () => {
    sessionStore.setTokens(tokenPair());
    mockFetch([{ method: 'GET', path: `/api/v1/programmes/${programme.id}/learning-profile`, respond: () => json(savedProfile, { headers: { ETag: '"2"' } }) }]);
    renderPage('learning', ['reviewer']);
    expect(await screen.findByText('Only partners and coordinators can change their organisation’s profile.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Early contact/ })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save profile' })).not.toBeInTheDocument();
  });

  it('shows a coordinator another organisation’s profile, read-only, in the reader’s language', async () => {
    sessionStore.setTokens(tokenPair());
    const werkbrug = { id: 'a0000000-0000-4000-8000-000000000002', name: 'Werkbrug', country: 'NL' };
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: `/api/v1/programmes/${programme.id}/learning-profile`,
        respond: () => json({ ...savedProfile, organisation: werkbrug }, { headers: { ETag: '"2"' } }),
      },
    ]);
    await i18n.changeLanguage('nl');
    renderPage(`learning?organisation=${werkbrug.id}`, ['coordinator']);
    expect(await screen.findByRole('heading', { name: 'Leerprofiel van Werkbrug' })).toBeInTheDocument();
    expect(calls[0].search).toBe(`?organisation_id=${werkbrug.id}`);
    expect(screen.getByText(/Alleen de eigen partners en coördinatoren kunnen het wijzigen/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Vroeg contact/ })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Profiel opslaan' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alle leden' })).toHaveAttribute('href', `/programmes/${programme.id}/members`);
  });

  it('ignores another organisation asked for by someone who does not coordinate', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      { method: 'GET', path: `/api/v1/programmes/${programme.id}/learning-profile`, respond: () => json(savedProfile, { headers: { ETag: '"2"' } }) },
    ]);
    renderPage('learning?organisation=a0000000-0000-4000-8000-000000000002', ['partner']);
    expect(await screen.findByRole('checkbox', { name: /Early contact/ })).toBeEnabled();
    expect(screen.getByRole('heading', { name: 'Learning profile' })).toBeInTheDocument();
    expect(calls[0].search).toBe('');
  });
});

const matches: Matches = {
  organisation: jobcentrum,
  suggestions: [
    {
      kind: 'organisation',
      organisation: { id: 'a0000000-0000-4000-8000-000000000002', name: 'Werkbrug', country: 'NL' },
      offers: ['early_contact'],
      wants: ['upscaling'],
      reciprocal: true,
      score: 2,
      reasons: [
        { code: 'reciprocal', params: {} },
        { code: 'offers_theme_you_want', params: { theme: 'early_contact', level: 'some' } },
        { code: 'wants_theme_you_offer', params: { theme: 'upscaling', level: 'high' } },
      ],
    },
    {
      kind: 'practice',
      organisation: { id: 'a0000000-0000-4000-8000-000000000003', name: 'Retour', country: 'FR' },
      practice: {
        id: 'p0000000-0000-4000-8000-000000000001',
        title: 'Bilan de reprise',
        summary: '',
        language: 'fr',
        themes: ['upscaling'],
        status: 'published',
        outcome: 'good_practice',
      },
      reciprocal: false,
      score: 7,
      reasons: [
        { code: 'offers_theme_you_want', params: { theme: 'upscaling', level: 'high' } },
        { code: 'answers_question', params: { question: 'How did you grow beyond the pilot?', theme: 'upscaling' } },
        { code: 'judged_good_practice', params: { outcome: 'good_practice' } },
      ],
    },
  ],
};

describe('MatchesPage', () => {
  it('lists the suggestions with their reasons in words, in the reader’s language, and links to them', async () => {
    sessionStore.setTokens(tokenPair());
    await i18n.changeLanguage('nl');
    mockFetch([{ method: 'GET', path: `/api/v1/programmes/${programme.id}/matches`, respond: () => json(matches) }]);
    const { router } = renderPage('matches');
    const user = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'Suggesties voor Jobcentrum, de beste eerst' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const werkbrug = within(rows[1]);
    expect(werkbrug.getByText('Wederzijdse interesse')).toBeInTheDocument();
    expect(werkbrug.getByText(/^Wederzijdse interesse: zij bieden aan/)).toBeInTheDocument();
    expect(werkbrug.getByText('Biedt “Vroeg contact” aan, waarover u wilt leren (enige interesse).')).toBeInTheDocument();
    expect(werkbrug.getByText('Wil leren over “Opschalen” (grote interesse), wat u aanbiedt.')).toBeInTheDocument();
    expect(werkbrug.getByText('Nederland')).toBeInTheDocument();
    const bilan = within(rows[2]);
    expect(bilan.getByText('Gaat over “Opschalen”, waarover u wilt leren (grote interesse).')).toBeInTheDocument();
    expect(bilan.getByText('Beantwoordt uw vraag “How did you grow beyond the pilot?”.')).toBeInTheDocument();
    expect(bilan.getByText('Door peer review beoordeeld als goede praktijk.')).toBeInTheDocument();

    await user.click(werkbrug.getByRole('link', { name: 'Praktijken van Werkbrug' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/programmes/${programme.id}/practices`));
    expect(router.state.location.search).toBe('?organisation_id=a0000000-0000-4000-8000-000000000002');
  });

  it('links a suggested practice to its page, and without suggestions points to the profile', async () => {
    sessionStore.setTokens(tokenPair());
    let body: Matches = matches;
    mockFetch([{ method: 'GET', path: `/api/v1/programmes/${programme.id}/matches`, respond: () => json(body) }]);
    const { router, unmount } = renderPage('matches');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Bilan de reprise' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/practices/p0000000-0000-4000-8000-000000000001'));
    unmount();

    body = { ...matches, suggestions: [] };
    renderPage('matches');
    expect(await screen.findByText('No matches yet')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Edit the learning profile' }).length).toBeGreaterThan(0);
  });
});

const map: LearningMap = {
  themes: ['early_contact', 'upscaling'],
  countries: ['BE', 'NL'],
  cells: [
    { theme: 'early_contact', country: 'BE', offers: 0, wants_some: 1, wants_high: 0 },
    { theme: 'early_contact', country: 'NL', offers: 2, wants_some: 0, wants_high: 0 },
    { theme: 'upscaling', country: 'BE', offers: 1, wants_some: 0, wants_high: 0 },
    { theme: 'upscaling', country: 'NL', offers: 0, wants_some: 1, wants_high: 2 },
  ],
  pairs: [{ countries: ['BE', 'NL'], a_offers_b: ['upscaling'], b_offers_a: ['early_contact'], themes: 2 }],
};

describe('LearningMapPage', () => {
  it('draws the theme × country table with captions and lists the pairs of countries', async () => {
    sessionStore.setTokens(tokenPair());
    await i18n.changeLanguage('de');
    mockFetch([{ method: 'GET', path: `/api/v1/programmes/${programme.id}/learning-map`, respond: () => json(map) }]);
    renderPage('learning-map', ['coordinator']);

    const heat = await screen.findByRole('table', { name: 'Organisationen, die ein Thema anbieten und darüber lernen möchten, nach Land' });
    expect(within(heat).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['BE', 'NL']);
    const upscaling = within(heat).getByRole('row', { name: /Ausweiten/ });
    const cells = within(upscaling).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('1 bieten · 0 suchen');
    expect(cells[1]).toHaveTextContent('0 bieten · 3 suchen (2 groß)');
    expect(cells[1]).toHaveTextContent('Niederlande, Ausweiten: 0 bieten an, 1 möchten etwas lernen, 2 möchten viel lernen');
    expect(cells[1].className).toContain('heat-4');
    expect(cells[0].className).toContain('heat-0');

    const pairs = screen.getByRole('table', { name: 'Länderpaare mit gegenseitigem Interesse, die meisten Themen zuerst' });
    const row = within(pairs).getAllByRole('row')[1];
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Belgien und Niederlande');
    expect(row).toHaveTextContent('Ausweiten');
    expect(row).toHaveTextContent('Früher Kontakt');
  });

  it('says so when no organisation has a profile yet', async () => {
    sessionStore.setTokens(tokenPair());
    mockFetch([{ method: 'GET', path: `/api/v1/programmes/${programme.id}/learning-map`, respond: () => json({ ...map, countries: [], cells: [], pairs: [] }) }]);
    renderPage('learning-map', ['coordinator']);
    expect(await screen.findByText('No learning profiles yet')).toBeInTheDocument();
  });
});
