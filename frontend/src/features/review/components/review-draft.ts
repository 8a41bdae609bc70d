import type { Criterion, Review, ReviewInput, Rubric } from '@/api/review-types';

/** One criterion as the reviewer fills it in. */
export interface ScoreDraft {
  value: number | null;
  /** "Not applicable" chosen (only where the criterion allows it). */
  na: boolean;
  comment: string;
}

/** The review form's state. */
export interface ReviewDraft {
  scores: Record<string, ScoreDraft>;
  strengths: string;
  improvements: string;
  transferRating: number | null;
  transferConditions: string;
  /** One answer per learning question of the practice, in the practice's order. */
  answers: string[];
  recommendation: string;
  confidence: number | null;
}

export const EMPTY_SCORE: ScoreDraft = { value: null, na: false, comment: '' };

/** The form's state from a saved review. */
export function draftFromReview(review: Review, rubric: Rubric, questions: readonly string[]): ReviewDraft {
  const scores: Record<string, ScoreDraft> = {};
  for (const c of rubric.criteria) {
    const saved = review.scores?.find((s) => s.criterion_key === c.key);
    if (!saved) {
      scores[c.key] = { ...EMPTY_SCORE };
      continue;
    }
    const value = typeof saved.value === 'number' ? saved.value : null;
    scores[c.key] = { value, na: value === null && !!c.allow_na, comment: saved.comment ?? '' };
  }
  return {
    scores,
    strengths: review.strengths ?? '',
    improvements: review.improvements ?? '',
    transferRating: review.transferability?.rating ?? null,
    transferConditions: review.transferability?.conditions ?? '',
    answers: questions.map((q) => review.answers?.find((a) => a.question === q)?.answer ?? ''),
    recommendation: review.recommendation ?? '',
    confidence: review.confidence ?? null,
  };
}

/**
 * The request body for `PUT /assignments/{id}/review`. A score is sent once it has a value or
 * "not applicable"; a comment alone is sent as an unanswered score (value null) except where the
 * criterion allows n/a, since there null means "not applicable".
 */
export function draftToInput(draft: ReviewDraft, rubric: Rubric, questions: readonly string[]): ReviewInput {
  const scores: NonNullable<ReviewInput['scores']> = [];
  for (const c of rubric.criteria) {
    const s = draft.scores[c.key] ?? EMPTY_SCORE;
    const comment = s.comment.trim() ? s.comment : '';
    if (s.na && c.allow_na) scores.push({ criterion_key: c.key, value: null, comment });
    else if (s.value !== null) scores.push({ criterion_key: c.key, value: s.value, comment });
    else if (comment && !c.allow_na) scores.push({ criterion_key: c.key, value: null, comment });
  }
  return {
    scores,
    strengths: draft.strengths,
    improvements: draft.improvements,
    transferability: { rating: draft.transferRating, conditions: draft.transferConditions },
    answers: questions.map((question, i) => ({ question, answer: draft.answers[i] ?? '' })),
    recommendation: draft.recommendation,
    confidence: draft.confidence,
  };
}

export type MissingKind = 'score' | 'gateComment' | 'transferRating' | 'recommendation' | 'confidence' | 'answer';

/** Something the review still lacks before it can be submitted. */
export interface Missing {
  /** The API's field name (`scores.relevance`, `scores.relevance.comment`, `answers[0]`, …). */
  field: string;
  kind: MissingKind;
  criterion?: Criterion;
  questionIndex?: number;
}

/**
 * What is still missing, by the same rules the server applies on submit: every criterion
 * answered (n/a only where allowed), a comment on every gate, the transferability rating, a
 * recommendation, a confidence and an answer to each learning question. In the form's order.
 */
export function missingItems(draft: ReviewDraft, rubric: Rubric, questions: readonly string[]): Missing[] {
  const out: Missing[] = [];
  for (const c of orderedCriteria(rubric)) {
    const s = draft.scores[c.key] ?? EMPTY_SCORE;
    const answered = s.value !== null || (s.na && !!c.allow_na);
    if (!answered) out.push({ field: `scores.${c.key}`, kind: 'score', criterion: c });
    else if (c.tier === 'gate' && !s.comment.trim()) out.push({ field: `scores.${c.key}.comment`, kind: 'gateComment', criterion: c });
  }
  if (draft.transferRating === null) out.push({ field: 'transferability.rating', kind: 'transferRating' });
  questions.forEach((_, i) => {
    if (!(draft.answers[i] ?? '').trim()) out.push({ field: `answers[${i}]`, kind: 'answer', questionIndex: i });
  });
  if (!draft.recommendation) out.push({ field: 'recommendation', kind: 'recommendation' });
  if (draft.confidence === null) out.push({ field: 'confidence', kind: 'confidence' });
  return out;
}

/**
 * How many of the submit requirements are met: every criterion answered, every gate justified
 * (counted even before the gate is answered), the rating, each answer, the recommendation and
 * the confidence.
 */
export function completion(draft: ReviewDraft, rubric: Rubric, questions: readonly string[]): { done: number; total: number } {
  let total = 0;
  let done = 0;
  const count = (ok: boolean) => {
    total += 1;
    if (ok) done += 1;
  };
  for (const c of rubric.criteria) {
    const s = draft.scores[c.key] ?? EMPTY_SCORE;
    count(s.value !== null || (s.na && !!c.allow_na));
    if (c.tier === 'gate') count(!!s.comment.trim());
  }
  count(draft.transferRating !== null);
  questions.forEach((_, i) => count(!!(draft.answers[i] ?? '').trim()));
  count(!!draft.recommendation);
  count(draft.confidence !== null);
  return { done, total };
}

const TIER_ORDER = { gate: 0, core: 1, qualifier: 2 } as const;

/** The rubric's criteria grouped by tier (gates, core, qualifiers), keeping the rubric's order within a tier. */
export function orderedCriteria(rubric: Rubric): Criterion[] {
  return [...rubric.criteria].sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
}

/** The DOM id of the control a field error belongs to (the first radio for a radio group). */
export function fieldDomId(field: string): string {
  let m = /^scores\.([a-z0-9_]+)\.comment$/.exec(field);
  if (m) return `rv-comment-${m[1]}`;
  m = /^scores\.([a-z0-9_]+)(\.value)?$/.exec(field);
  if (m) return `rv-score-${m[1]}`;
  m = /^answers\[(\d+)\]/.exec(field);
  if (m) return `rv-answer-${m[1]}`;
  if (field.startsWith('transferability.rating')) return 'rv-transfer-rating';
  if (field.startsWith('transferability.conditions')) return 'rv-transfer-conditions';
  if (field === 'recommendation') return 'rv-recommendation';
  if (field === 'confidence') return 'rv-confidence';
  if (field === 'strengths') return 'rv-strengths';
  if (field === 'improvements') return 'rv-improvements';
  return '';
}

/** Moves focus to the control of a field (for a radio group: the checked radio, else the first). */
/** The control that stands for an API field name (a radio group's checked or first radio). */
export function fieldElement(field: string): HTMLElement | null {
  const id = fieldDomId(field);
  const el = id ? document.getElementById(id) : null;
  if (!el) return null;
  return el.tagName === 'FIELDSET' || el.getAttribute('role') === 'radiogroup'
    ? (el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input'))
    : el;
}

export function focusField(field: string): boolean {
  const target = fieldElement(field);
  target?.scrollIntoView?.({ block: 'center' });
  target?.focus();
  return !!target;
}
