import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PracticeResult } from '@/api/review-types';
import { excerpt } from '@/lib/format';
import { formatNumber } from '@/lib/review-format';
import { useReviewTranslation } from '@/lib/use-review-translation';

interface Datum {
  name: string;
  title: string;
  score: number;
  min: number;
  max: number;
  /** Distance from the score down to the lowest and up to the highest reviewer's score. */
  range: [number, number];
}

/**
 * The weighted score of every practice (0–100) as bars, with the spread between the lowest and
 * the highest reviewer as a range line. The same figures are in the results table, which is the
 * accessible version; the chart itself is decoration for sighted users.
 */
export function ScoreChart({ practices }: { practices: PracticeResult[] }) {
  const { t, i18n } = useReviewTranslation();
  const data: Datum[] = practices
    .filter((p) => typeof p.weighted_score === 'number')
    .map((p) => {
      const score = p.weighted_score as number;
      const s = p.weighted_score_summary;
      const min = s && s.n > 0 ? s.min : score;
      const max = s && s.n > 0 ? s.max : score;
      return {
        name: excerpt(p.title ?? '', 28),
        title: p.title ?? '',
        score,
        min,
        max,
        range: [Math.max(0, score - min), Math.max(0, max - score)],
      };
    });
  if (data.length === 0) return <p className="muted">{t('results.chartEmpty')}</p>;
  return (
    <figure className="rv-chart">
      <figcaption className="muted">{t('results.chartCaption')}</figcaption>
      <div className="rv-chart-canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d3dae0" />
            <XAxis dataKey="name" interval={0} tick={{ fontSize: 12, fill: '#4a5663' }} height={48} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12, fill: '#4a5663' }} width={40} />
            <Tooltip
              formatter={(value) => [formatNumber(Number(value), i18n.language), t('results.weightedScore')]}
              labelFormatter={(_, payload) => {
                const d = payload?.[0]?.payload as Datum | undefined;
                return d
                  ? `${d.title} (${t('results.rangeShort', { min: formatNumber(d.min, i18n.language), max: formatNumber(d.max, i18n.language) })})`
                  : '';
              }}
            />
            <Bar dataKey="score" name={t('results.weightedScore')} fill="#0b5c6b" maxBarSize={56} isAnimationActive={false}>
              <ErrorBar dataKey="range" width={10} strokeWidth={2} stroke="#17212b" direction="y" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
