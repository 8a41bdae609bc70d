import { useState } from 'react';
import type { Review } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { describeError } from '@/lib/describe-error';
import { formatDateTime } from '@/lib/format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useReviseReview } from '../../api/review';
import { personName } from '@/lib/person-name';

/**
 * The rebuttal as the reviewer meets it on their review: the organisation's response, and the
 * one revision they may make before the decision (with what it means, confirmed first).
 */
export function RebuttalSection({ assignmentId, review, onRevised }: { assignmentId: string; review: Review; onRevised: () => Promise<void> }) {
  const { t, i18n } = useReviewTranslation();
  const revise = useReviseReview(assignmentId);
  const [confirming, setConfirming] = useState(false);
  const responses = review.responses ?? [];
  const revising = !!review.revised && review.status === 'draft';
  if (responses.length === 0 && !review.revisable && !review.revised) return null;

  return (
    <section className="card rv-rebuttal stack" aria-labelledby="rv-rebuttal-title">
      <h2 id="rv-rebuttal-title" className="h3">
        {t('rebuttal.reviewerTitle')}
      </h2>
      {responses.length === 0 ? (
        <p className="muted">{t('rebuttal.noResponseYet')}</p>
      ) : (
        <ul className="rv-plain-list">
          {responses.map((r) => (
            <li key={r.id} className="rv-response">
              <p className="muted">{t('panel.responseBy', { name: personName(r.author_name), date: formatDateTime(r.created_at, i18n.language) })}</p>
              <p className="rv-prewrap">{r.body}</p>
            </li>
          ))}
        </ul>
      )}
      {review.revisable && (
        <div className="stack">
          <p>{t('rebuttal.reviseExplain')}</p>
          <div>
            <Button onClick={() => setConfirming(true)}>{t('rebuttal.revise')}</Button>
          </div>
        </div>
      )}
      {revising && (
        <p className="alert alert-info" role="status">
          {t('rebuttal.revisingNote')}
        </p>
      )}
      {review.revised && review.status === 'submitted' && <p className="muted">{t('rebuttal.revisedNote')}</p>}
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (!open) {
            setConfirming(false);
            revise.reset();
          }
        }}
        title={t('rebuttal.reviseTitle')}
        message={t('rebuttal.reviseConfirmText')}
        confirmLabel={t('rebuttal.revise')}
        tone="primary"
        pending={revise.isPending}
        error={revise.isError ? describeError(revise.error, t) : null}
        onConfirm={() =>
          revise.mutate(undefined, {
            onSuccess: async () => {
              setConfirming(false);
              await onRevised();
            },
          })
        }
      />
    </section>
  );
}
