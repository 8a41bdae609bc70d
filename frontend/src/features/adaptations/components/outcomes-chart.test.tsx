import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import type { Outcome } from '../api/types';
import { OutcomesChart } from './outcomes-chart';

function outcome(id: string, recorded_on: string, participants: number, returned_to_work: number): Outcome {
  return { id, recorded_on, participants, returned_to_work, created_at: `${recorded_on}T12:00:00Z` };
}

describe('OutcomesChart', () => {
  it('says in words that one follow-up is no trend instead of drawing a line through one point', () => {
    renderWithProviders(<OutcomesChart outcomes={[outcome('o1', '2026-03-01', 10, 3)]} />);
    expect(screen.getByText(/One follow-up so far/)).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('draws the follow-ups oldest first with the legend in a fixed order', () => {
    const { container } = renderWithProviders(
      <OutcomesChart outcomes={[outcome('o2', '2026-06-01', 14, 6), outcome('o1', '2026-03-01', 10, 3)]} />,
    );
    expect(screen.getByRole('img', { name: /Participants and people back at work over time/ })).toBeInTheDocument();
    expect(container.querySelector('[data-series="participants"] path')?.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+L/);
    const legend = [...container.querySelectorAll('.chart-legend li')].map((li) => li.textContent);
    expect(legend).toEqual(['Participants', 'Returned to work', 'In work after 6 months']);
  });
});
