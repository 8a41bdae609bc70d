import { useState } from 'react';
import type { Round } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { CheckboxField, FormAlert } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { formatDateTime } from '@/lib/format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useReleaseReviews, useRoundResults } from '../api/rounds';

/**
 * Confirms releasing a round's reviews for the rebuttal: what it means, until when the
 * organisations may respond, and how many reviews are still outstanding (releasing with any
 * outstanding needs an explicit choice). Without a rebuttal deadline it sends the coordinator to
 * the round's settings first.
 */
export function ReleaseReviewsDialog({ round, onClose, onEdit }: { round: Round; onClose: () => void; onEdit: () => void }) {
  const { t, i18n } = useReviewTranslation();
  const toast = useToast();
  const results = useRoundResults(round.id);
  const release = useReleaseReviews(round.id);
  const [anyway, setAnyway] = useState(false);
  const completion = results.data?.completion;
  const outstanding = completion ? (completion.assigned ?? 0) + (completion.accepted ?? 0) : undefined;
  const deadline = round.rebuttal_due_at;
  const deadlinePassed = !!deadline && new Date(deadline).getTime() <= Date.now();
  const blocked = !deadline || deadlinePassed || outstanding === undefined || (outstanding > 0 && !anyway);

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('round.release.title')} description={t('round.release.text')}>
      <div className="stack">
        {deadline ? (
          <p>
            <strong>{t('round.release.deadline', { date: formatDateTime(deadline, i18n.language) })}</strong>
          </p>
        ) : null}
        {(!deadline || deadlinePassed) && (
          <div className="alert alert-warning">
            <p>{deadline ? t('round.release.deadlinePassed') : t('round.release.deadlineMissing')}</p>
            <Button onClick={onEdit}>{t('round.edit')}</Button>
          </div>
        )}
        <ul className="rv-plain-list">
          <li>{t('round.release.meansOrganisations')}</li>
          <li>{round.blind ? t('round.release.meansBlind') : t('round.release.meansNamed')}</li>
          <li>{t('round.release.meansReviewers')}</li>
          <li>{t('round.release.meansDecisions')}</li>
        </ul>
        {outstanding === undefined ? (
          <p className="muted">{t('round.release.counting')}</p>
        ) : outstanding === 0 ? (
          <p>{t('round.release.allIn')}</p>
        ) : (
          <div className="alert alert-warning">
            <p>{t('round.release.outstanding', { count: outstanding })}</p>
            <CheckboxField label={t('round.release.anyway', { count: outstanding })} checked={anyway} onChange={(e) => setAnyway(e.target.checked)} />
          </div>
        )}
        <FormAlert message={release.isError ? describeError(release.error, t) : null} />
        <div className="form-actions">
          <Button
            variant="primary"
            disabled={blocked}
            pending={release.isPending}
            pendingLabel={t('actions.working')}
            onClick={() =>
              release.mutate((outstanding ?? 0) > 0 && anyway, {
                onSuccess: () => {
                  toast.show(t('round.release.done', { name: round.name }));
                  onClose();
                },
              })
            }
          >
            {t('round.release.confirm')}
          </Button>
          <DialogClose>
            <Button variant="secondary">{t('actions.cancel')}</Button>
          </DialogClose>
        </div>
      </div>
    </Dialog>
  );
}
