import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RoundResults } from '@/api/review-types';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { coreCriterion, round, rubric } from '@/test/review-fixtures';
import { ResultsPanel } from './results-panel';

type Figure = RoundResults['agreement']['gates'];

const figure = (over: Partial<Figure>): Figure => ({
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
    weighted_score: {
      ...figure({ alpha: 0.897, units: 6961, pairable_values: 20883, ci95: [0.894, 0.901], p_below_667: 0, reading: 'good' }),
      icc: { single: 0.913, average: 0.959, reviews_per_practice: 2.25 },
      sem: 6,
    },
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

const practice = (over: Partial<RoundResults['practices'][number]>): RoundResults['practices'][number] => ({
  practice_id: '00000000-0000-4000-8000-000000000001',
  title: 'Job coaching after cancer',
  country: 'BE',
  reviews: 2,
  gates_passed: true,
  weighted_score: 47,
  reviewer_adjusted_score: 50,
  weighted_score_summary: { n: 2, mean: 47, median: 47, min: 44, max: 50, sd: 4.24 },
  criteria: [],
  spread_flag: false,
  spread_limit: 16.6,
  suggest_extra_reviewer: false,
  ...over,
});

describe('ResultsPanel scores', () => {
  it('explains the adjusted score, the spread flag and how consistent the scores are, in words', async () => {
    sessionStore.setTokens(tokenPair());
    window.localStorage.setItem('peerbridge.lang', 'en');
    const { default: i18n } = await import('@/i18n');
    await i18n.changeLanguage('en');
    const flagged = practice({
      practice_id: '00000000-0000-4000-8000-000000000002',
      title: 'Second track placements',
      weighted_score: 48.5,
      reviewer_adjusted_score: 45.5,
      weighted_score_summary: { n: 2, mean: 48.5, median: 48.5, min: 40, max: 57, sd: 12.02 },
      spread_flag: true,
      suggest_extra_reviewer: true,
    });
    mockFetch([{ method: 'GET', path: `/api/v1/rounds/${round.id}/results`, respond: () => json({ ...results, total: 2, practices: [practice({}), flagged] }) }]);
    renderWithProviders(<ResultsPanel round={round} rubric={rubric} canCoordinate={false} />);

    const table = await screen.findByRole('table', { name: 'Results per practice' });
    const calm = within(table).getByRole('row', { name: /Job coaching/ });
    expect(calm).toHaveTextContent('50');
    expect(within(calm).getByText(/scored 3 points lower than the average reviewer; adjusted upwards/)).toBeInTheDocument();
    expect(calm).toHaveTextContent('Consistent');
    expect(within(calm).getByText(/6 points apart, within the 16.6 points/)).toBeInTheDocument();

    const split = within(table).getByRole('row', { name: /Second track/ });
    expect(within(split).getByText(/adjusted downwards/)).toBeInTheDocument();
    expect(split).toHaveTextContent('Reviewers disagree');
    expect(split).toHaveTextContent('Scores 17 points apart; by chance alone reviews in this round differ by up to 16.6 points.');
    expect(split).toHaveTextContent('Consider asking an extra reviewer.');

    const consistency = screen.getByRole('region', { name: 'How consistent the scores are' });
    expect(consistency).toHaveTextContent('One reviewer’s score0.91');
    expect(consistency).toHaveTextContent('The mean of 2.3 reviews0.96');
    expect(consistency).toHaveTextContent('about 6 points');
  });

  it('says when there are too few practices to tell how consistent the scores are', async () => {
    sessionStore.setTokens(tokenPair());
    const { default: i18n } = await import('@/i18n');
    await i18n.changeLanguage('de');
    const none = { ...results, agreement: { ...results.agreement, weighted_score: { ...results.agreement.weighted_score, icc: null, sem: null } } };
    mockFetch([{ method: 'GET', path: `/api/v1/rounds/${round.id}/results`, respond: () => json(none) }]);
    renderWithProviders(<ResultsPanel round={round} rubric={rubric} canCoordinate={false} />);
    const consistency = await screen.findByRole('region', { name: 'Wie einheitlich die Punktwerte sind' });
    expect(consistency).toHaveTextContent('Noch zu wenige Praktiken mit zwei oder mehr Gutachten für eine Aussage.');
    await i18n.changeLanguage('en');
  });
});
