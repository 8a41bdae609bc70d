import type { Decision, EvidenceLevel, PracticeStatus, ProductKind } from '@/api/types';

/** Every status in the order of a practice's life. */
export const PRACTICE_STATUSES: readonly PracticeStatus[] = [
  'draft',
  'submitted',
  'in_review',
  'revision_requested',
  'published',
  'not_retained',
  'withdrawn',
  'archived',
];

/** Weakest first, as the contract lists them. */
export const EVIDENCE_LEVELS: readonly EvidenceLevel[] = ['none', 'monitoring', 'evaluation', 'controlled_study'];

export const PRODUCT_KINDS: readonly ProductKind[] = [
  'guidance',
  'assessment',
  'information',
  'training',
  'placement',
  'network',
  'tool',
  'service',
  'other',
];

export type DecisionOutcome = Decision['outcome'];

export function statusTone(status: PracticeStatus): 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent' {
  switch (status) {
    case 'published':
      return 'success';
    case 'submitted':
    case 'in_review':
      return 'info';
    case 'revision_requested':
      return 'warning';
    case 'not_retained':
      return 'danger';
    default:
      return 'neutral';
  }
}

export function outcomeTone(outcome: DecisionOutcome): 'success' | 'info' | 'warning' | 'danger' {
  switch (outcome) {
    case 'good_practice':
      return 'success';
    case 'promising_practice':
      return 'info';
    case 'revision_requested':
      return 'warning';
    default:
      return 'danger';
  }
}

/**
 * Languages offered for a practice's text and its translations, besides the programme's own:
 * the official languages of the EU and those of the neighbouring countries in the country list.
 */
export const PRACTICE_LANGUAGES = [
  'bg', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'eu', 'fi', 'fr', 'ga', 'gl', 'hr',
  'hu', 'is', 'it', 'ka', 'lb', 'lt', 'lv', 'mk', 'mt', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sk',
  'sl', 'sq', 'sr', 'sv', 'tr', 'uk',
] as const;

/**
 * The statuses worth offering in the catalogue's filter, given who is looking: everyone sees
 * published practices; partners also their own organisation's in every state; coordinators
 * every submitted one; reviewers the ones they review.
 */
export function meaningfulStatuses(roles: readonly string[], isAdmin: boolean): PracticeStatus[] {
  if (isAdmin || (roles.includes('partner') && roles.includes('coordinator'))) return [...PRACTICE_STATUSES];
  const shown = new Set<PracticeStatus>(['published']);
  if (roles.includes('partner')) PRACTICE_STATUSES.forEach((s) => shown.add(s));
  if (roles.includes('coordinator')) PRACTICE_STATUSES.filter((s) => s !== 'draft').forEach((s) => shown.add(s));
  if (roles.includes('reviewer')) ['submitted', 'in_review'].forEach((s) => shown.add(s as PracticeStatus));
  return PRACTICE_STATUSES.filter((s) => shown.has(s));
}

/** The decision labels the public catalogue shows and filters by. */
export const PUBLIC_LABELS = ['good_practice', 'promising_practice'] as const satisfies readonly DecisionOutcome[];
