import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublicPracticeSummary } from '@/api/types';
import i18n from '@/i18n';
import { json, mockFetch, type RecordedRequest } from '@/test/fetch-mock';
import { practice, programme } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { PublicCataloguePage } from './public-catalogue-page';

const translated: PublicPracticeSummary = {
  id: practice.id,
  programme_id: programme.id,
  programme_name: programme.name,
  organisation: practice.organisation,
  title: 'Work-learning places in logistics',
  summary: 'A logistics company opens work-learning places to employees of other employers.',
  language: 'en',
  country: 'NL',
  themes: ['employer_engagement'],
  target_groups: ['employers'],
  status: 'published',
  evidence_level: 'monitoring',
  translations_available: ['fr'],
  translation: { language: 'fr', status: 'machine', title: 'Stages de travail dans la logistique', summary: 'Une entreprise de logistique ouvre des stages.' },
  updated_at: '2025-05-01T10:00:00Z',
  published_at: '2025-05-01T10:00:00Z',
  recognition: null,
};
const untranslated: PublicPracticeSummary = { ...translated, id: '7d1c1a4e-1111-4000-8000-000000000002', title: 'Peer coaching', summary: 'Colleagues coach each other.', translations_available: [], translation: undefined };
const recognised: PublicPracticeSummary = {
  ...untranslated,
  id: '7d1c1a4e-1111-4000-8000-000000000003',
  title: 'Return-to-work plans with employers',
  recognition: { label: 'good_practice', decided_at: '2026-03-12T10:00:00Z', round: { id: '7d1c1a4e-1111-4000-8000-000000000009', name: 'Spring round 2026' } },
};

const vocabulary = {
  themes: [{ key: 'employer_engagement', title: 'Employer engagement' }],
  target_groups: [{ key: 'employers', title: 'Employers' }],
};

function renderCatalogue() {
  return renderRoutes(
    [
      { path: '/catalogue', element: <PublicCataloguePage /> },
      { path: '/catalogue/:id', element: <h1>Public practice</h1> },
    ],
    '/catalogue',
  );
}

const listings = (calls: RecordedRequest[]) =>
  calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/public/practices').map((c) => new URLSearchParams(c.search));

describe('PublicCataloguePage', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('shows the French translation first, marked as a machine translation, with the way to the original', async () => {
    await i18n.changeLanguage('fr');
    const { calls } = mockFetch([
      { method: 'GET', path: '/api/v1/public/practices', respond: () => json({ items: [translated, untranslated], page: 1, page_size: 20, total: 2 }) },
      { method: 'GET', path: '/api/v1/public/vocabulary', respond: () => json(vocabulary) },
    ]);
    renderCatalogue();

    const title = await screen.findByRole('link', { name: 'Stages de travail dans la logistique' });
    expect(title).toHaveAttribute('href', `/catalogue/${practice.id}?lang=fr`);
    expect(title.closest('h3')).toHaveAttribute('lang', 'fr');
    const card = title.closest('article')!;
    expect(within(card).getByText('Traduction automatique')).toBeInTheDocument();
    expect(within(card).getByText('Une entreprise de logistique ouvre des stages.')).toHaveAttribute('lang', 'fr');
    const original = within(card).getByRole('link', { name: 'Lire l’original (anglais)' });
    expect(original).toHaveAttribute('href', `/catalogue/${practice.id}?lang=en`);
    expect(within(card).getByText('Work-learning places in logistics')).toHaveAttribute('lang', 'en');
    // A practice without a French translation is shown in its original, unmarked.
    const plain = screen.getByRole('link', { name: 'Peer coaching' }).closest('article')!;
    expect(within(plain).queryByText('Traduction automatique')).not.toBeInTheDocument();
    expect(within(plain).queryByRole('link', { name: /Lire l’original/ })).not.toBeInTheDocument();
    // The themes are named by their titles.
    expect(within(card).getByText('Employer engagement')).toBeInTheDocument();
    // The list was asked for in the reader's language.
    expect(listings(calls).at(-1)?.get('lang')).toBe('fr');
  });

  it('filters by theme and target group, chosen from the catalogue’s own lists', async () => {
    const { calls } = mockFetch([
      { method: 'GET', path: '/api/v1/public/practices', respond: () => json({ items: [untranslated], page: 1, page_size: 20, total: 1 }) },
      { method: 'GET', path: '/api/v1/public/vocabulary', respond: () => json(vocabulary) },
    ]);
    renderCatalogue();
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Peer coaching' });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Theme' }), 'Employer engagement');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Target group' }), 'Employers');
    await screen.findByRole('link', { name: 'Peer coaching' });
    const last = listings(calls).at(-1)!;
    expect(last.get('theme')).toBe('employer_engagement');
    expect(last.get('target_group')).toBe('employers');
    expect(last.get('lang')).toBe('en');
  });

  it('shows the decision’s label with its round, and filters by label', async () => {
    const { calls } = mockFetch([
      { method: 'GET', path: '/api/v1/public/practices', respond: () => json({ items: [recognised, untranslated], page: 1, page_size: 20, total: 2 }) },
      { method: 'GET', path: '/api/v1/public/vocabulary', respond: () => json(vocabulary) },
    ]);
    renderCatalogue();
    const user = userEvent.setup();
    const card = (await screen.findByRole('link', { name: 'Return-to-work plans with employers' })).closest('article')!;
    expect(within(card).getByText('Good practice')).toBeInTheDocument();
    expect(within(card).getByText('Spring round 2026, decided on Mar 12, 2026')).toBeInTheDocument();
    // A practice published without a recorded decision shows no label.
    const plain = screen.getByRole('link', { name: 'Peer coaching' }).closest('article')!;
    expect(within(plain).queryByText(/Good practice|Promising practice/)).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Recognition' }), 'Promising practice');
    await screen.findByRole('link', { name: 'Peer coaching' });
    expect(listings(calls).at(-1)?.get('label')).toBe('promising_practice');
  });

  it('names the label and the filters in the reader’s language', async () => {
    await i18n.changeLanguage('nl');
    mockFetch([
      { method: 'GET', path: '/api/v1/public/practices', respond: () => json({ items: [recognised], page: 1, page_size: 20, total: 1 }) },
      {
        method: 'GET',
        path: '/api/v1/public/vocabulary',
        respond: () => json({ ...vocabulary, themes: [{ key: 'employer_engagement', title: 'Employer engagement', titles: { nl: 'Betrokkenheid van werkgevers' } }] }),
      },
    ]);
    renderCatalogue();
    const card = (await screen.findByRole('link', { name: 'Return-to-work plans with employers' })).closest('article')!;
    expect(within(card).getByText('Goede praktijk')).toBeInTheDocument();
    expect(within(card).getByText('Spring round 2026, besloten op 12 mrt 2026')).toBeInTheDocument();
    expect(await screen.findByRole('option', { name: 'Betrokkenheid van werkgevers' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Erkenning' })).toBeInTheDocument();
  });
});
