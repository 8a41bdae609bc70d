import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart';
import { ColumnChart } from './column-chart';
import { canDrawLines, LineChart } from './line-chart';
import { niceTicks } from './scale';

const series = [
  { key: 'a', name: 'Apples', colour: '#1d4f91' },
  { key: 'b', name: 'Pears', colour: '#6b3fa0' },
];

describe('column chart', () => {
  it('draws one column per item with a part per series, its labels and its value ticks', () => {
    render(
      <ColumnChart
        label="Fruit per month"
        series={series}
        columns={[
          { key: 'm1', label: 'Jan', values: { a: 2, b: 1 } },
          { key: 'm2', label: 'Feb', values: { a: 0, b: 4 } },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Fruit per month' });
    expect(within(chart).getByText('Jan')).toBeInTheDocument();
    expect(within(chart).getByText('Feb')).toBeInTheDocument();
    // Empty parts are not drawn; every other part says what it is.
    expect(within(chart).getByText('Jan — Apples: 2')).toBeInTheDocument();
    expect(within(chart).getByText('Jan — Pears: 1')).toBeInTheDocument();
    expect(within(chart).getByText('Feb — Pears: 4')).toBeInTheDocument();
    expect(within(chart).queryByText('Feb — Apples: 0')).toBeNull();
    // The largest column (4) sets the scale: whole numbers from 0 up to it.
    expect(within(chart).getByText('0')).toBeInTheDocument();
    expect(within(chart).getByText('4')).toBeInTheDocument();
  });

  it('makes the tallest column of a stack reach its total', () => {
    render(<ColumnChart label="c" series={series} columns={[{ key: 'x', label: 'X', values: { a: 3, b: 1 } }]} yTicks={[0, 2, 4]} />);
    const parts = [screen.getByText('X — Apples: 3').parentElement, screen.getByText('X — Pears: 1').parentElement] as Element[];
    const heights = parts.map((p) => Number(p.getAttribute('height')));
    expect(heights[0]).toBeCloseTo(heights[1] * 3);
  });
});

describe('bar chart', () => {
  it('writes each bar’s label and figure, zeros included', () => {
    render(
      <BarChart
        label="By stage"
        bars={[
          { key: 'x', label: 'Exploring', value: 5, colour: '#000' },
          { key: 'y', label: 'Planning', value: 0, colour: '#111' },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'By stage' });
    expect(within(chart).getByText('Exploring: 5')).toBeInTheDocument();
    expect(within(chart).getByText('Planning: 0')).toBeInTheDocument();
    expect(within(chart).getByText('Exploring')).toBeInTheDocument();
  });
});

describe('line chart', () => {
  const points = [
    { key: 'p1', label: '1 Mar', values: { a: 4, b: 1 } },
    { key: 'p2', label: '1 Jun', values: { a: 9, b: null } },
    { key: 'p3', label: '1 Sep', values: { a: 12, b: 5 } },
  ];

  it('draws a line per series with a dot per figure, a gap where a figure is missing, and nothing focusable', () => {
    const { container } = render(<LineChart label="Follow-ups" series={series} points={points} />);
    const chart = screen.getByRole('img', { name: 'Follow-ups' });
    expect(within(chart).getByText('1 Jun — Apples: 9')).toBeInTheDocument();
    expect(within(chart).queryByText(/1 Jun — Pears/)).toBeNull();
    const pears = container.querySelector('[data-series="b"] path')!.getAttribute('d')!;
    // Two separate moves: the missing June figure breaks the line instead of bridging it.
    expect(pears.match(/M/g)).toHaveLength(2);
    expect(container.querySelectorAll('[tabindex], a, button')).toHaveLength(0);
  });

  it('needs two points: one follow-up is no trend', () => {
    expect(canDrawLines(points.slice(0, 1))).toBe(false);
    expect(canDrawLines(points.slice(0, 2))).toBe(true);
  });
});

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(230)).toEqual([0, 50, 100, 150, 200, 250]);
  });
});
