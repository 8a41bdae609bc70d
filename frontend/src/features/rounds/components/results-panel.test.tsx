import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RoundResults } from '@/api/review-types';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { coreCriterion, round, rubric } from '@/test/review-fixtures';
import { ResultsPanel } from './results-panel';

const figure = (over: Partial<RoundResults['agreement']['weighted_score']>): RoundResults['agreement']['weighted_score'] => ({
  alpha: null,
  units: 0,
  pairable_values: 0,
  ci95: null,
  p_below_667: null,
  reading: 'too_few_units',
  ...over,
});

const results: RoundResults = {
  round,
  page: 1,
  page_size: 100,
  total: 0,
  practices: [],
  completion: { practices: 0, decided: 0, assigned: 0, accepted: 0, declined: 0, submitted: 0, overdue: 0 },
  agreement: {
    weighted_score_alpha: 0.897,
    weighted_score: figure({ alpha: 0.897, units: 6961, pairable_values: 20883, ci95: [0.894, 0.901], p_below_667: 0, reading: 'good' }),
    criteria: [{ key: coreCriterion.key, ...figure({ alpha: 0.644, units: 6961, pairable_values: 20883, ci95: [0.634, 0.653], p_below_667: 1, reading: 'low' }) }],
    gates: figure({ units: 3, pairable_values: 6, reading: 'no_variation' }),
    recommendation: figure({ alpha: 0, units: 1, pairable_values: 2, ci95: [0, 0], p_below_667: 1 }),
  },
};

describe('ResultsPanel agreement', () => {
  it('shows each figure with its interval, its reading in words and the chance it is below 0.667, here in French', async () => {
    sessionStore.setTokens(tokenPair());
    window.localStorage.setItem('peerbridge.lang', 'fr');
    const { default: i18n } = await import('@/i18n');
    await i18n.changeLanguage('fr');
    mockFetch([{ method: 'GET', path: `/api/v1/rounds/${round.id}/results`, respond: () => json(results) }]);
    renderWithProviders(<ResultsPanel round={round} rubric={rubric} canCoordinate />);

    const table = await screen.findByRole('table', { name: 'Concordance entre évaluateur·rices' });
    const weighted = within(table).getAllByRole('row')[1];
    expect(weighted).toHaveTextContent('0,9');
    expect(within(weighted).getByText('Alpha 0,9, intervalle à 95 % de 0,89 à 0,9')).toBeInTheDocument();
    expect(weighted).toHaveTextContent('Bonne concordance');
    expect(weighted).toHaveTextContent('0 %');

    const low = within(table).getAllByRole('row')[2];
    expect(low).toHaveTextContent('Faible concordance');
    expect(low).toHaveTextContent('100 %');
    // Perfect agreement is not "not enough data", and one practice is too little to call agreement low.
    expect(within(table).getByRole('row', { name: /Critères éliminatoires/ })).toHaveTextContent('Toutes les réponses identiques');
    const recommendation = within(table).getByRole('row', { name: /Recommandation/ });
    expect(recommendation).toHaveTextContent('Trop peu de pratiques pour conclure');
    expect(recommendation).not.toHaveTextContent('Faible concordance');
  });
});
