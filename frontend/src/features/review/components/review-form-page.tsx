import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { queryKeys } from '@/api/query-keys';
import type { Assignment, Review, Rubric } from '@/api/review-types';
import type { Practice, Versioned } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, LeaveConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { describeError } from '@/lib/describe-error';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useVocabulary } from '@/lib/vocabulary';
import { useMyAssignment } from '../api/assignments';
import { usePracticeForReview, useReview, useRubric } from '../api/review';
import { useReviewSession } from '../hooks/use-review-session';
import { DeclineDialog } from './decline-dialog';
import { ReviewChecklist } from './review-checklist';
import { ConclusionSection } from './review-sections/conclusion-section';
import { CriteriaSections } from './review-sections/criteria-sections';
import { OverallSection } from './review-sections/overall-section';
import { PracticeReading, READING_TITLE_ID } from './review-sections/practice-reading';
import { QuestionsSection } from './review-sections/questions-section';
import { RebuttalSection } from './review-sections/rebuttal-section';
import { AcceptBanner, ConflictBanner } from './review-sections/review-banners';
import { ReviewSaveStatus } from './review-sections/review-save-status';
import { DiscussionPanel } from './discussion-panel';
import { ReviewWorkspace } from './review-workspace';

/** The review form of one assignment: `/reviews/:assignmentId`. */
export function ReviewFormPage() {
  const { t } = useReviewTranslation();
  const { assignmentId = '' } = useParams();
  const queryClient = useQueryClient();
  const review = useReview(assignmentId);
  const assignment = useMyAssignment(assignmentId);
  const practice = usePracticeForReview(review.data?.data.practice_id);
  const rubric = useRubric(review.data?.data.rubric_id);
  // The criteria as the reader reads them: titles, descriptions and levels in the interface language.
  const vocabulary = useVocabulary();
  const rubricData = rubric.data?.data;
  const readable = useMemo(
    () => rubricData && { ...rubricData, criteria: rubricData.criteria.map((c) => vocabulary.criterion(c)) },
    [rubricData, vocabulary],
  );
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
  if (!readable || !practice.data) return <LoadingState />;

  return (
    <ReviewForm
      key={`${generation}`}
      assignmentId={assignmentId}
      review={review.data}
      rubric={readable}
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
  const session = useReviewSession(options);
  const { draft, readOnly, errorFor, update } = session;
  const sectionProps = { draft, readOnly, errorFor, update };

  return (
    <>
      <PageHeader
        title={t('form.title')}
        meta={
          <>
            {review.data.round_name && <span>{review.data.round_name}</span>}
            {assignment?.due_at && (
              <span className={session.overdue ? 'rv-overdue' : undefined}>
                {t('form.due', { when: formatRelativeTime(assignment.due_at, i18n.language), date: formatDateTime(assignment.due_at, i18n.language) })}
              </span>
            )}
            <Badge tone={session.submitted ? 'success' : 'info'}>{t(`status.review.${review.data.status}`)}</Badge>
          </>
        }
        actions={<Link to="/reviews">{t('inbox.backToInbox')}</Link>}
      />

      {session.submitted && (
        <div ref={session.submittedNoteRef} tabIndex={-1} role="status" className="alert alert-success rv-note">
          {t('form.submittedNote', { date: formatDateTime(review.data.submitted_at, i18n.language) })}
        </div>
      )}
      <RebuttalSection assignmentId={options.assignmentId} review={review.data} onRevised={onReload} />
      {!session.submitted && session.declined && <div className="alert alert-warning rv-note">{t('form.declinedNote')}</div>}
      {!session.submitted && assignment?.status === 'assigned' && (
        <AcceptBanner assignment={assignment} onDecline={() => session.setDeclining(true)} />
      )}
      {!session.readOnly && session.overdue && <div className="alert alert-warning rv-note">{t('form.overdueNote')}</div>}
      {session.autosave.state.kind === 'conflict' && (
        <ConflictBanner onReload={onReload} onKeepMine={() => void session.keepMine()} />
      )}
      {session.autosave.state.kind === 'locked' && (
        <div role="alert" className="alert alert-warning rv-note">
          {describeError(session.autosave.state.error, t)}
        </div>
      )}

      <ReviewWorkspace
        readingLabelledBy={READING_TITLE_ID}
        reading={<PracticeReading practice={practice} revision={review.data.revision} />}
        review={
          <>
            <form
              id="review-form"
              className="form rv-form"
              noValidate
              onSubmit={session.trySubmit}
              aria-describedby={session.readOnly ? undefined : 'rv-form-help'}
            >
              {/* How to fill in the form, only while it can be filled in: not on a submitted review. */}
              {!session.readOnly && (
                <p id="rv-form-help" className="muted">
                  {t('form.help')}
                </p>
              )}
              <FormAlert message={session.formError} />
              <fieldset className="rv-plain-fieldset" disabled={session.readOnly}>
                <legend className="visually-hidden">{t('form.title')}</legend>
                <CriteriaSections rubric={rubric} setScore={session.setScore} {...sectionProps} />
                <OverallSection {...sectionProps} />
                <QuestionsSection questions={session.questions} {...sectionProps} />
                <ConclusionSection rubric={rubric} {...sectionProps} />
              </fieldset>
            </form>
            {/* Once the review is in, the reviewer joins the discussion with the coordinators and the other reviewers who submitted. */}
            {session.submitted && <DiscussionPanel roundId={review.data.round_id} practiceId={review.data.practice_id} />}
          </>
        }
        aside={
          <aside className="rv-aside" aria-label={t('form.sidebar')}>
            <div className="card rv-aside-card">
              {!session.readOnly && <ReviewSaveStatus state={session.autosave.state} dirty={session.autosave.dirty} onRetry={() => void session.autosave.retry()} />}
              {!session.readOnly && (
                <div className="rv-aside-actions">
                  <Button
                    onClick={() => void session.autosave.flush()}
                    pending={session.autosave.state.kind === 'saving'}
                    pendingLabel={t('actions.saving')}
                    disabled={session.autosave.state.kind === 'conflict' || session.autosave.state.kind === 'locked'}
                  >
                    {t('form.saveDraft')}
                  </Button>
                  <Button
                    variant="primary"
                    type="submit"
                    form="review-form"
                    aria-describedby={session.submitted ? undefined : 'rv-checklist-status'}
                    disabled={session.autosave.state.kind === 'locked'}
                  >
                    {t('form.submit')}
                  </Button>
                </div>
              )}
              {!session.submitted && (
                <ReviewChecklist
                  missing={session.missing}
                  done={session.progress.done}
                  total={session.progress.total}
                  label={session.missingLabel}
                  questions={session.questions}
                />
              )}
              {session.submitted && <p className="muted">{t('form.submittedAside')}</p>}
            </div>
          </aside>
        }
      />

      <ConfirmDialog
        open={session.confirming}
        onOpenChange={(open) => {
          if (!open) session.setConfirming(false);
        }}
        title={t('form.confirmTitle')}
        message={t('form.confirmText')}
        confirmLabel={t('form.confirmSubmit')}
        tone="primary"
        pending={session.submit.isPending}
        error={session.submit.isError && !(isApiError(session.submit.error) && session.submit.error.status === 422) ? describeError(session.submit.error, t) : null}
        onConfirm={() => void session.confirmSubmit()}
        finalFocus={session.dialogFinalFocus}
      />
      <LeaveConfirmDialog
        leave={session.autosave.leave}
        title={t('form.leaveTitle')}
        message={t('form.leaveMessage')}
        confirmLabel={t('form.leaveConfirm')}
      />
      {assignment && session.declining && (
        <DeclineDialog assignment={assignment} open={session.declining} onOpenChange={session.setDeclining} />
      )}
    </>
  );
}
