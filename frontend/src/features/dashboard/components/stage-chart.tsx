import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyCount } from '../api/types';
import { ChartSlot } from './chart-slot';
import { STAGE_COLOURS, STAGE_ORDER } from './outputs';
import { DASHBOARD_NAMESPACES } from '../dashboard-namespaces';

const STAGE_CHART_HEIGHT = 230;
const StageBarChart = lazy(() => import('./charts').then((m) => ({ default: m.StageBarChart })));

/** Adaptations by stage, in the order of the cycle, with every stage shown (zeros too). */
export function StageChart({ byStage }: { byStage: readonly KeyCount[] }) {
  const { t } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const counts = new Map(byStage.map((k) => [k.key, k.count]));
  const data = STAGE_ORDER.map((s) => ({ key: s, label: t(`stages.${s}`), count: counts.get(s) ?? 0, colour: STAGE_COLOURS[s] }));
  return (
    <figure className="chart-figure">
      <figcaption className="visually-hidden">{t('dashboard.adaptations.byStage')}</figcaption>
      <div className="chart-box" aria-hidden="true">
        <ChartSlot height={STAGE_CHART_HEIGHT}>
          <StageBarChart data={data} name={t('dashboard.adaptations.count')} height={STAGE_CHART_HEIGHT} />
        </ChartSlot>
      </div>
      <ul className="stage-counts">
        {data.map((d) => (
          <li key={d.key}>
            <span className="stage-dot" style={{ background: d.colour }} aria-hidden="true" />
            {d.label}: <strong>{d.count}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}
