import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '@/api/errors';
import { queryKeys } from '@/api/query-keys';
import type { Assignment, Criterion, Review, ReviewInput, Rubric } from '@/api/review-types';
import type { Practice, Versioned } from '@/api/types';
import { useToast } from '@/components/ui/toast';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { isPast } from '@/lib/review-format';
import { useVersionedAutosave } from '@/lib/use-versioned-autosave';
import { fetchReview, putReview, useSubmitReview } from '../api/review';
import { useMissingLabel } from '../components/review-checklist';
import { completion, draftFromReview, draftToInput, EMPTY_SCORE, fieldElement, focusField, missingItems, type Missing, type ReviewDraft } from '../components/review-draft';

export interface ReviewSessionOptions {
  assignmentId: string;
  review: Versioned<Review>;
  rubric: Rubric;
  practice: Practice;
  assignment: Assignment | null;
}

/**
 * One reviewer's session on a review form: the draft, what is missing, autosave (with the leave
 * guard), server errors and the submit flow.
 */
export function useReviewSession({ assignmentId, review, rubric, practice, assignment }: ReviewSessionOptions) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const questions = useMemo(() => practice.learning_questions ?? [], [practice.learning_questions]);
  const initial = useMemo(() => draftFromReview(review.data, rubric, questions), [review.data, rubric, questions]);
  const [draft, setDraft] = useState<ReviewDraft>(initial);
  const baseline = useMemo(() => draftToInput(initial, rubric, questions), [initial, rubric, questions]);
  const body = useMemo(() => draftToInput(draft, rubric, questions), [draft, rubric, questions]);
  const missing = useMemo(() => missingItems(draft, rubric, questions), [draft, rubric, questions]);
  const progress = useMemo(() => completion(draft, rubric, questions), [draft, rubric, questions]);
  const missingLabel = useMissingLabel();

  const submitted = review.data.status === 'submitted';
  const accepted = !assignment || assignment.status === 'accepted';
  const declined = assignment?.status === 'declined';
  // A review revised during the rebuttal may be handed in again until the decision, past its deadline.
  const overdue = !submitted && !review.data.revised && isPast(assignment?.due_at);
  const readOnly = submitted || !accepted;

  const autosave = useVersionedAutosave({
    enabled: !readOnly,
    etag: review.etag,
    body,
    baseline,
    save: (input, ifMatch) => putReview(assignmentId, input as ReviewInput, ifMatch),
    onSaved: (result: Versioned<Review>) => queryClient.setQueryData(queryKeys.review.review(assignmentId), result),
  });
  /** After a conflict: keeps the local draft and saves it over the latest version. */
  const keepMine = async () => {
    const latest = await fetchReview(assignmentId);
    await autosave.overwrite(latest.etag);
  };
  const submit = useSubmitReview(assignmentId);

  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [focusAfterDialog, setFocusAfterDialog] = useState<string | null>(null);
  // Kept until the confirm dialog has closed: however late that is, focus lands on the field.
  const focusAfterDialogRef = useRef<string | null>(null);
  /** For the confirm dialog: the field to land on as it closes (it would else return to its opener). */
  const dialogFinalFocus = () => {
    const field = focusAfterDialogRef.current;
    focusAfterDialogRef.current = null;
    return field ? fieldElement(field) : null;
  };
  const [declining, setDeclining] = useState(false);
  const submittedNoteRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirming || !focusAfterDialog) return;
    const timer = window.setTimeout(() => {
      focusField(focusAfterDialog);
      setFocusAfterDialog(null);
    }, 30);
    return () => window.clearTimeout(timer);
  }, [confirming, focusAfterDialog]);

  const missingByField = useMemo(() => new Map(missing.map((m) => [m.field, m])), [missing]);
  /** The message under a control: what is missing (after a submit attempt), or what the server said. */
  const errorFor = (field: string): string | undefined => {
    const m = missingByField.get(field);
    if (m && showErrors) return fieldMessage(m);
    if (serverErrors[field]) return serverErrors[field];
    return undefined;
  };
  const fieldMessage = (m: Missing): string => {
    switch (m.kind) {
      case 'score':
        return m.criterion?.tier === 'gate' ? t('form.errors.gate') : t('form.errors.score');
      case 'gateComment':
        return t('form.errors.gateComment');
      case 'transferRating':
        return t('form.errors.transferRating');
      case 'answer':
        return t('form.errors.answer');
      case 'recommendation':
        return t('form.errors.recommendation');
      case 'confidence':
        return t('form.errors.confidence');
    }
  };

  /** A field named by the server (`scores.relevance.comment`, `answers[0]`, …) in words. */
  const serverFieldMessage = (field: string, fallback: string): string => {
    const known = missingByField.get(field);
    if (known) return fieldMessage(known);
    let m = /^scores\.([a-z0-9_]+)\.comment$/.exec(field);
    if (m) return t('form.errors.gateComment');
    m = /^scores\.([a-z0-9_]+)$/.exec(field);
    if (m) return rubric.criteria.find((c) => c.key === m?.[1])?.tier === 'gate' ? t('form.errors.gate') : t('form.errors.score');
    if (field === 'transferability.rating') return t('form.errors.transferRating');
    if (/^answers\[\d+\]/.test(field)) return t('form.errors.answer');
    if (field === 'recommendation') return t('form.errors.recommendation');
    if (field === 'confidence') return t('form.errors.confidence');
    return fallback;
  };

  const clearServerError = (...fields: string[]) =>
    setServerErrors((prev) => {
      if (!fields.some((f) => prev[f])) return prev;
      const next = { ...prev };
      for (const f of fields) delete next[f];
      return next;
    });

  const setScore = (criterion: Criterion, next: typeof EMPTY_SCORE) => {
    setDraft((d) => ({ ...d, scores: { ...d.scores, [criterion.key]: next } }));
    clearServerError(`scores.${criterion.key}`, `scores.${criterion.key}.comment`);
  };
  const update = <K extends keyof ReviewDraft>(key: K, value: ReviewDraft[K], field: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clearServerError(field);
  };

  const trySubmit = (e?: FormEvent) => {
    e?.preventDefault();
    if (readOnly) return;
    if (missing.length > 0) {
      setShowErrors(true);
      setFormError(t('form.incomplete', { count: missing.length }));
      focusField(missing[0].field);
      return;
    }
    setFormError(null);
    submit.reset();
    setConfirming(true);
  };

  const confirmSubmit = async () => {
    const saved = await autosave.flush();
    if (!saved) {
      setConfirming(false);
      setFormError(t('form.saveBeforeSubmit'));
      return;
    }
    submit.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        setFormError(null);
        toast.show(t('form.submittedToast'));
        window.setTimeout(() => submittedNoteRef.current?.focus(), 50);
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 422 && error.fieldErrors.length > 0) {
          const fields: Record<string, string> = {};
          for (const fe of error.fieldErrors) {
            fields[fe.field] = serverFieldMessage(fe.field, fe.message);
          }
          setServerErrors(fields);
          setShowErrors(true);
          setFormError(t('form.incomplete', { count: error.fieldErrors.length }));
          setConfirming(false);
          focusAfterDialogRef.current = error.fieldErrors[0].field;
          setFocusAfterDialog(error.fieldErrors[0].field);
        }
      },
    });
  };

  return {
    draft,
    questions,
    missing,
    progress,
    missingLabel,
    submitted,
    declined,
    overdue,
    readOnly,
    autosave,
    keepMine,
    submit,
    formError,
    confirming,
    setConfirming,
    dialogFinalFocus,
    declining,
    setDeclining,
    submittedNoteRef,
    errorFor,
    setScore,
    update,
    trySubmit,
    confirmSubmit,
  };
}
