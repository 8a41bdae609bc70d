import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/form-fields';
import { describeFieldPath } from './field-names';

interface SubmitDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The number the frozen revision will get. */
  nextRevision: number;
  onConfirm: () => void;
  pending: boolean;
  error?: string | null;
  /** What the server says is still missing (422 practice_incomplete). */
  missing: FieldError[];
  /** Takes the user to a missing field: a link target, or an action. */
  goToField: (field: string) => { href: string; onClick?: (e: MouseEvent) => void };
  /** Where focus goes when the dialog closes (see Dialog). */
  finalFocus?: () => HTMLElement | null | undefined;
}

/** "Submit for review": says what submitting means before doing it, and what is missing. */
export function SubmitDialog({ open, onOpenChange, nextRevision, onConfirm, pending, error, missing, goToField, finalFocus }: SubmitDialogProps) {
  const { t, i18n } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('practices.submit.title')} description={t('practices.submit.explain', { n: nextRevision })} finalFocus={finalFocus}>
      <ul className="bullet-list submit-consequences">
        <li>{t('practices.submit.frozen')}</li>
        <li>{t('practices.submit.review')}</li>
        <li>{t('practices.submit.withdraw')}</li>
      </ul>
      {missing.length > 0 ? (
        <div role="alert" className="alert alert-error missing-fields">
          <p>{t('practices.submit.missingIntro')}</p>
          <ul>
            {missing.map((m) => {
              const target = goToField(m.field);
              return (
                <li key={m.field}>
                  <a href={target.href} onClick={target.onClick}>
                    {describeFieldPath(m.field, t, i18n.language)}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <FormAlert message={error} />
      )}
      <div className="form-actions">
        <Button variant="primary" onClick={onConfirm} pending={pending} pendingLabel={t('practices.submit.pending')}>
          {t('practices.submit.confirm')}
        </Button>
        <DialogClose>
          <Button variant="secondary">{t('actions.cancel')}</Button>
        </DialogClose>
      </div>
    </Dialog>
  );
}
