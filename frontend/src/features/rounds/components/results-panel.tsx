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
import { AgreementInterval } from '@/components/charts/agreement-interval';

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
        <p className="muted rv-hint">{t('results.adjustedHelp')}</p>
        <p className="muted rv-hint">{t('results.spreadHelp')}</p>
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

/** The reviewer-adjusted score, with what the adjustment did in words (as a tooltip and for screen readers). */
function AdjustedScore({ p }: { p: PracticeResult }) {
  const { t, i18n } = useReviewTranslation();
  const raw = p.weighted_score;
  const adjusted = p.reviewer_adjusted_score;
  if (raw === null || raw === undefined || adjusted === null || adjusted === undefined) return <span className="muted">—</span>;
  const shift = Math.round((adjusted - raw) * 10) / 10;
  const fmt = (x: number) => formatNumber(x, i18n.language, 1);
  const why =
    shift > 0
      ? t('results.adjustedUp', { points: fmt(shift) })
      : shift < 0
        ? t('results.adjustedDown', { points: fmt(-shift) })
        : t('results.adjustedSame');
  return (
    <span className="rv-adjusted" title={why}>
      <strong>{formatNumber(adjusted, i18n.language)}</strong>
      <span className="visually-hidden"> {why}</span>
    </span>
  );
}

/** Whether the reviewers' scores lie further apart than chance allows in this round, and by how much. */
function Spread({ p }: { p: PracticeResult }) {
  const { t, i18n } = useReviewTranslation();
  const s = p.weighted_score_summary;
  const limit = p.spread_limit;
  const fmt = (x: number) => formatNumber(x, i18n.language, 1);
  const range = s && s.n > 1 ? s.max - s.min : null;
  if (p.spread_flag && range !== null && limit !== null && limit !== undefined) {
    return (
      <>
        <Badge tone="warning">{t('results.spreadFlag')}</Badge>
        <p className="rv-hint">{t('results.spreadWhy', { range: fmt(range), limit: fmt(limit) })}</p>
        {p.suggest_extra_reviewer && <p className="rv-hint">{t('results.suggestExtra')}</p>}
      </>
    );
  }
  if (range !== null && limit !== null && limit !== undefined) {
    return (
      <span className="muted" title={t('results.spreadWithin', { range: fmt(range), limit: fmt(limit) })}>
        {t('results.noSpread')}
        <span className="visually-hidden"> {t('results.spreadWithin', { range: fmt(range), limit: fmt(limit) })}</span>
      </span>
    );
  }
  return <span className="muted">{p.reviews > 1 ? t('results.noSpreadYet') : '—'}</span>;
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
            <th scope="col">
              <span title={t('results.adjustedHelp')}>{t('results.adjusted')}</span>
            </th>
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
                <AdjustedScore p={p} />
              </td>
              <td>
                <Spread p={p} />
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

type AgreementFigure = RoundResults['agreement']['gates'];

const readingTone = { good: 'success', tentative: 'warning', low: 'danger', too_few_units: 'neutral', no_variation: 'neutral' } as const;

/** Alpha's 95 % interval drawn on the 0.667 and 0.8 marks, with the numbers for screen readers. */
function IntervalCell({ figure }: { figure: AgreementFigure }) {
  const { t, i18n } = useReviewTranslation();
  const ci = figure.ci95;
  if (!ci || figure.alpha === null) return <td>—</td>;
  const fmt = (x: number) => formatNumber(x, i18n.language, 2);
  return (
    <td>
      <AgreementInterval
        figure={figure}
        text={t('agreement.intervalText', { low: fmt(ci[0]), high: fmt(ci[1]) })}
        label={t('agreement.intervalLabel', { alpha: fmt(figure.alpha), low: fmt(ci[0]), high: fmt(ci[1]) })}
      />
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
      <Consistency figure={agreement.weighted_score} />
    </section>
  );
}

/** The ICC of the weighted scores and the round's SEM, in words a coordinator reads. */
function Consistency({ figure }: { figure: RoundResults['agreement']['weighted_score'] }) {
  const { t, i18n } = useReviewTranslation();
  const icc = figure.icc;
  const fmt = (x: number, digits = 2) => formatNumber(x, i18n.language, digits);
  return (
    <section aria-labelledby="consistency-title" className="rv-consistency">
      <h3 id="consistency-title" className="h4">
        {t('consistency.title')}
      </h3>
      <p className="muted">{t('consistency.lead')}</p>
      {icc ? (
        <dl className="rv-counters">
          <div className="rv-counter">
            <dt>{t('consistency.single')}</dt>
            <dd>{fmt(icc.single)}</dd>
            <dd className="rv-hint">{t('consistency.singleHelp')}</dd>
          </div>
          <div className="rv-counter">
            <dt>{t('consistency.average', { k: fmt(icc.reviews_per_practice, 1) })}</dt>
            <dd>{fmt(icc.average)}</dd>
            <dd className="rv-hint">{t('consistency.averageHelp', { k: fmt(icc.reviews_per_practice, 1) })}</dd>
          </div>
        </dl>
      ) : (
        <p>{t('consistency.none')}</p>
      )}
      {figure.sem !== null && figure.sem !== undefined && <p className="muted rv-hint">{t('consistency.sem', { sem: fmt(figure.sem, 1) })}</p>}
      <p className="muted rv-hint">{t('consistency.scale')}</p>
    </section>
  );
}
