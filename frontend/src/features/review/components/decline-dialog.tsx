import { useState, type FormEvent } from 'react';
import type { Assignment } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { CheckboxField, FormActions, FormAlert, TextAreaField } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { useFormErrors } from '@/lib/use-form-errors';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useDeclineAssignment } from '../api/assignments';

const FIELDS = ['reason'] as const;

/** Declining an assignment: a reason is required; a conflict of interest can be declared. */
export function DeclineDialog({
  assignment,
  open,
  onOpenChange,
}: {
  assignment: Assignment;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const decline = useDeclineAssignment();
  const form = useFormErrors(FIELDS);
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.validate(reason.trim() ? {} : { reason: t('decline.reasonRequired') })) return;
    decline.mutate(
      { id: assignment.id, reason: reason.trim(), conflict },
      {
        onSuccess: () => {
          toast.show(t('decline.done', { practice: assignment.practice_title ?? '' }));
          onOpenChange(false);
        },
        onError: (error) => form.showServerError(error),
      },
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('decline.title')}
      description={t('decline.lead', { practice: assignment.practice_title ?? '' })}
    >
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <FormAlert message={form.formError} />
        <TextAreaField
          label={t('decline.reason')}
          hint={t('decline.reasonHint')}
          required
          rows={4}
          maxLength={1000}
          value={reason}
          error={form.errors.reason}
          onChange={(e) => {
            setReason(e.target.value);
            form.clearError('reason');
          }}
        />
        <CheckboxField
          label={t('decline.conflict')}
          hint={t('decline.conflictHint')}
          checked={conflict}
          onChange={(e) => setConflict(e.target.checked)}
        />
        <FormActions>
          <Button type="submit" variant="danger" pending={decline.isPending} pendingLabel={t('actions.working')}>
            {t('decline.submit')}
          </Button>
          <DialogClose>
            <Button>{t('actions.cancel')}</Button>
          </DialogClose>
        </FormActions>
      </form>
    </Dialog>
  );
}
