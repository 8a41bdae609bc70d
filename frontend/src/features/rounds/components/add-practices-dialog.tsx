import { useState, type FormEvent } from 'react';
import type { Round } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { CheckboxGroup, FormActions, FormAlert } from '@/components/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useAddRoundPractices, useSubmittedPractices } from '../api/rounds';

/** Adding the programme's submitted practices to a round. */
export function AddPracticesDialog({
  round,
  inRound,
  onClose,
}: {
  round: Round;
  inRound: ReadonlySet<string>;
  onClose: () => void;
}) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const practices = useSubmittedPractices(round.programme_id, true);
  const add = useAddRoundPractices(round.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const candidates = (practices.data?.items ?? []).filter((p) => !inRound.has(p.id));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) {
      setError(t('addPractices.chooseOne'));
      document.getElementById('add-practices-group')?.querySelector<HTMLElement>('input')?.focus();
      return;
    }
    add.mutate(chosen, {
      onSuccess: () => {
        toast.show(t('addPractices.added', { count: chosen.length }));
        onClose();
      },
    });
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('addPractices.title')} description={t('addPractices.lead')} size="lg">
      {practices.isPending ? (
        <LoadingState />
      ) : practices.isError ? (
        <ErrorState error={practices.error} onRetry={() => void practices.refetch()} />
      ) : candidates.length === 0 ? (
        <EmptyState title={t('addPractices.none')} action={<DialogClose><Button>{t('actions.close')}</Button></DialogClose>}>
          {t('addPractices.noneText')}
        </EmptyState>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <FormAlert message={add.isError ? describeError(add.error, t) : null} />
          <CheckboxGroup
            id="add-practices-group"
            name="practice_ids"
            label={t('addPractices.legend')}
            options={candidates.map((p) => ({
              value: p.id,
              label: p.title,
              hint: `${p.organisation.name} · ${p.country}`,
            }))}
            value={chosen}
            onChange={(next) => {
              setChosen(next);
              setError(undefined);
            }}
            error={error}
          />
          <FormActions>
            <Button type="submit" variant="primary" pending={add.isPending} pendingLabel={t('actions.working')}>
              {t('addPractices.submit', { count: chosen.length })}
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
