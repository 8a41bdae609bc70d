import { useId } from 'react';
import { labelEvery, niceTicks } from './scale';
import './charts.css';

export interface ChartSeries {
  key: string;
  name: string;
  colour: string;
}

export interface Column {
  key: string;
  /** Written under the column (thinned out when there are many). */
  label: string;
  /** The full name, for the column's tooltip (defaults to the label). */
  title?: string;
  values: Record<string, number>;
  /** A low–high range drawn as a line over the column (one series only). */
  range?: [number, number];
}

const WIDTH = 720;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 40 };

/**
 * Columns, stacked when there are several series, drawn as plain SVG that scales with its box
 * (viewBox) and needs no script to lay out: no measuring, no animation, prints as it shows. The
 * picture is one image for assistive technology, named by `label`; the figures themselves belong
 * in a table or list next to it. Each part has a tooltip (title) for pointer users.
 */
export function ColumnChart({
  columns,
  series,
  label,
  height = 300,
  yMax,
  yTicks,
  format = String,
}: {
  columns: readonly Column[];
  series: readonly ChartSeries[];
  label: string;
  height?: number;
  yMax?: number;
  yTicks?: readonly number[];
  format?: (value: number) => string;
}) {
  const titleId = useId();
  const totals = columns.map((c) => series.reduce((sum, s) => sum + (c.values[s.key] ?? 0), 0));
  const ticks = yTicks ?? niceTicks(Math.max(0, ...totals, ...columns.map((c) => c.range?.[1] ?? 0)));
  const top = yMax ?? ticks[ticks.length - 1];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const y = (v: number) => MARGIN.top + plotH - (Math.min(v, top) / top) * plotH;
  const band = plotW / Math.max(1, columns.length);
  const barW = Math.min(56, band * 0.7);
  const every = labelEvery(columns.length, Math.max(1, Math.floor(plotW / 64)));
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{label}</title>
      <g className="chart-grid">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text className="chart-tick" x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
      </g>
      {columns.map((c, i) => {
        const x = MARGIN.left + i * band + (band - barW) / 2;
        let base = 0;
        return (
          <g key={c.key} className="chart-column">
            {series.map((s) => {
              const v = c.values[s.key] ?? 0;
              if (v <= 0) return null;
              const y0 = y(base);
              base += v;
              return (
                <rect key={s.key} x={x} width={barW} y={y(base)} height={Math.max(0, y0 - y(base))} fill={s.colour}>
                  <title>{`${c.title ?? c.label} — ${s.name}: ${format(v)}`}</title>
                </rect>
              );
            })}
            {c.range && (
              <path className="chart-range" d={`M${x + barW / 2} ${y(c.range[0])}V${y(c.range[1])}M${x + barW / 2 - 5} ${y(c.range[0])}h10M${x + barW / 2 - 5} ${y(c.range[1])}h10`} />
            )}
            {i % every === 0 && (
              <text className="chart-tick" x={x + barW / 2} y={height - MARGIN.bottom + 16} textAnchor="middle">
                {c.label}
              </text>
            )}
          </g>
        );
      })}
      <line className="chart-axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
    </svg>
  );
}
