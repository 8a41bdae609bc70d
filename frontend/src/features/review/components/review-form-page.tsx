import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { reviewKeys } from '@/api/review-query-keys';
import type { Assignment, Criterion, CriterionTier, Review, Rubric } from '@/api/review-types';
import type { Practice, Versioned } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert, TextAreaField } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { RadioCards } from '@/components/ui/radio-cards';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { formatDateTime, formatRelativeTime, formatTime } from '@/lib/format';
import { isPast, prettifyKey } from '@/lib/review-format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useAcceptAssignment, useMyAssignment } from '../api/assignments';
import { usePracticeForReview, useReview, useRubric, useSubmitReview } from '../api/review';
import { useReviewAutosave, type ReviewSaveState } from '../api/use-review-autosave';
import { CriterionField } from './criterion-field';
import { DeclineDialog } from './decline-dialog';
import { ReviewChecklist, useMissingLabel } from './review-checklist';
import {
  completion,
  draftFromReview,
  draftToInput,
  EMPTY_SCORE,
  focusField,
  missingItems,
  orderedCriteria,
  type Missing,
  type ReviewDraft,
} from './review-draft';

/** The review form of one assignment: `/reviews/:assignmentId`. */
export function ReviewFormPage() {
  const { t } = useReviewTranslation();
  const { assignmentId = '' } = useParams();
  const queryClient = useQueryClient();
  const review = useReview(assignmentId);
  const assignment = useMyAssignment(assignmentId);
  const practice = usePracticeForReview(review.data?.data.practice_id);
  const rubric = useRubric(review.data?.data.rubric_id);
  // A new key re-initialises the form from the server (after "Reload the latest version").
  const [generation, setGeneration] = useState(0);
  useDocumentTitle(practice.data ? t('form.documentTitle', { practice: practice.data.data.title }) : t('form.title'));

  if (review.isPending || (review.data && (rubric.isPending || practice.isPending))) return <LoadingState />;
  if (review.isError) {
    if (isApiError(review.error) && review.error.status === 404) {
      return (
        <EmptyState title={t('form.notFound')} action={<Link to="/reviews">{t('inbox.backToInbox')}</Link>}>
          {t('form.notFoundText')}
        </EmptyState>
      );
    }
    return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  }
  if (rubric.isError) return <ErrorState error={rubric.error} onRetry={() => void rubric.refetch()} />;
  if (practice.isError) return <ErrorState error={practice.error} onRetry={() => void practice.refetch()} />;
  if (!rubric.data || !practice.data) return <LoadingState />;

  return (
    <ReviewForm
      key={`${generation}`}
      assignmentId={assignmentId}
      review={review.data}
      rubric={rubric.data.data}
      practice={practice.data.data}
      assignment={assignment.data ?? null}
      onReload={async () => {
        await queryClient.invalidateQueries({ queryKey: reviewKeys.review(assignmentId) });
        await review.refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}

const TIER_HEADINGS: Record<CriterionTier, string> = { gate: 'form.tiers.gate', core: 'form.tiers.core', qualifier: 'form.tiers.qualifier' };
const TIER_INTROS: Record<CriterionTier, string> = {
  gate: 'form.tiers.gateIntro',
  core: 'form.tiers.coreIntro',
  qualifier: 'form.tiers.qualifierIntro',
};
const SCALE_1_5 = [1, 2, 3, 4, 5] as const;

interface ReviewFormProps {
  assignmentId: string;
  review: Versioned<Review>;
  rubric: Rubric;
  practice: Practice;
  assignment: Assignment | null;
  onReload: () => Promise<void>;
}

function ReviewForm({ assignmentId, review, rubric, practice, assignment, onReload }: ReviewFormProps) {
  const { t, i18n } = useReviewTranslation();
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
  const overdue = !submitted && isPast(assignment?.due_at);
  const readOnly = submitted || !accepted;

  const autosave = useReviewAutosave({
    assignmentId,
    etag: review.etag,
    body,
    baseline,
    enabled: !readOnly,
    onSaved: (result) => queryClient.setQueryData(reviewKeys.review(assignmentId), result),
  });
  const submit = useSubmitReview(assignmentId);

  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [focusAfterDialog, setFocusAfterDialog] = useState<string | null>(null);
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
          setFocusAfterDialog(error.fieldErrors[0].field);
        }
      },
    });
  };

  const tiers = (['gate', 'core', 'qualifier'] as const).filter((tier) => rubric.criteria.some((c) => c.tier === tier));
  const criteriaOf = (tier: CriterionTier) => orderedCriteria(rubric).filter((c) => c.tier === tier);

  return (
    <>
      <PageHeader
        title={t('form.title')}
        meta={
          <>
            {review.data.round_name && <span>{review.data.round_name}</span>}
            {assignment?.due_at && (
              <span className={overdue ? 'rv-overdue' : undefined}>
                {t('form.due', { when: formatRelativeTime(assignment.due_at, i18n.language), date: formatDateTime(assignment.due_at, i18n.language) })}
              </span>
            )}
            <Badge tone={submitted ? 'success' : 'info'}>{t(`status.review.${review.data.status}`)}</Badge>
          </>
        }
        actions={<Link to="/reviews">{t('inbox.backToInbox')}</Link>}
      />

      {submitted && (
        <div ref={submittedNoteRef} tabIndex={-1} role="status" className="alert alert-success rv-note">
          {t('form.submittedNote', { date: formatDateTime(review.data.submitted_at, i18n.language) })}
        </div>
      )}
      {!submitted && declined && <div className="alert alert-warning rv-note">{t('form.declinedNote')}</div>}
      {!submitted && assignment?.status === 'assigned' && (
        <AcceptBanner assignment={assignment} onDecline={() => setDeclining(true)} />
      )}
      {!readOnly && overdue && <div className="alert alert-warning rv-note">{t('form.overdueNote')}</div>}
      {autosave.state.kind === 'conflict' && (
        <ConflictBanner onReload={onReload} onKeepMine={() => void autosave.keepMine()} />
      )}
      {autosave.state.kind === 'locked' && (
        <div role="alert" className="alert alert-warning rv-note">
          {describeError(autosave.state.error, t)}
        </div>
      )}

      <div className="rv-layout">
        <div className="rv-main">
          <PracticeBrief practice={practice} questions={questions} />

          <form id="review-form" className="form rv-form" noValidate onSubmit={trySubmit} aria-describedby="rv-form-help">
            <p id="rv-form-help" className="muted">
              {t('form.help')}
            </p>
            <FormAlert message={formError} />
            <fieldset className="rv-plain-fieldset" disabled={readOnly}>
              <legend className="visually-hidden">{t('form.title')}</legend>
              {tiers.map((tier) => (
                <section key={tier} className="card rv-tier" aria-labelledby={`rv-tier-${tier}`}>
                  <h2 id={`rv-tier-${tier}`}>{t(TIER_HEADINGS[tier])}</h2>
                  <p className="muted">{t(TIER_INTROS[tier])}</p>
                  <div className="rv-criteria">
                    {criteriaOf(tier).map((c) => (
                      <CriterionField
                        key={c.key}
                        criterion={c}
                        score={draft.scores[c.key] ?? EMPTY_SCORE}
                        onChange={(next) => setScore(c, next)}
                        scoreError={errorFor(`scores.${c.key}`)}
                        commentError={errorFor(`scores.${c.key}.comment`)}
                        disabled={readOnly}
                      />
                    ))}
                  </div>
                </section>
              ))}

              <section className="card rv-tier" aria-labelledby="rv-overall">
                <h2 id="rv-overall">{t('form.overall')}</h2>
                <div className="rv-criteria">
                  <TextAreaField
                    id="rv-strengths"
                    label={t('form.strengths')}
                    hint={t('form.strengthsHint')}
                    rows={4}
                    maxLength={10000}
                    value={draft.strengths}
                    onChange={(e) => update('strengths', e.target.value, 'strengths')}
                  />
                  <TextAreaField
                    id="rv-improvements"
                    label={t('form.improvements')}
                    hint={t('form.improvementsHint')}
                    rows={4}
                    maxLength={10000}
                    value={draft.improvements}
                    onChange={(e) => update('improvements', e.target.value, 'improvements')}
                  />
                  <RadioCards
                    id="rv-transfer-rating"
                    name="transfer-rating"
                    legend={t('form.transferRating')}
                    description={t('form.transferRatingHint')}
                    options={SCALE_1_5.map((v) => ({ value: String(v), label: `${v} – ${t(`form.transferLevels.${v}`)}` }))}
                    value={draft.transferRating === null ? null : String(draft.transferRating)}
                    onChange={(v) => update('transferRating', Number(v), 'transferability.rating')}
                    required
                    layout="row"
                    error={errorFor('transferability.rating')}
                  />
                  <TextAreaField
                    id="rv-transfer-conditions"
                    label={t('form.transferConditions')}
                    hint={t('form.transferConditionsHint')}
                    rows={3}
                    maxLength={5000}
                    value={draft.transferConditions}
                    onChange={(e) => update('transferConditions', e.target.value, 'transferability.conditions')}
                  />
                </div>
              </section>

              {questions.length > 0 && (
                <section className="card rv-tier" aria-labelledby="rv-questions">
                  <h2 id="rv-questions">{t('form.questions')}</h2>
                  <p className="muted">{t('form.questionsIntro')}</p>
                  <div className="rv-criteria">
                    {questions.map((q, i) => (
                      <TextAreaField
                        key={`${i}-${q}`}
                        id={`rv-answer-${i}`}
                        label={q}
                        required
                        rows={3}
                        maxLength={5000}
                        value={draft.answers[i] ?? ''}
                        error={errorFor(`answers[${i}]`)}
                        onChange={(e) => {
                          const answers = [...draft.answers];
                          answers[i] = e.target.value;
                          update('answers', answers, `answers[${i}]`);
                        }}
                      />
                    ))}
                  </div>
                </section>
              )}

              <section className="card rv-tier" aria-labelledby="rv-conclusion">
                <h2 id="rv-conclusion">{t('form.conclusion')}</h2>
                <div className="rv-criteria">
                  <RadioCards
                    id="rv-recommendation"
                    name="recommendation"
                    legend={t('form.recommendation')}
                    options={rubric.recommendation_options.map((key) => ({
                      value: key,
                      label: t(`recommendations.${key}`, { defaultValue: prettifyKey(key) }),
                      description: t(`recommendationHints.${key}`, { defaultValue: '' }) || undefined,
                    }))}
                    value={draft.recommendation || null}
                    onChange={(v) => update('recommendation', v, 'recommendation')}
                    required
                    error={errorFor('recommendation')}
                  />
                  <RadioCards
                    id="rv-confidence"
                    name="confidence"
                    legend={t('form.confidence')}
                    description={t('form.confidenceHint')}
                    options={SCALE_1_5.map((v) => ({ value: String(v), label: `${v} – ${t(`form.confidenceLevels.${v}`)}` }))}
                    value={draft.confidence === null ? null : String(draft.confidence)}
                    onChange={(v) => update('confidence', Number(v), 'confidence')}
                    required
                    layout="row"
                    error={errorFor('confidence')}
                  />
                </div>
              </section>
            </fieldset>
          </form>
        </div>

        <aside className="rv-aside" aria-label={t('form.sidebar')}>
          <div className="card rv-aside-card">
            {!readOnly && <SaveStatus state={autosave.state} dirty={autosave.dirty} onRetry={() => void autosave.retry()} />}
            {!readOnly && (
              <div className="rv-aside-actions">
                <Button
                  onClick={() => void autosave.flush()}
                  pending={autosave.state.kind === 'saving'}
                  pendingLabel={t('actions.saving')}
                  disabled={autosave.state.kind === 'conflict' || autosave.state.kind === 'locked'}
                >
                  {t('form.saveDraft')}
                </Button>
                <Button variant="primary" type="submit" form="review-form" disabled={autosave.state.kind === 'locked'}>
                  {t('form.submit')}
                </Button>
              </div>
            )}
            {!submitted && (
              <ReviewChecklist
                missing={missing}
                done={progress.done}
                total={progress.total}
                label={missingLabel}
                questions={questions}
              />
            )}
            {submitted && <p className="muted">{t('form.submittedAside')}</p>}
          </div>
        </aside>
      </div>

      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (!open) setConfirming(false);
        }}
        title={t('form.confirmTitle')}
        message={t('form.confirmText')}
        confirmLabel={t('form.confirmSubmit')}
        tone="primary"
        pending={submit.isPending}
        error={submit.isError && !(isApiError(submit.error) && submit.error.status === 422) ? describeError(submit.error, t) : null}
        onConfirm={() => void confirmSubmit()}
      />
      {assignment && declining && (
        <DeclineDialog assignment={assignment} open={declining} onOpenChange={setDeclining} />
      )}
    </>
  );
}

