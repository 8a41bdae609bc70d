import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type KeyedText, keyedTitle } from '@/lib/vocabulary';
import { isApiError } from '@/api/errors';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { countryName, formatDateTime, numberFormat } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useDashboard } from '../api/dashboard';
import type { Dashboard, RoundAgreement } from '../api/types';
import { BarList } from './bar-list';
import { ExportsPanel } from './exports-panel';
import { FlowMatrix } from './flow-matrix';
import { FIDELITY_COLOURS, FIDELITY_ORDER, inCodeOrder, OUTPUT_KEYS } from './outputs';
import { OutputsChart } from './outputs-chart';
import { StageChart } from './stage-chart';
import { DASHBOARD_NAMESPACES } from '../dashboard-namespaces';
import { AgreementInterval } from '@/components/charts/agreement-interval';

/** The CSS tone of each reading of a round's agreement (SPEC §7.3). */
const READING_TONES: Record<RoundAgreement['weighted_score']['reading'], 'good' | 'tentative' | 'low' | 'none'> = {
  good: 'good',
  tentative: 'tentative',
  low: 'low',
  too_few_units: 'none',
  no_variation: 'none',
};

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** The coordinator's dashboard: the programme's outputs for funders, with charts and exports. */
export function DashboardPage() {
  const { t } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const { programme, canCoordinate } = useProgrammeOutlet();
  const dashboard = useDashboard(programme.id);
  useDocumentTitle(`${t('dashboard.title')} — ${programme.name}`);

  if (!canCoordinate) return <EmptyState title={t('dashboard.coordinatorsOnlyTitle')}>{t('dashboard.coordinatorsOnly')}</EmptyState>;
  if (dashboard.isPending) return <LoadingState />;
  if (dashboard.isError) {
    if (isApiError(dashboard.error) && dashboard.error.status === 403) {
      return <EmptyState title={t('dashboard.coordinatorsOnlyTitle')}>{t('dashboard.coordinatorsOnly')}</EmptyState>;
    }
    return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  }
  return <DashboardContent data={dashboard.data} programmeId={programme.id} themes={programme.themes} />;
}

