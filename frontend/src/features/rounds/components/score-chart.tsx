import { ColumnChart, type Column } from '@/components/charts/column-chart';
import type { PracticeResult } from '@/api/review-types';
import { excerpt } from '@/lib/format';
import { formatNumber } from '@/lib/review-format';
import { useReviewTranslation } from '@/lib/use-review-translation';

const SCORE_TICKS = [0, 25, 50, 75, 100];

/**
 * The weighted score of every practice (0–100) as columns, with the spread between the lowest and
 * the highest reviewer as a range line. The same figures are in the results table, which is the
 * accessible version; each column's tooltip gives the practice's full title and range.
 */
export function ScoreChart({ practices }: { practices: PracticeResult[] }) {
  const { t, i18n } = useReviewTranslation();
  const name = t('results.weightedScore');
  const columns: Column[] = practices
    .filter((p) => typeof p.weighted_score === 'number')
    .map((p) => {
      const score = p.weighted_score as number;
      const s = p.weighted_score_summary;
      const min = s && s.n > 0 ? s.min : score;
      const max = s && s.n > 0 ? s.max : score;
      const range = t('results.rangeShort', { min: formatNumber(min, i18n.language), max: formatNumber(max, i18n.language) });
      return {
        key: p.practice_id,
        label: excerpt(p.title ?? '', 28),
        title: `${p.title ?? ''} (${range})`,
        values: { score },
        range: [min, max],
      };
    });
  if (columns.length === 0) return <p className="muted">{t('results.chartEmpty')}</p>;
  return (
    <figure className="rv-chart">
      <figcaption className="muted">{t('results.chartCaption')}</figcaption>
      <ColumnChart
        label={t('results.chartCaption')}
        columns={columns}
        series={[{ key: 'score', name, colour: '#0b5c6b' }]}
        yMax={100}
        yTicks={SCORE_TICKS}
        format={(v) => formatNumber(v, i18n.language)}
      />
    </figure>
  );
}
