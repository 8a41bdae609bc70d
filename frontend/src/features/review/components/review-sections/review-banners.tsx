import { useState } from 'react';
import type { Assignment } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useAcceptAssignment } from '../../api/assignments';

/** Someone saved the review elsewhere: reload theirs or keep mine. */
export function ConflictBanner({ onReload, onKeepMine }: { onReload: () => Promise<void>; onKeepMine: () => void }) {
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

/** The assignment is not accepted yet: accept or decline before writing. */
export function AcceptBanner({ assignment, onDecline }: { assignment: Assignment; onDecline: () => void }) {
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
