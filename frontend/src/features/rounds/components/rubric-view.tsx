import type { Rubric } from '@/api/review-types';
import { TIERS } from '@/api/review-types';
import { useVocabulary } from '@/lib/vocabulary';
import { Badge } from '@/components/ui/badge';
import { formatNumber, prettifyKey } from '@/lib/review-format';
import { useReviewTranslation } from '@/lib/use-review-translation';

/** A rubric read-only: criteria by tier with weights, scales and every anchored level. */
export function RubricView({ rubric: original }: { rubric: Rubric }) {
  const { t, i18n } = useReviewTranslation();
  const vocabulary = useVocabulary();
  const rubric = { ...original, criteria: original.criteria.map((c) => vocabulary.criterion(c)) };
  return (
    <div className="stack-lg rv-rubric-view">
      {TIERS.filter((tier) => rubric.criteria.some((c) => c.tier === tier)).map((tier) => (
        <section key={tier} aria-labelledby={`rubric-tier-${tier}`}>
          <h3 id={`rubric-tier-${tier}`}>{t(`form.tiers.${tier}`)}</h3>
          <div className="rv-rubric-criteria">
            {rubric.criteria
              .filter((c) => c.tier === tier)
              .map((c) => (
                <article key={c.key} className="card rv-rubric-criterion" aria-labelledby={`rubric-c-${c.key}`}>
                  <h4 id={`rubric-c-${c.key}`}>
                    {c.title} <code className="muted">{c.key}</code>
                  </h4>
                  {c.description && <p>{c.description}</p>}
                  <p className="muted">
                    {c.tier === 'gate'
                      ? t('rubrics.gateFacts')
                      : t('rubrics.facts', {
                          weight: formatNumber(c.weight, i18n.language, 2),
                          min: c.scale.min,
                          max: c.scale.max,
                        })}
                    {c.allow_na && ` · ${t('rubrics.allowsNa')}`}
                  </p>
                  <table className="table rv-levels">
                    <caption className="visually-hidden">{t('rubrics.levelsOf', { criterion: c.title })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('rubrics.value')}</th>
                        <th scope="col">{t('rubrics.levelLabel')}</th>
                        <th scope="col">{t('rubrics.descriptor')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...c.levels]
                        .sort((a, b) => a.value - b.value)
                        .map((l) => (
                          <tr key={l.value}>
                            <td>{l.value}</td>
                            <th scope="row">{l.label}</th>
                            <td>{l.descriptor}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </article>
              ))}
          </div>
        </section>
      ))}
      <section aria-labelledby="rubric-recommendations">
        <h3 id="rubric-recommendations">{t('rubrics.recommendations')}</h3>
        <ul className="rv-chips">
          {rubric.recommendation_options.map((o) => (
            <li key={o}>
              <Badge>{t(`recommendations.${o}`, { defaultValue: prettifyKey(o) })}</Badge>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
