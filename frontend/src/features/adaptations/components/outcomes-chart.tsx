import { useTranslation } from 'react-i18next';
import { ChartLegend } from '@/components/charts/legend';
import { canDrawLines, LineChart, type LinePoint, type LineSeries } from '@/components/charts/line-chart';
import { formatDate, numberFormat } from '@/lib/format';
import type { Outcome } from '../api/types';

/** The figures drawn, in this order (the legend's too, whatever the language). */
const OUTCOME_SERIES = [
  { key: 'participants', colour: '#1d4f91' },
  { key: 'returned_to_work', colour: '#1f6f43', dash: '6 3' },
  { key: 'in_work_after_6_months', colour: '#8a5300', dash: '2 3' },
] as const;

/**
 * Participants against people back at work over time, from the dated follow-ups; the same
 * figures are in the table next to it. One follow-up is no trend: it is said in words instead.
 */
export function OutcomesChart({ outcomes }: { outcomes: readonly Outcome[] }) {
  const { t, i18n } = useTranslation('exchange');
  const number = numberFormat(i18n.language);
  const points: LinePoint[] = [...outcomes]
    .sort((a, b) => a.recorded_on.localeCompare(b.recorded_on))
    .map((o) => ({
      key: o.id,
      label: formatDate(o.recorded_on, i18n.language),
      values: { participants: o.participants, returned_to_work: o.returned_to_work, in_work_after_6_months: o.in_work_after_6_months ?? null },
    }));
  const series: LineSeries[] = OUTCOME_SERIES.map((s) => ({ ...s, name: t(`outcomes.fields.${s.key}`) }));
  if (!canDrawLines(points)) {
    return <p className="muted outcomes-one-point">{t('outcomes.onePoint')}</p>;
  }
  return (
    <figure className="chart-figure">
      <figcaption>{t('outcomes.chartCaption')}</figcaption>
      <LineChart points={points} series={series} label={t('outcomes.chartCaption')} format={(v) => number.format(v)} />
      <ChartLegend series={series} />
    </figure>
  );
}
