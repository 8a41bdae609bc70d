import { useId } from 'react';
import { niceTicks } from './scale';
import './charts.css';

export interface Bar {
  key: string;
  label: string;
  value: number;
  colour: string;
}

// Narrower than a column chart: bar charts usually sit in half a row, and the text scales with it.
const WIDTH = 440;
const LABEL_WIDTH = 120;
const ROW = 30;
const MARGIN = { top: 8, right: 48, bottom: 24 };

/**
 * Horizontal bars, one row per item with its label on the left and its figure at the bar's end,
 * as plain SVG that scales with its box (see ColumnChart). Named by `label` as one image.
 */
export function BarChart({ bars, label, format = String }: { bars: readonly Bar[]; label: string; format?: (value: number) => string }) {
  const titleId = useId();
  const ticks = niceTicks(Math.max(0, ...bars.map((b) => b.value)), 4);
  const top = ticks[ticks.length - 1];
  const height = MARGIN.top + bars.length * ROW + MARGIN.bottom;
  const plotW = WIDTH - LABEL_WIDTH - MARGIN.right;
  const x = (v: number) => LABEL_WIDTH + (v / top) * plotW;
  const bottom = MARGIN.top + bars.length * ROW;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{label}</title>
      <g className="chart-grid">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={MARGIN.top} y2={bottom} />
            <text className="chart-tick" x={x(tick)} y={bottom + 16} textAnchor="middle">
              {format(tick)}
            </text>
          </g>
        ))}
      </g>
      {bars.map((b, i) => {
        const rowY = MARGIN.top + i * ROW;
        return (
          <g key={b.key} className="chart-bar">
            <text className="chart-label" x={LABEL_WIDTH - 8} y={rowY + ROW / 2} dy="0.32em" textAnchor="end">
              {b.label}
            </text>
            <rect x={LABEL_WIDTH} y={rowY + 6} width={Math.max(0, x(b.value) - LABEL_WIDTH)} height={ROW - 12} fill={b.colour}>
              <title>{`${b.label}: ${format(b.value)}`}</title>
            </rect>
            <text className="chart-value" x={x(b.value) + 6} y={rowY + ROW / 2} dy="0.32em">
              {format(b.value)}
            </text>
          </g>
        );
      })}
      <line className="chart-axis" x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={MARGIN.top} y2={bottom} />
    </svg>
  );
}
