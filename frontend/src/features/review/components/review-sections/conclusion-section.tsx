import type { Rubric } from '@/api/review-types';
import { RadioCards } from '@/components/ui/radio-cards';
import { prettifyKey } from '@/lib/review-format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { SCALE_1_5, type ReviewSectionProps } from './section-props';

/** The recommendation and the reviewer's confidence in it. */
export function ConclusionSection({ rubric, draft, errorFor, update }: ReviewSectionProps & { rubric: Rubric }) {
  const { t } = useReviewTranslation();
  return (
    <section className="card rv-tier" aria-labelledby="rv-conclusion">
      <h2 id="rv-conclusion">{t('form.conclusion')}</h2>
      <div className="rv-criteria">
        <RadioCards
          id="rv-recommendation"
          name="recommendation"
          legend={t('form.recommendation')}
          options={rubric.recommendation_options.map((key) => ({
            value: key,
            label: t(`recommendations.${key}`, { defaultValue: prettifyKey(key) }),
            description: t(`recommendationHints.${key}`, { defaultValue: '' }) || undefined,
          }))}
          value={draft.recommendation || null}
          onChange={(v) => update('recommendation', v, 'recommendation')}
          required
          error={errorFor('recommendation')}
        />
        <RadioCards
          id="rv-confidence"
          name="confidence"
          legend={t('form.confidence')}
          description={t('form.confidenceHint')}
          options={SCALE_1_5.map((v) => ({ value: String(v), label: `${v} – ${t(`form.confidenceLevels.${v}`)}` }))}
          value={draft.confidence === null ? null : String(draft.confidence)}
          onChange={(v) => update('confidence', Number(v), 'confidence')}
          required
          layout="row"
          error={errorFor('confidence')}
        />
      </div>
    </section>
  );
}
