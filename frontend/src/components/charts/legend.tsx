import type { ChartSeries } from './column-chart';
import './charts.css';

/** The series of a chart with their colours, as a list (text, so it is read and printed). */
export function ChartLegend({ series }: { series: readonly ChartSeries[] }) {
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.key}>
          <span className="chart-swatch" style={{ background: s.colour }} aria-hidden="true" />
          {s.name}
        </li>
      ))}
    </ul>
  );
}
