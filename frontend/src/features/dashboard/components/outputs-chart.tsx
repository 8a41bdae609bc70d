import { useTranslation } from 'react-i18next';
import { ColumnChart, type ChartSeries } from '@/components/charts/column-chart';
import { ChartLegend } from '@/components/charts/legend';
import { numberFormat } from '@/lib/format';
import type { TimelinePoint } from '../api/types';
import { fillMonths, monthLabel, OUTPUT_COLOURS, OUTPUT_KEYS } from './outputs';
import { DASHBOARD_NAMESPACES } from '../dashboard-namespaces';

/** The four outputs per month as stacked columns, with the figures as a table on request. */
export function OutputsChart({ timeline }: { timeline: readonly TimelinePoint[] }) {
  const { t, i18n } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const months = fillMonths(timeline).map((p) => ({ ...p, label: monthLabel(p.month, i18n.language) }));
  if (months.length === 0) return <p className="muted">{t('dashboard.timeline.empty')}</p>;
  const series: ChartSeries[] = OUTPUT_KEYS.map((k) => ({ key: k, name: t(`dashboard.outputs.${k}.label`), colour: OUTPUT_COLOURS[k] }));
  const number = numberFormat(i18n.language);
  return (
    <figure className="chart-figure">
      <figcaption>{t('dashboard.timeline.caption')}</figcaption>
      <ColumnChart
        label={t('dashboard.timeline.caption')}
        series={series}
        columns={months.map((p) => ({ key: p.month, label: p.label, values: Object.fromEntries(OUTPUT_KEYS.map((k) => [k, p[k]])) }))}
        format={(v) => number.format(v)}
      />
      <ChartLegend series={series} />
      <details className="chart-data">
        <summary>{t('dashboard.showFigures')}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('dashboard.timeline.caption')}>
          <table className="table">
            <caption className="visually-hidden">{t('dashboard.timeline.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.timeline.month')}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{p.label}</th>
                  {OUTPUT_KEYS.map((k) => (
                    <td key={k}>{p[k]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
