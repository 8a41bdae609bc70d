import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '@/api/errors';
import { Badge } from '@/components/ui/badge';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { countryName } from '@/lib/format';
import { useLineage } from '../api/lineage';
import type { Lineage } from '../api/types';
import { AdaptPracticeButton } from './adapt-practice-button';
import { FIDELITY_TONES, isStage, STAGE_COLOURS, STAGE_TONES, STAGES } from './frame-vocabulary';
import { adopterGroups, LineageGraph } from './lineage-graph';

export interface PracticeLineagePanelProps {
  practiceId: string;
  /** The level of the panel's heading (2 on the practice page and the lineage page). */
  headingLevel?: 2 | 3;
  /** Offer "Adapt this practice / product" to partners (the practice must be published). */
  showAdaptButtons?: boolean;
}

/**
 * How a practice travelled across countries: a diagram from the practice and its products to
 * every organisation that adapted them (edges coloured by stage, labelled with stage and
 * fidelity) and on to the new products that grew out of it; the same as a list for screen readers.
 */
export function PracticeLineagePanel({ practiceId, headingLevel = 2, showAdaptButtons = true }: PracticeLineagePanelProps) {
  const { t } = useTranslation('exchange');
  const lineage = useLineage(practiceId);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `lineage-title-${practiceId}`;

  return (
    <section className="lineage-panel" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('lineage.title')}</Heading>
      {lineage.isPending ? (
        <LoadingState />
      ) : lineage.isError ? (
        isApiError(lineage.error) && lineage.error.status === 404 ? (
          <p className="muted">{t('lineage.notFound')}</p>
        ) : (
          <ErrorState error={lineage.error} onRetry={() => void lineage.refetch()} />
        )
      ) : (
        <LineageContent lineage={lineage.data} showAdaptButtons={showAdaptButtons} />
      )}
    </section>
  );
}

function LineageContent({ lineage, showAdaptButtons }: { lineage: Lineage; showAdaptButtons: boolean }) {
  const { t, i18n } = useTranslation('exchange');
  const lang = i18n.language;
  const p = lineage.practice;
  const groups = adopterGroups(lineage.adaptations);
  const countries = [...new Set(groups.map((g) => g.country))];
  const countryList = new Intl.ListFormat(lang, { type: 'conjunction' }).format(countries.map((c) => countryName(c, lang)));
  const productName = (id: string | null | undefined) => lineage.products.find((x) => x.id === id)?.name;
  const summary =
    lineage.adaptations.length === 0
      ? t('lineage.summaryNone', { country: countryName(p.country, lang) })
      : t('lineage.summary', {
          country: countryName(p.country, lang),
          count: lineage.adaptations.length,
          countries: countryList,
          organisations: groups.length,
        });
  const newSummary = lineage.new_products.length > 0 ? ` ${t('lineage.summaryNew', { count: lineage.new_products.length })}` : '';
  const usedStages = STAGES.filter((s) => lineage.adaptations.some((a) => a.stage === s));
  const published = p.status === 'published';

  return (
    <>
      <p className="lineage-summary">
        {summary}
        {newSummary}
      </p>
      <div className="lineage-scroll" role="region" aria-label={t('lineage.diagramRegion')} tabIndex={0}>
        <LineageGraph lineage={lineage} titleText={t('lineage.graphTitle', { title: p.title })} descText={`${summary}${newSummary}`} />
      </div>
      {usedStages.length > 0 && (
        <ul className="lineage-legend" aria-label={t('lineage.legend')}>
          {usedStages.map((s) => (
            <li key={s}>
              <span className="lineage-swatch" style={{ background: STAGE_COLOURS[s] }} aria-hidden="true" />
              {t(`stages.${s}`)}
            </li>
          ))}
          {lineage.new_products.length > 0 && (
            <li>
              <span className="lineage-swatch lineage-swatch-dashed" aria-hidden="true" />
              {t('lineage.inspired')}
            </li>
          )}
        </ul>
      )}

      {/* The diagram as a list, for screen readers. */}
      <div className="visually-hidden">
        <p id={`lineage-list-${p.id}`}>{t('lineage.listTitle')}</p>
        <ul aria-labelledby={`lineage-list-${p.id}`}>
          <li>
            {t('lineage.listPractice', { title: p.title, organisation: p.organisation.name, country: countryName(p.country, lang) })}
            {lineage.products.length > 0 && (
              <ul>
                {lineage.products.map((pr) => (
                  <li key={pr.id}>{t('lineage.listProduct', { name: pr.name })}</li>
                ))}
              </ul>
            )}
          </li>
          {groups.map((g) => (
            <li key={g.key}>
              {t('lineage.listAdopter', { organisation: g.organisation, country: countryName(g.country, lang) })}
              <ul>
                {g.adaptations.map((a) => (
                  <li key={a.id}>
                    {t('lineage.listAdaptation', {
                      title: a.title ?? '',
                      product: productName(a.product_id) ?? t('lineage.wholePractice'),
                      stage: isStage(a.stage) ? t(`stages.${a.stage}`) : a.stage,
                      fidelity: t(`fidelity.values.${a.fidelity || 'unknown'}`, { defaultValue: a.fidelity }),
                    })}
                    {a.participants ? ` ${t('lineage.listOutcome', { returned: a.returned_to_work ?? 0, participants: a.participants })}` : ''}
                  </li>
                ))}
              </ul>
            </li>
          ))}
          {lineage.new_products.map((n) => (
            <li key={n.id}>{t('lineage.listNewProduct', { title: n.title, status: t(`newProducts.statuses.${n.status}`) })}</li>
          ))}
        </ul>
      </div>

      {lineage.adaptations.length > 0 && (
        <div className="lineage-links">
          <h3 className="h3">{t('lineage.adaptations')}</h3>
          <ul className="lineage-link-list">
            {lineage.adaptations.map((a) => (
              <li key={a.id}>
                <Link to={`/adaptations/${a.id}`}>{a.title || a.adopting_organisation}</Link>{' '}
                <span className="muted">
                  {a.adopting_organisation} ({a.country})
                </span>{' '}
                {isStage(a.stage) && <Badge tone={STAGE_TONES[a.stage]}>{t(`stages.${a.stage}`)}</Badge>}{' '}
                <Badge tone={FIDELITY_TONES[a.fidelity ?? 'unknown'] ?? 'neutral'}>{t(`fidelity.values.${a.fidelity || 'unknown'}`, { defaultValue: a.fidelity })}</Badge>
              </li>
            ))}
          </ul>
        </div>
      )}

      {showAdaptButtons && published && (
        <div className="lineage-actions">
          <AdaptPracticeButton programmeId={p.programme_id} practiceId={p.id} ownerOrganisationId={p.organisation?.id} />
          {lineage.products.map((pr) => (
            <AdaptPracticeButton key={pr.id} programmeId={p.programme_id} practiceId={p.id} productId={pr.id} productName={pr.name} ownerOrganisationId={p.organisation?.id} variant="secondary" size="sm" />
          ))}
        </div>
      )}
    </>
  );
}
