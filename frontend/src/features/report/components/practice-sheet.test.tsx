import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { practice, tokenPair } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import type { Lineage, PracticeReviews } from '../api/types';
import { PracticeSheetPage, sheetTexts } from './practice-sheet-page';

const decided = {
  ...practice,
  status: 'published' as const,
  resources: 'One coach, half a day a week.',
  decision: { outcome: 'good_practice' as const, rationale: 'Strong evidence and clear roles.', decided_at: '2026-06-01T10:00:00Z' },
};

const lineage: Lineage = {
  practice: { id: decided.id, title: decided.title } as Lineage['practice'],
  products: [],
  new_products: [],
  adaptations: [
    { id: 'a1', title: 'Jobcoach im Krankenhaus', country: 'DE', stage: 'implementing', adopting_organisation_id: 'o1', adopting_organisation: 'Netzwerk', product_id: null, fidelity: 'consistent', participants: 20, returned_to_work: 9 },
    { id: 'a2', title: 'Coach à l’hôpital', country: 'FR', stage: 'planning', adopting_organisation_id: 'o2', product_id: null, fidelity: 'inconsistent', participants: 12, returned_to_work: 3 },
  ],
};

const review = (rating: number, strengths: string) => ({
  round_id: 'r1',
  practice_id: decided.id,
  reviewer: { label: 'Reviewer A' },
  revision: 1,
  status: 'submitted' as const,
  version: 2,
  scores: [],
  strengths,
  improvements: 'Measure longer.',
  transferability: { rating, conditions: '' },
  answers: [],
  recommendation: 'good_practice',
});

function renderSheet(reviews: () => Response) {
  sessionStore.setTokens(tokenPair());
  mockFetch([
    { method: 'GET', path: `/api/v1/practices/${decided.id}`, respond: () => json(decided, { headers: { ETag: '"3"' } }) },
    { method: 'GET', path: `/api/v1/practices/${decided.id}/lineage`, respond: () => json(lineage) },
    { method: 'GET', path: `/api/v1/practices/${decided.id}/reviews`, respond: reviews },
  ]);
  return renderRoutes([{ path: '/practices/:id/sheet', element: <PracticeSheetPage /> }], `/practices/${decided.id}/sheet`);
}

describe('the practice sheet', () => {
  it('prints the description, the decision, a review summary without names, the adaptations and their results', async () => {
    const reviews: PracticeReviews = { reviews: [review(3, 'Clear roles.'), review(4, 'Close to patients.')] as PracticeReviews['reviews'], decisions: [], responses: [], rebuttals: [] };
    const { container } = renderSheet(() => json(reviews));
    expect(await screen.findByRole('heading', { level: 1, name: 'Job coach at the hospital' })).toBeInTheDocument();
    expect(screen.getByText('One coach, half a day a week.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Decision' })).toHaveTextContent('Good practice');
    const peer = screen.getByRole('region', { name: 'Peer review' });
    expect(peer).toHaveTextContent('2 submitted reviews. Mean transferability rating 3.50 of 5 (2 ratings).');
    expect(peer).toHaveTextContent('Recommendations: Good practice: 2');
    expect(peer).not.toHaveTextContent('Reviewer A');
    const table = within(screen.getByRole('region', { name: 'Adaptations' })).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText(/12 of 32 participants returned to work \(37.5%\)/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print / Save as PDF' })).toBeInTheDocument();
    expect(container.querySelector('.print-document')).not.toBeNull();
  });

  it('reads in the reader’s language where the practice has a translation, text by text', () => {
    const translated = {
      ...decided,
      language: 'nl',
      translations: [{ language: 'en', status: 'verified' as const, title: 'Job coach at the hospital (EN)', context: 'Translated context.', updated_at: '2026-01-01T00:00:00Z' }],
    };
    expect(sheetTexts(translated, 'en')).toMatchObject({ title: 'Job coach at the hospital (EN)', context: 'Translated context.', approach: decided.approach });
    expect(sheetTexts(translated, 'fr').title).toBe(decided.title);
    expect(sheetTexts(translated, 'nl').context).toBe(decided.context);
  });

  it('leaves out reviews the reader may not read', async () => {
    renderSheet(() => problem(403, { code: 'forbidden' }));
    expect(await screen.findByText('The reviews are not open to you.')).toBeInTheDocument();
  });
});
