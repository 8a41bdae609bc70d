import type { Assignment, Criterion, Review, Round, Rubric } from '@/api/review-types';
import type { Member } from '@/api/types';
import { programme } from './fixtures';

/** Fixtures for the peer-review screens. */

export const gateCriterion: Criterion = {
  key: 'relevance',
  title: 'Relevance',
  description: 'The practice addresses a real need.',
  tier: 'gate',
  weight: 0,
  scale: { min: 0, max: 1 },
  levels: [
    { value: 0, label: 'Does not pass', descriptor: 'The need is unclear.' },
    { value: 1, label: 'Passes', descriptor: 'The need and the group are stated.' },
  ],
  allow_na: false,
};

export const coreCriterion: Criterion = {
  key: 'equity',
  title: 'Equity',
  description: 'The practice reaches people in vulnerable situations.',
  tier: 'core',
  weight: 2,
  scale: { min: 1, max: 4 },
  levels: [
    { value: 1, label: 'Weak', descriptor: 'Vulnerable groups are not considered.' },
    { value: 2, label: 'Fair', descriptor: 'Vulnerable groups are mentioned.' },
    { value: 3, label: 'Good', descriptor: 'Vulnerable groups are reached on purpose.' },
    { value: 4, label: 'Excellent', descriptor: 'The practice narrows a gap.' },
  ],
  allow_na: false,
};

export const qualifierCriterion: Criterion = {
  key: 'sustainability',
  title: 'Sustainability',
  description: 'The practice can continue beyond its funding.',
  tier: 'qualifier',
  weight: 1,
  scale: { min: 1, max: 4 },
  levels: [
    { value: 1, label: 'Weak', descriptor: 'Depends on temporary funding.' },
    { value: 2, label: 'Fair', descriptor: 'Continuation is planned.' },
    { value: 3, label: 'Good', descriptor: 'Funding is in sight.' },
    { value: 4, label: 'Excellent', descriptor: 'Embedded in regular services.' },
  ],
  allow_na: true,
};

export const rubric: Rubric = {
  id: '3c4d5e6f-0000-4000-8000-000000000300',
  programme_id: programme.id,
  number: 1,
  title: 'Default rubric',
  status: 'active',
  criteria: [gateCriterion, coreCriterion, qualifierCriterion],
  recommendation_options: ['good_practice', 'revise_and_resubmit'],
  based_on: null,
  in_use: true,
  version: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

export const round: Round = {
  id: '4d5e6f70-0000-4000-8000-000000000400',
  programme_id: programme.id,
  name: 'Spring review',
  rubric_id: rubric.id,
  status: 'open',
  opens_at: '2026-03-01T00:00:00Z',
  due_at: '2099-04-01T21:59:00Z',
  reviewers_per_practice: 2,
  max_load: 3,
  blind: true,
  cross_border: true,
  practice_count: 1,
  version: 2,
  created_at: '2026-02-01T00:00:00Z',
  updated_at: '2026-03-01T00:00:00Z',
};

export const roundPracticeId = '5e6f7081-0000-4000-8000-000000000500';

export function member(id: string, name: string, country: string, organisation: string): Member {
  return {
    user_id: id,
    name,
    organisation: { id: `org-${id}`, name: organisation, country },
    roles: ['reviewer'],
    created_at: '2026-01-01T00:00:00Z',
  };
}

export const reviewerDe = member('6f708192-0000-4000-8000-000000000601', 'Jonas Weber', 'DE', 'Netzwerk Wiedereinstieg');
export const reviewerBe = member('6f708192-0000-4000-8000-000000000602', 'Lotte Peeters', 'BE', 'Werkwijs vzw');

export function assignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: '708192a3-0000-4000-8000-000000000700',
    round_id: round.id,
    round_name: round.name,
    practice_id: roundPracticeId,
    practice_title: 'Job coach at the hospital',
    reviewer_id: reviewerDe.user_id,
    reviewer_name: reviewerDe.name,
    reviewer_country: 'DE',
    status: 'assigned',
    due_at: round.due_at,
    source: 'manual',
    explanation: 'Assigned by a coordinator.',
    version: 1,
    created_at: '2026-03-01T00:00:00Z',
    ...overrides,
  };
}

export function review(overrides: Partial<Review> = {}): Review {
  return {
    round_id: round.id,
    round_name: round.name,
    practice_id: roundPracticeId,
    rubric_id: rubric.id,
    reviewer: { id: reviewerDe.user_id, name: reviewerDe.name, organisation: 'Netzwerk Wiedereinstieg', country: 'DE' },
    revision: 1,
    scores: [],
    strengths: '',
    improvements: '',
    transferability: { rating: null, conditions: '' },
    answers: [],
    recommendation: '',
    confidence: null,
    status: 'draft',
    submitted_at: null,
    version: 1,
    updated_at: '2026-03-02T00:00:00Z',
    ...overrides,
  };
}
