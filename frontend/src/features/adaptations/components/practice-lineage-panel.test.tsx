import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch } from '@/test/fetch-mock';
import { practice, programme, tokenPair, user } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import type { Lineage } from '../api/types';
import { layoutLineage, wrapText } from './lineage-graph';
import { PracticeLineagePanel } from './practice-lineage-panel';

const p1 = '10000000-0000-4000-8000-000000000001';
const p2 = '10000000-0000-4000-8000-000000000002';
const lineage: Lineage = {
  practice: {
    id: practice.id,
    programme_id: programme.id,
    organisation: { id: 'org-be', name: 'Jobcentrum', country: 'BE' },
    title: 'Rentree: begeleiding naar werk tijdens en na kanker',
    summary: '',
    language: 'nl',
    country: 'BE',
    themes: [],
    target_groups: [],
    status: 'published',
    evidence_level: 'monitoring',
    translations_available: [],
    updated_at: '2026-01-01T00:00:00Z',
  },
  products: [
    { id: p1, name: 'Rentree-begeleidingstraject', kind: 'guidance', description: '', core_elements: ['Eén vaste jobcoach'] },
    { id: p2, name: 'Infosessies werk en kanker', kind: 'information', description: '', core_elements: [] },
  ],
  adaptations: [
    { id: 'a1', title: 'Parcours Rentrée à Lyon', country: 'FR', stage: 'implementing', adopting_organisation_id: 'org-fr', adopting_organisation: 'Retour Santé Travail', product_id: p1, fidelity: 'consistent', participants: 31, returned_to_work: 16, created_at: '2026-05-04T09:00:00Z' },
    { id: 'a2', title: 'Werkbrug-traject', country: 'NL', stage: 'exploring', adopting_organisation_id: 'org-nl', adopting_organisation: 'Stichting Werkbrug', product_id: p1, fidelity: 'consistent', participants: 10, returned_to_work: 4, created_at: '2026-06-04T09:00:00Z' },
    { id: 'a3', title: 'Infoavonden Werkbrug', country: 'NL', stage: 'planning', adopting_organisation_id: 'org-nl', adopting_organisation: 'Stichting Werkbrug', product_id: p2, fidelity: 'unknown', participants: 0, returned_to_work: 0, created_at: '2026-07-04T09:00:00Z' },
    { id: 'a4', title: 'Cork coaching', country: 'IE', stage: 'evaluating', adopting_organisation_id: 'org-ie', adopting_organisation: 'WorkWell Ireland', product_id: p1, fidelity: 'inconsistent', participants: 22, returned_to_work: 9, created_at: '2026-05-20T09:00:00Z' },
  ],
  new_products: [
    {
      id: 'n1',
      programme_id: programme.id,
      title: 'European guide to return-to-work coaching',
      kind: 'information',
      status: 'in_development',
      organisation_ids: [],
      countries: ['BE', 'FR', 'IE'],
      inspired_by_practice_ids: [practice.id],
      derived_from_adaptation_ids: ['a1', 'a4'],
      version: 1,
    },
  ],
};

function renderPanel(data: Lineage = lineage) {
  sessionStore.setTokens(tokenPair());
  mockFetch([
    { method: 'GET', path: '/api/v1/me', respond: () => json(user) },
    { method: 'GET', path: `/api/v1/practices/${practice.id}/lineage`, respond: () => json(data) },
    { method: 'GET', path: `/api/v1/programmes/${programme.id}`, respond: () => json({ ...programme, my_roles: ['partner'] }, { headers: { ETag: '"3"' } }) },
  ]);
  return renderWithProviders(<PracticeLineagePanel practiceId={practice.id} />);
}