function PracticeBrief({ practice, questions }: { practice: Practice; questions: string[] }) {
  const { t } = useReviewTranslation();
  return (
    <section className="card rv-practice" aria-labelledby="rv-practice-title">
      <p className="eyebrow">{t('form.practiceUnderReview')}</p>
      <h2 id="rv-practice-title">{practice.title}</h2>
      <p className="muted">
        {practice.organisation.name} · {practice.country}
      </p>
      {practice.summary && <p>{practice.summary}</p>}
      <p>
        <Link to={`/practices/${practice.id}`} target="_blank" rel="noopener">
          {t('form.readPractice')}
          <span className="visually-hidden"> {t('form.opensNewTab')}</span>
        </Link>
      </p>
      {questions.length > 0 && (
        <>
          <h3>{t('form.learningQuestions')}</h3>
          <ol className="rv-questions">
            {questions.map((q, i) => (
              <li key={`${i}-${q}`}>{q}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function SaveStatus({ state, dirty, onRetry }: { state: ReviewSaveState; dirty: boolean; onRetry: () => void }) {
  const { t, i18n } = useReviewTranslation();
  let text: ReactNode;
  let tone = 'muted';
  switch (state.kind) {
    case 'idle':
      text = dirty ? t('form.save.unsaved') : t('form.save.noChanges');
      break;
    case 'pending':
      text = t('form.save.unsaved');
      break;
    case 'saving':
      text = t('form.save.saving');
      break;
    case 'saved':
      text = t('form.save.savedAt', { time: formatTime(state.at, i18n.language) });
      tone = 'success';
      break;
    case 'conflict':
      text = t('form.save.conflict');
      tone = 'warning';
      break;
    case 'locked':
      text = t('form.save.locked');
      tone = 'warning';
      break;
    case 'error':
      text = t('form.save.failed', { reason: describeError(state.error, t) });
      tone = 'error';
      break;
  }
  return (
    <div className={`rv-save-status rv-save-${tone}`}>
      <p role="status" aria-live="polite">
        {text}
      </p>
      {state.kind === 'error' && (
        <Button size="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      )}
    </div>
  );
}

function ConflictBanner({ onReload, onKeepMine }: { onReload: () => Promise<void>; onKeepMine: () => void }) {
  const { t } = useReviewTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <div role="alert" className="alert alert-warning rv-note rv-conflict">
      <p>
        <strong>{t('form.conflictTitle')}</strong> {t('form.conflictText')}
      </p>
      <div className="row-actions">
        <Button
          size="sm"
          pending={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onReload();
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('form.conflictReload')}
        </Button>
        <Button size="sm" variant="primary" onClick={onKeepMine}>
          {t('form.conflictKeep')}
        </Button>
      </div>
    </div>
  );
}

function AcceptBanner({ assignment, onDecline }: { assignment: Assignment; onDecline: () => void }) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const accept = useAcceptAssignment();
  return (
    <div className="alert alert-info rv-note">
      <p>{t('form.acceptFirst')}</p>
      <FormAlert message={accept.isError ? describeError(accept.error, t) : null} />
      <div className="row-actions">
        <Button
          variant="primary"
          size="sm"
          pending={accept.isPending}
          onClick={() =>
            accept.mutate(assignment.id, {
              onSuccess: () => toast.show(t('inbox.accepted', { practice: assignment.practice_title ?? '' })),
            })
          }
        >
          {t('inbox.accept')}
        </Button>
        <Button size="sm" onClick={onDecline}>
          {t('inbox.decline')}
        </Button>
      </div>
    </div>
  );
}
