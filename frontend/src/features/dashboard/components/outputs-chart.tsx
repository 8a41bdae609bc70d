import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelinePoint } from '../api/types';
import { ChartSlot } from './chart-slot';
import { fillMonths, monthLabel, OUTPUT_KEYS, type OutputKey } from './outputs';
import { DASHBOARD_NAMESPACES } from '../dashboard-namespaces';

const OUTPUTS_CHART_HEIGHT = 300;
const OutputsBarChart = lazy(() => import('./charts').then((m) => ({ default: m.OutputsBarChart })));

/** The four outputs per month as stacked bars, with the figures as a table on request. */
export function OutputsChart({ timeline }: { timeline: readonly TimelinePoint[] }) {
  const { t, i18n } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const data = fillMonths(timeline).map((p) => ({ ...p, label: monthLabel(p.month, i18n.language) }));
  if (data.length === 0) return <p className="muted">{t('dashboard.timeline.empty')}</p>;
  const names = Object.fromEntries(OUTPUT_KEYS.map((k) => [k, t(`dashboard.outputs.${k}.label`)])) as Record<OutputKey, string>;
  return (
    <figure className="chart-figure">
      <figcaption>{t('dashboard.timeline.caption')}</figcaption>
      <div className="chart-box" aria-hidden="true">
        <ChartSlot height={OUTPUTS_CHART_HEIGHT}>
          <OutputsBarChart data={data} names={names} height={OUTPUTS_CHART_HEIGHT} />
        </ChartSlot>
      </div>
      <details className="chart-data">
        <summary>{t('dashboard.showFigures')}</summary>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('dashboard.timeline.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.timeline.month')}</th>
                {OUTPUT_KEYS.map((k) => (
                  <th key={k} scope="col">
                    {names[k]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
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
