import { useState } from 'react';
import { Link } from 'react-router';
import { useVocabulary } from '@/lib/vocabulary';
import type { PracticeResult, Round, RoundResults, Rubric } from '@/api/review-types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { formatNumber, prettifyKey } from '@/lib/review-format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useRoundResults } from '../api/rounds';
import { DecisionDialog } from './decision-dialog';
import { ScoreChart } from './score-chart';
import { NamedObject } from '@/components/ui/named-object';

const OUTCOME_TONES: Record<string, 'success' | 'info' | 'warning' | 'danger'> = {
  good_practice: 'success',
  promising_practice: 'info',
  revision_requested: 'warning',
  not_retained: 'danger',
};

/** The results of a round: completion, a chart and a table per practice, agreement, decisions. */
export function ResultsPanel({ round, rubric, canCoordinate }: { round: Round; rubric?: Rubric; canCoordinate: boolean }) {
  const { t } = useReviewTranslation();
  const [page, setPage] = useState(1);
  const results = useRoundResults(round.id, page);
  const [deciding, setDeciding] = useState<PracticeResult | null>(null);

  if (results.isPending) return <LoadingState />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const data = results.data;
  const canDecide = canCoordinate && (round.status === 'open' || round.status === 'closed' || round.status === 'rebuttal');
  const paged = data.total > data.page_size;

  return (
    <div className="stack-lg">
      <Completion completion={data.completion} />
      <section className="card" aria-labelledby="results-chart-title">
        <h2 id="results-chart-title" className="h3">
          {t('results.chartTitle')}
        </h2>
        <ScoreChart practices={data.practices} />
      </section>
      <section aria-labelledby="results-table-title">
        <h2 id="results-table-title" className="h3">
          {t('results.tableTitle')}
        </h2>
        {paged && <p className="muted">{t('results.pageNote')}</p>}
        <ResultsTable practices={data.practices} canDecide={canDecide} onDecide={setDeciding} />
        {paged && (
          <Pagination page={data.page} pageSize={data.page_size} total={data.total} onPageChange={setPage} label={t('results.pagination')} />
        )}
      </section>
      <Agreement agreement={data.agreement} rubric={rubric} />
      {deciding && <DecisionDialog roundId={round.id} practice={deciding} onClose={() => setDeciding(null)} />}
    </div>
  );
}

