import { useState } from 'react';
import { Link } from 'react-router';
import { useVocabulary } from '@/lib/vocabulary';
import type { PracticeResult, Round, RoundResults, Rubric } from '@/api/review-types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { alphaReading, formatNumber, prettifyKey } from '@/lib/review-format';
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
  const canDecide = canCoordinate && (round.status === 'open' || round.status === 'closed');
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

function AlphaCell({ alpha }: { alpha: number | null | undefined }) {
  const { t, i18n } = useReviewTranslation();
  const reading = alphaReading(alpha);
  const tone = reading === 'good' ? 'success' : reading === 'tentative' ? 'warning' : reading === 'low' ? 'danger' : 'neutral';
  return (
    <>
      <td>{reading === 'none' ? '—' : formatNumber(alpha, i18n.language, 2)}</td>
      <td>
        <Badge tone={tone}>{t(`agreement.readings.${reading}`)}</Badge>
      </td>
    </>
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
              <th scope="col">{t('agreement.reading')}</th>
              <th scope="col">{t('agreement.units')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('results.weightedScore')}</th>
              <AlphaCell alpha={agreement.weighted_score_alpha} />
              <td>—</td>
            </tr>
            {agreement.criteria.map((c) => (
              <tr key={c.key}>
                <th scope="row">{titleOf(c.key)}</th>
                <AlphaCell alpha={c.alpha} />
                <td>{c.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted rv-hint">{t('agreement.scale')}</p>
    </section>
  );
}