function DashboardContent({ data, programmeId, themes }: { data: Dashboard; programmeId: string; themes: KeyedText[] }) {
  const { t, i18n } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  const themeTitle = new Map(themes.map((x) => [x.key, keyedTitle(x, i18n.language)]));
  const r = data.reviews;
  const o = data.outcomes;
  const reviewTotal = Math.max(1, r.assigned + r.accepted + r.declined + r.submitted);

  return (
    <div className="dashboard">
      <div className="section-header">
        <div>
          <h2>{t('dashboard.title')}</h2>
          <p className="muted">{t('dashboard.lead')}</p>
          <p className="muted dashboard-as-of" role="status">
            {t(data.refreshing ? 'dashboard.asOfRefreshing' : 'dashboard.asOf', { time: formatDateTime(data.figures_as_of, lang) })}
          </p>
        </div>
        <Link to={`/programmes/${programmeId}/audit`} className="btn btn-secondary">
          {t('dashboard.auditLink')}
        </Link>
      </div>

      <section aria-labelledby="outputs-title" className="dashboard-section">
        <h3 id="outputs-title" className="visually-hidden">
          {t('dashboard.outputs.title')}
        </h3>
        <ul className="headline-cards">
          {OUTPUT_KEYS.map((k) => (
            <li key={k} className={`headline-card headline-${k}`}>
              <span className="headline-value">{data.outputs[k]}</span>
              <span className="headline-label">{t(`dashboard.outputs.${k}.label`)}</span>
              <span className="headline-help">{t(`dashboard.outputs.${k}.help`)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="timeline-title" className="dashboard-section">
        <h3 id="timeline-title">{t('dashboard.timeline.title')}</h3>
        <OutputsChart timeline={data.timeline} />
      </section>

      <section aria-labelledby="flow-title" className="dashboard-section">
        <h3 id="flow-title">{t('dashboard.flow.title')}</h3>
        <p className="muted">{t('dashboard.flow.lead')}</p>
        <FlowMatrix flows={data.adaptation_flow} />
      </section>

      <div className="dashboard-grid">
        <section aria-labelledby="stage-title" className="dashboard-section">
          <h3 id="stage-title">{t('dashboard.adaptations.byStage')}</h3>
          <StageChart byStage={data.adaptations.by_stage} />
        </section>
        <section aria-labelledby="fidelity-title" className="dashboard-section">
          <h3 id="fidelity-title">{t('dashboard.adaptations.byFidelity')}</h3>
          <BarList
            label={t('dashboard.adaptations.byFidelity')}
            empty={t('dashboard.none')}
            items={inCodeOrder(data.adaptations.by_fidelity, FIDELITY_ORDER).map((k) => ({
              key: k.key,
              label: t(`fidelity.values.${k.key}`, { defaultValue: k.key }),
              count: k.count,
              colour: FIDELITY_COLOURS[k.key] ?? FIDELITY_COLOURS.unknown,
            }))}
          />
          <h3 id="reasons-title">{t('dashboard.adaptations.byReasonLevel')}</h3>
          <BarList
            label={t('dashboard.adaptations.byReasonLevel')}
            empty={t('dashboard.none')}
            tone="accent"
            items={data.adaptations.by_reason_level.map((k) => ({
              key: k.key,
              label: t(`frame.reasons.levels.${k.key}.label`, { defaultValue: k.key }),
              count: k.count,
            }))}
          />
        </section>
      </div>

      <div className="dashboard-grid">
        <section aria-labelledby="barriers-title" className="dashboard-section">
          <h3 id="barriers-title">{t('dashboard.barriers')}</h3>
          <BarList label={t('dashboard.barriers')} empty={t('dashboard.none')} tone="warning" items={data.barriers.map((k) => ({ key: k.key, label: k.key, count: k.count }))} />
        </section>
        <section aria-labelledby="facilitators-title" className="dashboard-section">
          <h3 id="facilitators-title">{t('dashboard.facilitators')}</h3>
          <BarList
            label={t('dashboard.facilitators')}
            empty={t('dashboard.none')}
            tone="success"
            items={data.facilitators.map((k) => ({ key: k.key, label: k.key, count: k.count }))}
          />
        </section>
      </div>

      <section aria-labelledby="activities-title" className="dashboard-section">
        <h3 id="activities-title">{t('dashboard.activities.title')}</h3>
        <p className="muted">{t('dashboard.activities.lead', { count: data.activities.held })}</p>
        <BarList
          label={t('dashboard.activities.title')}
          empty={t('dashboard.none')}
          tone="accent"
          items={data.activities.participants_by_country.map((k) => ({ key: k.key, label: countryName(k.key, i18n.language), count: k.count }))}
        />
      </section>

      <section aria-labelledby="practices-title" className="dashboard-section">
        <h3 id="practices-title">{t('dashboard.practices.title')}</h3>
        <p className="muted">{t('dashboard.practices.lead')}</p>
        <div className="dashboard-grid dashboard-grid-3">
          <div>
            <h4 className="subheading">{t('dashboard.practices.byStatus')}</h4>
            <BarList
              label={t('dashboard.practices.byStatus')}
              empty={t('dashboard.none')}
              items={data.practices.by_status.map((k) => ({ key: k.key, label: t(`practiceStatuses.${k.key}`, { defaultValue: k.key }), count: k.count }))}
            />
          </div>
          <div>
            <h4 className="subheading">{t('dashboard.practices.byCountry')}</h4>
            <BarList
              label={t('dashboard.practices.byCountry')}
              empty={t('dashboard.none')}
              items={data.practices.by_country.map((k) => ({ key: k.key, label: `${countryName(k.key, lang)} (${k.key})`, count: k.count }))}
            />
          </div>
          <div>
            <h4 className="subheading">{t('dashboard.practices.byTheme')}</h4>
            <BarList
              label={t('dashboard.practices.byTheme')}
              empty={t('dashboard.none')}
              items={data.practices.by_theme.map((k) => ({ key: k.key, label: themeTitle.get(k.key) ?? k.key, count: k.count }))}
            />
          </div>
        </div>
      </section>

      <div className="dashboard-stack">
        <section aria-labelledby="reviews-title" className="dashboard-section">
          <h3 id="reviews-title">{t('dashboard.reviews.title')}</h3>
          <dl className="review-progress">
            {(['assigned', 'accepted', 'declined', 'submitted', 'overdue'] as const).map((k) => (
              // Overdue is a warning only when there is something overdue: a red 0 alarms for nothing.
              <div key={k} className={`review-stat review-stat-${k}`} data-zero={r[k] === 0 || undefined}>
                <dt>{t(`dashboard.reviews.${k}`)}</dt>
                <dd>{r[k]}</dd>
              </div>
            ))}
          </dl>
          <div className="progress-stack" aria-hidden="true">
            {(['submitted', 'accepted', 'assigned', 'declined'] as const).map((k) =>
              r[k] > 0 ? <span key={k} className={`progress-part progress-${k}`} style={{ width: `${(r[k] / reviewTotal) * 100}%` }} /> : null,
            )}
          </div>
          <p className="muted">{t('dashboard.reviews.reading', { submitted: r.submitted, percent: percent(r.submitted, reviewTotal), overdue: r.overdue })}</p>
          <h4 className="subheading">{t('dashboard.reviews.agreement')}</h4>
          <AgreementTable rounds={r.agreement} />
        </section>
        <section aria-labelledby="outcomes-title" className="dashboard-section">
          <h3 id="outcomes-title">{t('dashboard.outcomes.title')}</h3>
          <p className="muted">{t('dashboard.outcomes.lead', { count: o.adaptations_with_outcomes })}</p>
          <dl className="outcome-totals">
            <div>
              <dt>{t('dashboard.outcomes.participants')}</dt>
              <dd>{o.participants}</dd>
            </div>
            <div>
              <dt>{t('dashboard.outcomes.returned')}</dt>
              <dd>
                {o.returned_to_work}
                {o.participants > 0 && <span className="outcome-share"> {t('dashboard.outcomes.share', { percent: percent(o.returned_to_work, o.participants) })}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.outcomes.inWork')}</dt>
              <dd>
                {o.in_work_after_6_months}
                {o.participants > 0 && (
                  <span className="outcome-share"> {t('dashboard.outcomes.share', { percent: percent(o.in_work_after_6_months, o.participants) })}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('dashboard.outcomes.placements')}</dt>
              <dd>{o.placements_offered}</dd>
            </div>
            <div>
              <dt>{t('dashboard.outcomes.satisfaction')}</dt>
              <dd>
                {o.satisfaction_mean == null
                  ? t('dashboard.outcomes.noSatisfaction')
                  : t('dashboard.outcomes.satisfactionValue', {
                      value: numberFormat(lang, { maximumFractionDigits: 1 }).format(o.satisfaction_mean),
                    })}
              </dd>
            </div>
          </dl>
        </section>
      </div>

      <ExportsPanel programmeId={programmeId} />
    </div>
  );
}

/**
 * Each round's agreement on the weighted score: alpha, its 95 % interval drawn against 0.667 and
 * 0.8 (as on the round's results page) and its reading in words.
 */
export function AgreementTable({ rounds }: { rounds: readonly RoundAgreement[] }) {
  const { t, i18n } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  if (rounds.length === 0) return <p className="muted">{t('dashboard.reviews.noRounds')}</p>;
  const fmt = (x: number) => numberFormat(i18n.language, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(x);
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('dashboard.reviews.agreement')}>
        <table className="table agreement-table">
          <caption className="visually-hidden">{t('dashboard.reviews.agreement')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.reviews.round')}</th>
              <th scope="col">{t('dashboard.reviews.reviews')}</th>
              <th scope="col">{t('dashboard.reviews.alpha')}</th>
              <th scope="col">{t('dashboard.reviews.interval')}</th>
              <th scope="col">{t('dashboard.reviews.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => {
              const figure = round.weighted_score;
              const ci = figure.ci95;
              return (
                <tr key={round.round_id}>
                  <th scope="row">{round.round_name}</th>
                  <td>{round.reviews}</td>
                  <td>{figure.alpha == null ? '—' : fmt(figure.alpha)}</td>
                  <td>
                    {ci && ci.length === 2 && figure.alpha != null ? (
                      <AgreementInterval
                        figure={figure}
                        text={t('dashboard.reviews.intervalText', { low: fmt(ci[0]), high: fmt(ci[1]) })}
                        label={t('dashboard.reviews.intervalLabel', { alpha: fmt(figure.alpha), low: fmt(ci[0]), high: fmt(ci[1]) })}
                      />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <span className={`agreement agreement-${READING_TONES[figure.reading]}`}>{t(`dashboard.reviews.readings.${figure.reading}`)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('dashboard.reviews.intervalLead')}</p>
    </>
  );
}
