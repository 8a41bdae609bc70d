import { useReviewTranslation } from '@/lib/use-review-translation';
import { DraftTextArea, ScaleRadioCards } from './draft-fields';
import type { ReviewSectionProps } from './section-props';

/** Strengths, improvements and transferability. */
export function OverallSection({ draft, errorFor, update }: ReviewSectionProps) {
  const { t } = useReviewTranslation();
  const bind = { draft, errorFor, update };
  return (
    <section className="card rv-tier" aria-labelledby="rv-overall">
      <h2 id="rv-overall">{t('form.overall')}</h2>
      <div className="rv-criteria">
        <DraftTextArea id="rv-strengths" draftKey="strengths" field="strengths" rows={4} maxLength={10000} {...bind} />
        <DraftTextArea id="rv-improvements" draftKey="improvements" field="improvements" rows={4} maxLength={10000} {...bind} />
        <ScaleRadioCards
          id="rv-transfer-rating"
          name="transfer-rating"
          levels="transferLevels"
          draftKey="transferRating"
          field="transferability.rating"
          {...bind}
        />
        <DraftTextArea
          id="rv-transfer-conditions"
          draftKey="transferConditions"
          field="transferability.conditions"
          rows={3}
          maxLength={5000}
          {...bind}
        />
      </div>
    </section>
  );
}
