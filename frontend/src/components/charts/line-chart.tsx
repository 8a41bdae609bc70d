import { useId } from 'react';
import type { ChartSeries } from './column-chart';
import { labelEvery, niceTicks } from './scale';
import './charts.css';

export interface LinePoint {
  key: string;
  /** Written under the axis (thinned out when there are many). */
  label: string;
  /** A missing value leaves a gap in that series' line. */
  values: Record<string, number | null | undefined>;
}

export interface LineSeries extends ChartSeries {
  /** Dash pattern, so the lines differ by more than their colour. */
  dash?: string;
}

const WIDTH = 720;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 40 };

/**
 * Lines over time as plain SVG (see ColumnChart): one image for assistive technology, named by
 * `label`, with nothing focusable inside. Each point is drawn as a dot with its tooltip, so a
 * series with gaps still shows its figures. It needs two points or more: a single point is no
 * trend, and the caller says so in words instead (see `canDrawLines`).
 */
export function LineChart({
  points,
  series,
  label,
  height = 260,
  format = String,
}: {
  points: readonly LinePoint[];
  series: readonly LineSeries[];
  label: string;
  height?: number;
  format?: (value: number) => string;
}) {
  const titleId = useId();
  const all = points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0));
  const ticks = niceTicks(Math.max(0, ...all));
  const top = ticks[ticks.length - 1];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (i: number) => MARGIN.left + (points.length === 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const every = labelEvery(points.length, Math.max(1, Math.floor(plotW / 80)));
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
      {points.map((p, i) =>
        i % every === 0 ? (
          <text key={p.key} className="chart-tick" x={x(i)} y={height - MARGIN.bottom + 16} textAnchor="middle">
            {p.label}
          </text>
        ) : null,
      )}
      {series.map((s) => {
        // Consecutive points with a value, joined; a missing value breaks the line.
        let d = '';
        let open = false;
        points.forEach((p, i) => {
          const v = p.values[s.key];
          if (v == null) {
            open = false;
            return;
          }
          d += `${open ? 'L' : 'M'}${x(i)} ${y(v)}`;
          open = true;
        });
        return (
          <g key={s.key} className="chart-line" data-series={s.key}>
            <path d={d} fill="none" stroke={s.colour} strokeWidth={2} strokeDasharray={s.dash} />
            {points.map((p, i) => {
              const v = p.values[s.key];
              return v == null ? null : (
                <circle key={p.key} cx={x(i)} cy={y(v)} r={3.5} fill={s.colour}>
                  <title>{`${p.label} — ${s.name}: ${format(v)}`}</title>
                </circle>
              );
            })}
          </g>
        );
      })}
      <line className="chart-axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
    </svg>
  );
}

/** Lines say how figures changed: that takes two points in time at least. */
export function canDrawLines(points: readonly LinePoint[]): boolean {
  return points.length >= 2;
}
