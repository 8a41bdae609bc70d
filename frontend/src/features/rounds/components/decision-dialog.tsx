import { useState, type FormEvent } from 'react';
import { DECISION_OUTCOMES, type DecisionOutcome, type PracticeResult } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { FormActions, FormAlert, TextAreaField } from '@/components/ui/form-fields';
import { RadioCards } from '@/components/ui/radio-cards';
import { useToast } from '@/components/ui/toast';
import { formatNumber } from '@/lib/review-format';
import { useFormErrors } from '@/lib/use-form-errors';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useDecide } from '../api/rounds';

const FIELDS = ['outcome', 'rationale'] as const;

/** Recording the decision on one practice of a round: an outcome and a required rationale. */
export function DecisionDialog({ roundId, practice, onClose }: { roundId: string; practice: PracticeResult; onClose: () => void }) {
  const { t, i18n } = useReviewTranslation();
  const toast = useToast();
  const decide = useDecide(roundId);
  const form = useFormErrors(FIELDS);
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [rationale, setRationale] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!outcome) found.outcome = t('decision.outcomeRequired');
    if (!rationale.trim()) found.rationale = t('decision.rationaleRequired');
    if (!form.validate(found) || !outcome) return;
    decide.mutate(
      { practiceId: practice.practice_id, outcome, rationale: rationale.trim() },
      {
        onSuccess: () => {
          toast.show(t('decision.recorded', { practice: practice.title ?? '' }));
          onClose();
        },
        onError: (error) => form.showServerError(error),
      },
    );
  };

  const summary =
    practice.weighted_score === null || practice.weighted_score === undefined
      ? t('decision.summaryNoScore', { count: practice.reviews })
      : t('decision.summary', { count: practice.reviews, score: formatNumber(practice.weighted_score, i18n.language) });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('decision.title', { practice: practice.title ?? '' })} description={summary} size="lg">
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <FormAlert message={form.formError} />
        <RadioCards
          id="decision-outcome"
          name="outcome"
          legend={t('decision.outcome')}
          options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`), description: t(`outcomeHints.${o}`) }))}
          value={outcome}
          onChange={(v) => {
            setOutcome(v as DecisionOutcome);
            form.clearError('outcome');
          }}
          required
          error={form.errors.outcome}
        />
        <TextAreaField
          label={t('decision.rationale')}
          hint={t('decision.rationaleHint')}
          required
          rows={5}
          maxLength={10000}
          value={rationale}
          error={form.errors.rationale}
          onChange={(e) => {
            setRationale(e.target.value);
            form.clearError('rationale');
          }}
        />
        <FormActions>
          <Button type="submit" variant="primary" pending={decide.isPending} pendingLabel={t('actions.saving')}>
            {t('decision.submit')}
          </Button>
          <DialogClose>
            <Button>{t('actions.cancel')}</Button>
          </DialogClose>
        </FormActions>
      </form>
    </Dialog>
  );
}
