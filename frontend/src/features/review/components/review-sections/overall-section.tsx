import { RadioCards } from '@/components/ui/radio-cards';
import { TextAreaField } from '@/components/ui/form-fields';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { SCALE_1_5, type ReviewSectionProps } from './section-props';

/** Strengths, improvements and transferability. */
export function OverallSection({ draft, errorFor, update }: ReviewSectionProps) {
  const { t } = useReviewTranslation();
  return (
    <section className="card rv-tier" aria-labelledby="rv-overall">
      <h2 id="rv-overall">{t('form.overall')}</h2>
      <div className="rv-criteria">
        <TextAreaField
          id="rv-strengths"
          label={t('form.strengths')}
          hint={t('form.strengthsHint')}
          rows={4}
          maxLength={10000}
          value={draft.strengths}
          onChange={(e) => update('strengths', e.target.value, 'strengths')}
        />
        <TextAreaField
          id="rv-improvements"
          label={t('form.improvements')}
          hint={t('form.improvementsHint')}
          rows={4}
          maxLength={10000}
          value={draft.improvements}
          onChange={(e) => update('improvements', e.target.value, 'improvements')}
        />
        <RadioCards
          id="rv-transfer-rating"
          name="transfer-rating"
          legend={t('form.transferRating')}
          description={t('form.transferRatingHint')}
          options={SCALE_1_5.map((v) => ({ value: String(v), label: `${v} – ${t(`form.transferLevels.${v}`)}` }))}
          value={draft.transferRating === null ? null : String(draft.transferRating)}
          onChange={(v) => update('transferRating', Number(v), 'transferability.rating')}
          required
          layout="row"
          error={errorFor('transferability.rating')}
        />
        <TextAreaField
          id="rv-transfer-conditions"
          label={t('form.transferConditions')}
          hint={t('form.transferConditionsHint')}
          rows={3}
          maxLength={5000}
          value={draft.transferConditions}
          onChange={(e) => update('transferConditions', e.target.value, 'transferability.conditions')}
        />
      </div>
    </section>
  );
}
