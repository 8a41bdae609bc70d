import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { queryKeys } from '@/api/query-keys';
import type { Assignment, Review, Rubric } from '@/api/review-types';
import type { Practice, Versioned } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { describeError } from '@/lib/describe-error';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useMyAssignment } from '../api/assignments';
import { usePracticeForReview, useReview, useRubric } from '../api/review';
import { useReviewSession } from '../hooks/use-review-session';
import { DeclineDialog } from './decline-dialog';
import { ReviewChecklist } from './review-checklist';
import { ConclusionSection } from './review-sections/conclusion-section';
import { CriteriaSections } from './review-sections/criteria-sections';
import { OverallSection } from './review-sections/overall-section';
import { PracticeBrief } from './review-sections/practice-brief';
import { QuestionsSection } from './review-sections/questions-section';
import { AcceptBanner, ConflictBanner } from './review-sections/review-banners';
import { ReviewSaveStatus } from './review-sections/review-save-status';

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
        await queryClient.invalidateQueries({ queryKey: queryKeys.review.review(assignmentId) });
        await review.refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}

interface ReviewFormProps {
  assignmentId: string;
  review: Versioned<Review>;
  rubric: Rubric;
  practice: Practice;
  assignment: Assignment | null;
  onReload: () => Promise<void>;
}

function ReviewForm({ onReload, ...options }: ReviewFormProps) {
  const { t, i18n } = useReviewTranslation();
  const { review, rubric, practice, assignment } = options;
  const {
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
  } = useReviewSession(options);
  const sectionProps = { draft, readOnly, errorFor, update };

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
        <ConflictBanner onReload={onReload} onKeepMine={() => void keepMine()} />
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
              <CriteriaSections rubric={rubric} setScore={setScore} {...sectionProps} />
              <OverallSection {...sectionProps} />
              <QuestionsSection questions={questions} {...sectionProps} />
              <ConclusionSection rubric={rubric} {...sectionProps} />
            </fieldset>
          </form>
        </div>

        <aside className="rv-aside" aria-label={t('form.sidebar')}>
          <div className="card rv-aside-card">
            {!readOnly && <ReviewSaveStatus state={autosave.state} dirty={autosave.dirty} onRetry={() => void autosave.retry()} />}
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
        finalFocus={dialogFinalFocus}
      />
      <ConfirmDialog
        open={autosave.leave.asking}
        onOpenChange={(open) => {
          if (!open) autosave.leave.stay();
        }}
        title={t('form.leaveTitle')}
        message={t('form.leaveMessage')}
        confirmLabel={t('form.leaveConfirm')}
        onConfirm={autosave.leave.go}
      />
      {assignment && declining && (
        <DeclineDialog assignment={assignment} open={declining} onOpenChange={setDeclining} />
      )}
    </>
  );
}
