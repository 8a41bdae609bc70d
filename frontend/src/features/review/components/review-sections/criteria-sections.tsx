import type { CriterionTier, Rubric } from '@/api/review-types';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { CriterionField } from '../criterion-field';
import { EMPTY_SCORE, orderedCriteria } from '../review-draft';
import type { ReviewSectionProps, SetScore } from './section-props';

const TIER_HEADINGS: Record<CriterionTier, string> = { gate: 'form.tiers.gate', core: 'form.tiers.core', qualifier: 'form.tiers.qualifier' };
const TIER_INTROS: Record<CriterionTier, string> = {
  gate: 'form.tiers.gateIntro',
  core: 'form.tiers.coreIntro',
  qualifier: 'form.tiers.qualifierIntro',
};

/** The rubric's criteria, one card per tier (gate, core, qualifier) that has any. */
export function CriteriaSections({ rubric, draft, readOnly, errorFor, setScore }: Omit<ReviewSectionProps, 'update'> & { rubric: Rubric; setScore: SetScore }) {
  const { t } = useReviewTranslation();
  const tiers = (['gate', 'core', 'qualifier'] as const).filter((tier) => rubric.criteria.some((c) => c.tier === tier));
  const criteriaOf = (tier: CriterionTier) => orderedCriteria(rubric).filter((c) => c.tier === tier);
  return (
    <>
      {tiers.map((tier) => (
        <section key={tier} className="card rv-tier" aria-labelledby={`rv-tier-${tier}`}>
          <h2 id={`rv-tier-${tier}`}>{t(TIER_HEADINGS[tier])}</h2>
          <p className="muted">{t(TIER_INTROS[tier])}</p>
          <div className="rv-criteria">
            {criteriaOf(tier).map((c) => (
              <CriterionField
                key={c.key}
                criterion={c}
                score={draft.scores[c.key] ?? EMPTY_SCORE}
                onChange={(next) => setScore(c, next)}
                scoreError={errorFor(`scores.${c.key}`)}
                commentError={errorFor(`scores.${c.key}.comment`)}
                disabled={readOnly}
              />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
