import { useTranslation } from 'react-i18next';
import { BarChart } from '@/components/charts/bar-chart';
import { numberFormat } from '@/lib/format';
import type { KeyCount } from '../api/types';
import { STAGE_COLOURS, STAGE_ORDER } from './outputs';
import { DASHBOARD_NAMESPACES } from '../dashboard-namespaces';

/** Adaptations by stage, in the order of the cycle, with every stage shown (zeros too). */
export function StageChart({ byStage }: { byStage: readonly KeyCount[] }) {
  const { t, i18n } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const counts = new Map(byStage.map((k) => [k.key, k.count]));
  const bars = STAGE_ORDER.map((s) => ({ key: s, label: t(`stages.${s}`), value: counts.get(s) ?? 0, colour: STAGE_COLOURS[s] }));
  const number = numberFormat(i18n.language);
  return (
    <figure className="chart-figure">
      <figcaption className="visually-hidden">{t('dashboard.adaptations.byStage')}</figcaption>
      <BarChart bars={bars} label={t('dashboard.adaptations.byStage')} format={(v) => number.format(v)} />
      <ul className="stage-counts">
        {bars.map((d) => (
          <li key={d.key}>
            <span className="stage-dot" style={{ background: d.colour }} aria-hidden="true" />
            {d.label}: <strong>{d.value}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}