function Completion({ completion }: { completion: RoundResults['completion'] }) {
  const { t } = useReviewTranslation();
  const items = [
    ['practices', completion.practices],
    ['assigned', completion.assigned],
    ['accepted', completion.accepted],
    ['submitted', completion.submitted],
    ['declined', completion.declined],
    ['overdue', completion.overdue],
    ['decided', completion.decided],
  ] as const;
  return (
    <section aria-labelledby="results-completion">
      <h2 id="results-completion" className="h3">
        {t('results.completion')}
      </h2>
      <dl className="rv-counters">
        {items.map(([key, value]) => (
          <div key={key} className={key === 'overdue' && (value ?? 0) > 0 ? 'rv-counter rv-counter-alert' : 'rv-counter'}>
            <dt>{t(`results.counters.${key}`)}</dt>
            <dd>{value ?? 0}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function RangeBar({ p }: { p: PracticeResult }) {
  const { t, i18n } = useReviewTranslation();
  if (p.weighted_score === null || p.weighted_score === undefined) return <span className="muted">{t('results.noScore')}</span>;
  const s = p.weighted_score_summary;
  const min = s && s.n > 0 ? s.min : p.weighted_score;
  const max = s && s.n > 0 ? s.max : p.weighted_score;
  const clamp = (v: number) => Math.max(0, Math.min(100, v));
  return (
    <span className="rv-score">
      <strong className="rv-score-value">{formatNumber(p.weighted_score, i18n.language)}</strong>
      <span className="rv-range" aria-hidden="true">
        <span className="rv-range-span" style={{ left: `${clamp(min)}%`, width: `${clamp(max) - clamp(min)}%` }} />
        <span className="rv-range-mark" style={{ left: `${clamp(p.weighted_score)}%` }} />
      </span>
      <span className="rv-score-range muted">
        {t('results.rangeShort', { min: formatNumber(min, i18n.language), max: formatNumber(max, i18n.language) })}
      </span>
    </span>
  );
}

function ResultsTable({
  practices,
  canDecide,
  onDecide,
}: {
  practices: PracticeResult[];
  canDecide: boolean;
  onDecide: (p: PracticeResult) => void;
}) {
  const { t } = useReviewTranslation();
  if (practices.length === 0) return <p className="muted">{t('results.noPractices')}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('results.tableTitle')}>
      <table className="table rv-results">
        <caption className="visually-hidden">{t('results.tableTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('board.practice')}</th>
            <th scope="col">{t('results.reviews')}</th>
            <th scope="col">{t('results.gates')}</th>
            <th scope="col">{t('results.weightedScore')}</th>
            <th scope="col">{t('results.spread')}</th>
            <th scope="col">{t('results.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {practices.map((p) => (
            <tr key={p.practice_id}>
              <th scope="row">
                <Link to={`/practices/${p.practice_id}/reviews`}>{p.title}</Link>{' '}
                {p.country && <span className="country-code">{p.country}</span>}
              </th>
              <td>{p.reviews}</td>
              <td>
                {p.gates_passed === null || p.gates_passed === undefined ? (
                  <span className="muted">—</span>
                ) : p.gates_passed ? (
                  <Badge tone="success">{t('results.gatesPassed')}</Badge>
                ) : (
                  <Badge tone="danger">{t('results.gatesFailed')}</Badge>
                )}
              </td>
              <td>
                <RangeBar p={p} />
              </td>
              <td>
                {p.spread_flag ? (
                  <>
                    <Badge tone="warning">{t('results.spreadFlag')}</Badge>
                    {p.suggest_extra_reviewer && <p className="rv-hint">{t('results.suggestExtra')}</p>}
                  </>
                ) : (
                  <span className="muted">{p.reviews > 1 ? t('results.noSpread') : '—'}</span>
                )}
              </td>
              <td>
                {p.decision ? (
                  <Badge tone={OUTCOME_TONES[p.decision] ?? 'neutral'}>{t(`outcomes.${p.decision}`, { defaultValue: prettifyKey(p.decision) })}</Badge>
                ) : canDecide ? (
                  <Button size="sm" variant="primary" onClick={() => onDecide(p)}>
                    {t('results.decide')}
                    <NamedObject name={p.title} />
                  </Button>
                ) : (
                  <span className="muted">{t('results.undecided')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type AgreementFigure = RoundResults['agreement']['weighted_score'];

const readingTone = { good: 'success', tentative: 'warning', low: 'danger', too_few_units: 'neutral', no_variation: 'neutral' } as const;

/** The scale of the interval drawing: alpha from −0.2 (clamped) to 1. */
const scaleMin = -0.2;
const scaleX = (alpha: number, width: number) => ((Math.min(1, Math.max(scaleMin, alpha)) - scaleMin) / (1 - scaleMin)) * width;

/** Alpha's 95 % interval drawn on the 0.667 and 0.8 marks, with the numbers for screen readers. */
function IntervalCell({ figure }: { figure: AgreementFigure }) {
  const { t, i18n } = useReviewTranslation();
  const ci = figure.ci95;
  if (!ci || figure.alpha === null) return <td>—</td>;
  const [low, high] = ci;
  const fmt = (x: number) => formatNumber(x, i18n.language, 2);
  const width = 120;
  return (
    <td className="agreement-interval">
      <svg width={width} height={16} viewBox={`0 0 ${width} 16`} aria-hidden="true" focusable="false">
        <line x1={0} x2={width} y1={8} y2={8} stroke="var(--border, #c8cdd3)" strokeWidth={2} />
        {[0.667, 0.8].map((m) => (
          <line key={m} x1={scaleX(m, width)} x2={scaleX(m, width)} y1={2} y2={14} stroke="var(--muted, #6b7280)" strokeWidth={1} />
        ))}
        <rect x={scaleX(low, width)} y={5} width={Math.max(2, scaleX(high, width) - scaleX(low, width))} height={6} rx={2} fill="var(--accent, #1d4ed8)" />
        <circle cx={scaleX(figure.alpha, width)} cy={8} r={3.5} fill="var(--text, #111827)" />
      </svg>{' '}
      <span className="muted">{t('agreement.intervalText', { low: fmt(low), high: fmt(high) })}</span>
      <span className="visually-hidden">{t('agreement.intervalLabel', { alpha: fmt(figure.alpha), low: fmt(low), high: fmt(high) })}</span>
    </td>
  );
}

function AgreementRow({ label, figure }: { label: string; figure: AgreementFigure }) {
  const { t, i18n } = useReviewTranslation();
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{figure.alpha === null ? '—' : formatNumber(figure.alpha, i18n.language, 2)}</td>
      <IntervalCell figure={figure} />
      <td>
        <Badge tone={readingTone[figure.reading]}>{t(`agreement.readings.${figure.reading}`)}</Badge>
      </td>
      <td>{formatNumber(figure.units, i18n.language, 0)}</td>
      <td>{figure.p_below_667 === null ? '—' : `${formatNumber(figure.p_below_667 * 100, i18n.language, 0)} %`}</td>
    </tr>
  );
}

function Agreement({ agreement, rubric }: { agreement: RoundResults['agreement']; rubric?: Rubric }) {
  const { t } = useReviewTranslation();
  const vocabulary = useVocabulary();
  const titleOf = (key: string) => {
    const c = rubric?.criteria.find((x) => x.key === key);
    return c ? vocabulary.criterion(c).title : prettifyKey(key);
  };
  return (
    <section className="card" aria-labelledby="agreement-title">
      <h2 id="agreement-title" className="h3">
        {t('agreement.title')}
      </h2>
      <p className="muted">{t('agreement.lead')}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('agreement.title')}>
        <table className="table">
          <caption className="visually-hidden">{t('agreement.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreement.measure')}</th>
              <th scope="col">{t('agreement.alpha')}</th>
              <th scope="col">{t('agreement.interval')}</th>
              <th scope="col">{t('agreement.reading')}</th>
              <th scope="col">{t('agreement.units')}</th>
              <th scope="col">{t('agreement.chanceBelow')}</th>
            </tr>
          </thead>
          <tbody>
            <AgreementRow label={t('results.weightedScore')} figure={agreement.weighted_score} />
            {agreement.criteria.map((c) => (
              <AgreementRow key={c.key} label={titleOf(c.key)} figure={c} />
            ))}
            <AgreementRow label={t('agreement.gates')} figure={agreement.gates} />
            <AgreementRow label={t('agreement.recommendation')} figure={agreement.recommendation} />
          </tbody>
        </table>
      </div>
      <p className="muted rv-hint">{t('agreement.intervalLead')}</p>
      <p className="muted rv-hint">{t('agreement.scale')}</p>
    </section>
  );
}