describe('lineage layout', () => {
  it('puts one adopter node per organisation and country, and an edge per adaptation', () => {
    const layout = layoutLineage(lineage, { stage: (s) => s, fidelity: (f) => f, country: (c) => c, productKind: (k) => k, newStatus: (s) => s });
    const adopters = layout.nodes.filter((n) => n.kind === 'adopter');
    expect(adopters.map((n) => n.country)).toEqual(['FR', 'IE', 'NL']);
    expect(layout.edges.filter((e) => e.stage)).toHaveLength(4);
    // Two adaptations between the same product and adopter would share a path: their labels are spread.
    const newEdges = layout.edges.filter((e) => e.to === 'new-n1');
    expect(newEdges.map((e) => e.from).sort()).toEqual(['adopter-org-fr|FR', 'adopter-org-ie|IE']);
    // Nodes never overlap.
    for (const a of layout.nodes) for (const b of layout.nodes) if (a !== b && a.x === b.x) expect(Math.abs(a.y - b.y)).toBeGreaterThanOrEqual(84);
  });

  it('wraps long titles onto two lines and cuts the rest', () => {
    expect(wrapText('Rentree: begeleiding naar werk tijdens en na kanker', 27, 2)).toEqual(['Rentree: begeleiding naar', 'werk tijdens en na kanker']);
    expect(wrapText('A very long title that goes on and on and on and on', 12, 2)[1].endsWith('…')).toBe(true);
  });
});

describe('practice lineage panel', () => {
  it('draws the practice travelling to one node per adopting country, with a list for screen readers', async () => {
    const { container } = renderPanel();
    const graph = await screen.findByRole('img', { name: /Lineage of “Rentree: begeleiding naar werk tijdens en na kanker”/ });
    expect(graph.tagName.toLowerCase()).toBe('svg');
    expect(graph.querySelector('title')).toHaveTextContent('Lineage of');
    expect(graph.querySelector('desc')).toHaveTextContent('This practice from Belgium was adapted 4 times, by 3 organisations in France, Ireland, and Netherlands.');

    const adopters = container.querySelectorAll('[data-node-kind="adopter"]');
    expect([...adopters].map((n) => n.getAttribute('data-country'))).toEqual(['FR', 'IE', 'NL']);
    expect(container.querySelectorAll('[data-node-kind="product"]')).toHaveLength(2);
    expect(container.querySelectorAll('[data-node-kind="new-product"]')).toHaveLength(1);
    // Edges labelled with stage and fidelity, coloured by stage.
    expect(within(graph as unknown as HTMLElement).getByText('Implementing · faithful')).toBeInTheDocument();
    expect(graph.querySelector('[data-stage="evaluating"] path')).toHaveAttribute('stroke', '#8a5300');

    // The same content as a list, hidden visually, for screen readers.
    const list = screen.getByRole('list', { name: 'The lineage as a list' });
    expect(list.closest('.visually-hidden')).not.toBeNull();
    expect(within(list).getByText('Adopted by Stichting Werkbrug, Netherlands:')).toBeInTheDocument();
    expect(within(list).getByText(/“Werkbrug-traject”, from Rentree-begeleidingstraject, stage Exploring, fidelity Consistent\./)).toBeInTheDocument();
    expect(within(list).getByText('New product: European guide to return-to-work coaching (In development).')).toBeInTheDocument();

    // Partners can adapt the practice or one of its products from here.
    expect(await screen.findByRole('link', { name: 'Adapt this practice' })).toHaveAttribute(
      'href',
      `/programmes/${programme.id}/adaptations/new?practice=${practice.id}`,
    );
    expect(screen.getByRole('link', { name: 'Adapt “Rentree-begeleidingstraject”' })).toHaveAttribute(
      'href',
      `/programmes/${programme.id}/adaptations/new?practice=${practice.id}&product=${p1}`,
    );
  });

  it('does not offer a partner to adapt its own organisation’s practice', async () => {
    renderPanel({ ...lineage, practice: { ...lineage.practice, organisation: { id: user.organisation_id, name: 'Werkwijs vzw', country: 'BE' } } });
    await screen.findByRole('img', { name: /Lineage of/ });
    // The programme (with the partner role) has loaded: the buttons would show by now.
    await screen.findByText('Adopted by Stichting Werkbrug, Netherlands:');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link', { name: 'Adapt this practice' })).toBeNull();
    expect(screen.queryByRole('link', { name: /^Adapt “/ })).toBeNull();
  });
});
