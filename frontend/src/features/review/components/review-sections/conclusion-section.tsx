import type { Rubric } from '@/api/review-types';
import { RadioCards } from '@/components/ui/radio-cards';
import { prettifyKey } from '@/lib/review-format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { ScaleRadioCards } from './draft-fields';
import type { ReviewSectionProps } from './section-props';

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
        <ScaleRadioCards
          id="rv-confidence"
          name="confidence"
          levels="confidenceLevels"
          draftKey="confidence"
          field="confidence"
          draft={draft}
          errorFor={errorFor}
          update={update}
        />
      </div>
    </section>
  );
}
