import type { Criterion } from '@/api/review-types';
import type { EMPTY_SCORE, ReviewDraft } from '../review-draft';

/** What the sections of the review form get from the review session. */
export interface ReviewSectionProps {
  draft: ReviewDraft;
  readOnly: boolean;
  errorFor: (field: string) => string | undefined;
  update: <K extends keyof ReviewDraft>(key: K, value: ReviewDraft[K], field: string) => void;
}

export type SetScore = (criterion: Criterion, next: typeof EMPTY_SCORE) => void;

export const SCALE_1_5 = [1, 2, 3, 4, 5] as const;
