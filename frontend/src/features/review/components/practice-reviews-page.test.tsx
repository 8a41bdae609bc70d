import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch } from '@/test/fetch-mock';
import { practice, tokenPair, user } from '@/test/fixtures';
import { renderRoutes } from '@/test/render';
import { rubric } from '@/test/review-fixtures';
import { PracticeReviewsPage } from './practice-reviews-page';

function renderPage(organisationId: string) {
  sessionStore.setTokens(tokenPair('a', 'r', { ...user, organisation_id: organisationId }));
  mockFetch([
    { method: 'GET', path: `/api/v1/practices/${practice.id}/reviews`, respond: () => json({ reviews: [], decisions: [], responses: [] }) },
    { method: 'GET', path: `/api/v1/practices/${practice.id}`, respond: () => json(practice, { headers: { ETag: '"3"' } }) },
    { method: 'GET', path: `/api/v1/programmes/${practice.programme_id}/rubrics`, respond: () => json({ items: [rubric] }) },
  ]);
  return renderRoutes([{ path: '/practices/:id/reviews', element: <PracticeReviewsPage /> }], `/practices/${practice.id}/reviews`);
}

describe('PracticeReviewsPage', () => {
  it('speaks of "your organisation’s response" to the practice’s own organisation', async () => {
    renderPage(practice.organisation.id);
    expect(await screen.findByText(/your organisation’s response/)).toBeInTheDocument();
  });

  it('speaks of the practice’s organisation to everyone else, such as a coordinator', async () => {
    renderPage('0b8f6a8e-9f35-4f0e-8a11-00000000ffff');
    expect(await screen.findByText(/the response of the practice’s organisation/)).toBeInTheDocument();
    expect(screen.queryByText(/your organisation/)).toBeNull();
  });
});
