import { useState, type FormEvent } from 'react';
import type { ReminderRecipient, ReminderResult } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { FormActions, FormAlert, TextAreaField } from '@/components/ui/form-fields';
import { formatDate, formatDateTime } from '@/lib/format';
import { useFormErrors } from '@/lib/use-form-errors';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useSendReminders } from '../api/reminders';

const FIELDS = ['note'] as const;

/**
 * "Send reminders" (coordinators, open rounds): an optional note, then who was e-mailed and who
 * was skipped because they had a reminder less than a day ago.
 */
export function RemindersDialog({ roundId, open, onOpenChange }: { roundId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useReviewTranslation();
  const send = useSendReminders(roundId);
  const form = useFormErrors(FIELDS);
  const [note, setNote] = useState('');
  const [result, setResult] = useState<ReminderResult | null>(null);

  const close = (next: boolean) => {
    if (!next) {
      setResult(null);
      setNote('');
      send.reset();
    }
    onOpenChange(next);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(note.trim(), { onSuccess: setResult, onError: (error) => form.showServerError(error) });
  };

  return (
    <Dialog open={open} onOpenChange={close} title={t('reminders.title')} description={t('reminders.lead')}>
      {result ? (
        <div role="status" className="rv-reminders-result">
          <RecipientList title={t('reminders.sent', { count: result.sent.length })} recipients={result.sent} empty={t('reminders.noneSent')} />
          <RecipientList
            title={t('reminders.skipped', { count: result.skipped.length })}
            recipients={result.skipped}
            empty={t('reminders.noneSkipped')}
            skipped
          />
          <FormActions>
            <DialogClose>
              <Button variant="primary">{t('reminders.done')}</Button>
            </DialogClose>
          </FormActions>
        </div>
      ) : (
        <form ref={form.formRef} onSubmit={submit} noValidate className="form">
          <FormAlert message={form.formError} />
          <TextAreaField
            label={t('reminders.note')}
            hint={t('reminders.noteHint')}
            rows={3}
            maxLength={2000}
            value={note}
            error={form.errors.note}
            onChange={(e) => {
              setNote(e.target.value);
              form.clearError('note');
            }}
          />
          <FormActions>
            <Button type="submit" variant="primary" pending={send.isPending} pendingLabel={t('actions.working')}>
              {t('reminders.send')}
            </Button>
            <DialogClose>
              <Button>{t('actions.cancel')}</Button>
            </DialogClose>
          </FormActions>
        </form>
      )}
    </Dialog>
  );
}

function RecipientList({
  title,
  recipients,
  empty,
  skipped,
}: {
  title: string;
  recipients: ReminderRecipient[];
  empty: string;
  skipped?: boolean;
}) {
  const { t, i18n } = useReviewTranslation();
  return (
    <section>
      <h3 className="h4">{title}</h3>
      {recipients.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="rv-reminders-list">
          {recipients.map((r) => (
            <li key={r.reviewer_id}>
              <strong>{r.name}</strong>
              {' — '}
              {r.practices.map((p) => t('reminders.practiceDue', { practice: p.title, date: formatDate(p.due_at, i18n.language) })).join('; ')}
              {skipped && (
                <span className="muted"> ({t('reminders.lastReminded', { when: formatDateTime(r.reminded_at, i18n.language) })})</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
