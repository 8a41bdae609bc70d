import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import type { Flow } from '../api/types';
import { fileNameFrom } from '../api/exports';
import { changeLines } from './audit-page';
import { AgreementTable } from './dashboard-page';
import { FlowMatrix, flowMatrix, RANKED_FLOWS_SHOWN } from './flow-matrix';
import { BarList } from './bar-list';
import { FIDELITY_COLOURS, FIDELITY_ORDER, fillMonths, inCodeOrder } from './outputs';
import { OutputsChart } from './outputs-chart';
import { StageChart } from './stage-chart';

const flows: Flow[] = [
  { from_country: 'BE', to_country: 'FR', count: 1 },
  { from_country: 'BE', to_country: 'NL', count: 2 },
  { from_country: 'BE', to_country: 'IE', count: 1 },
  { from_country: 'FR', to_country: 'NL', count: 3 },
];

describe('country flow matrix', () => {
  it('shows the count of adaptations from each source country to each adopting country', () => {
    renderWithProviders(<FlowMatrix flows={flows} />);
    const table = screen.getByRole('table', { name: 'Adaptations by country of origin and adopting country' });
    const columns = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    // The corner heads the column of source countries, so no cell is without a header.
    expect(columns).toEqual(['From ↓ To →', 'To France FR', 'To Ireland IE', 'To Netherlands NL']);
    const belgium = within(table).getByRole('row', { name: /^From Belgium/ });
    expect(within(belgium).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '1', '2']);
    const france = within(table).getByRole('row', { name: /^From France/ });
    expect(within(france).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '0', '3']);
    expect(table.querySelector('[data-flow="BE-NL"]')).toHaveAttribute('title', 'From Belgium to Netherlands: 2');
    // The strongest flow has the darkest cell.
    expect((table.querySelector('[data-flow="FR-NL"]') as HTMLElement).style.background).toBe('rgb(11, 92, 107)');
    expect((table.querySelector('[data-flow="BE-FR"]') as HTMLElement).style.background).toBe('rgba(11, 92, 107, 0.45)');
    expect((table.querySelector('[data-flow="FR-FR"]') as HTMLElement | null)?.style.background ?? '').toBe('');

    const ranked = screen.getByRole('list', { name: 'Flows, largest first' });
    const items = within(ranked).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items[0]).toBe('France (FR) → to Netherlands (NL)3 adaptations');
    expect(items[1]).toBe('Belgium (BE) → to Netherlands (NL)2 adaptations');
  });

  it('lists the largest flows first and the rest on request', async () => {
    const countries = ['AT', 'BE', 'DE', 'FR', 'IE', 'NL'];
    const many: Flow[] = countries.flatMap((from, i) => countries.filter((to) => to !== from).map((to, j) => ({ from_country: from, to_country: to, count: 1 + i * 5 + j })));
    renderWithProviders(<FlowMatrix flows={many} />);
    const ranked = screen.getByRole('list', { name: 'Flows, largest first' });
    expect(within(ranked).getAllByRole('listitem')).toHaveLength(RANKED_FLOWS_SHOWN);
    expect(within(ranked).getAllByRole('listitem')[0]).toHaveTextContent('Netherlands (NL) → to Ireland (IE)30 adaptations');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show all 30 flows' }));
    expect(within(ranked).getAllByRole('listitem')).toHaveLength(30);
    expect(screen.getByRole('button', { name: 'Show only the 10 largest' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('adds up repeated pairs and says when there is nothing yet', () => {
    const m = flowMatrix([...flows, { from_country: 'BE', to_country: 'NL', count: 1 }]);
    expect(m.counts.get('BE>NL')).toBe(3);
    expect(m.max).toBe(3);
    renderWithProviders(<FlowMatrix flows={[]} />);
    expect(screen.getByText('No adaptations yet.')).toBeInTheDocument();
  });
});

describe('dashboard charts', () => {
  const zero = { information_exchanged: 0, practices_reviewed: 0, products_adapted: 0, new_products: 0 };

  it('draws the outputs of every month, empty months included, with a legend and the figures as a table', () => {
    renderWithProviders(
      <OutputsChart
        timeline={[
          { month: '2025-11', ...zero, information_exchanged: 2, practices_reviewed: 1 },
          { month: '2026-01', ...zero, new_products: 3 },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'The four outputs per month, stacked.' });
    expect(within(chart).getByText('Nov 2025')).toBeInTheDocument();
    expect(within(chart).getByText('Dec 2025')).toBeInTheDocument();
    expect(within(chart).getByText('Jan 2026')).toBeInTheDocument();
    expect(within(chart).getByText('Nov 2025 — Information exchanged: 2')).toBeInTheDocument();
    expect(within(chart).getByText('Nov 2025 — Practices peer-reviewed: 1')).toBeInTheDocument();
    expect(within(chart).getByText('Jan 2026 — New products: 3')).toBeInTheDocument();
    expect(within(chart).queryByText(/^Dec 2025 —/)).toBeNull();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Information exchanged', 'Practices peer-reviewed', 'Products adapted', 'New products']);
    const table = screen.getByRole('table', { name: 'The four outputs per month, stacked.' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
  });

  it('shows every stage of the cycle with its count, zeros too', () => {
    renderWithProviders(<StageChart byStage={[{ key: 'planning', count: 4 }]} />);
    const chart = screen.getByRole('img', { name: 'Adaptations by stage' });
    expect(within(chart).getByText('Planning: 4')).toBeInTheDocument();
    expect(within(chart).getByText('Exploring: 0')).toBeInTheDocument();
    expect(within(chart).getByText('Discontinued: 0')).toBeInTheDocument();
  });
});

describe('dashboard helpers', () => {
  it('draws each round’s agreement as an interval against 0.667 and 0.8, with its reading in words', () => {
    const figure = { alpha: 0.71, units: 120, pairable_values: 360, ci95: [0.64, 0.78], p_below_667: 0.21, reading: 'tentative' as const };
    renderWithProviders(
      <AgreementTable
        rounds={[
          { round_id: 'r1', round_name: 'Spring round', status: 'closed', reviews: 360, weighted_score_alpha: 0.71, weighted_score: figure },
          {
            round_id: 'r2',
            round_name: 'Pilot round',
            status: 'open',
            reviews: 4,
            weighted_score_alpha: null,
            weighted_score: { alpha: null, units: 2, pairable_values: 4, ci95: null, p_below_667: null, reading: 'too_few_units' },
          },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Agreement between reviewers per round' });
    const spring = within(table).getByRole('row', { name: /Spring round/ });
    expect(spring).toHaveTextContent('0.71');
    expect(within(spring).getByText('Alpha 0.71, 95 % interval from 0.64 to 0.78')).toBeInTheDocument();
    expect(spring).toHaveTextContent('Tentative agreement (0.667 to 0.8)');
    // The interval's bar spans the 0.667 mark: drawn between the two threshold marks.
    expect(spring.querySelectorAll('svg line')).toHaveLength(3);
    const pilot = within(table).getByRole('row', { name: /Pilot round/ });
    expect(pilot).toHaveTextContent('Too few practices to tell');
    expect(pilot.querySelector('svg')).toBeNull();
  });

  it('fills the months without activity in the timeline', () => {
    const zero = { information_exchanged: 0, practices_reviewed: 0, products_adapted: 0, new_products: 0 };
    const out = fillMonths([
      { month: '2025-11', ...zero, information_exchanged: 2 },
      { month: '2026-02', ...zero, new_products: 1 },
    ]);
    expect(out.map((p) => p.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(out[1]).toEqual({ month: '2025-12', ...zero });
  });

  it('shows audit changes as before → after and takes the export name from the server', () => {
    expect(changeLines({ stage: 'exploring' }, { stage: 'planning' })).toEqual([{ key: 'stage', before: 'exploring', after: 'planning', hadBefore: true, hasAfter: true }]);
    expect(changeLines(null, { roles: ['partner', 'reviewer'] })).toEqual([{ key: 'roles', before: undefined, after: ['partner', 'reviewer'], hadBefore: false, hasAfter: true }]);
    // Ids of other objects are not shown as such: the entry names its object.
    expect(changeLines(null, { practice_id: 'a', reviewer_id: 'b', source: 'auto' }).map((l) => l.key)).toEqual(['source']);
    expect(fileNameFrom('attachment; filename="reviews.csv"', 'x.csv')).toBe('reviews.csv');
    expect(fileNameFrom(null, 'x.csv')).toBe('x.csv');
  });
});

describe('fidelity bars', () => {
  it('keep the order of their codes whatever the labels, and colour “not consistent” apart from “consistent”', () => {
    const counts = [
      { key: 'unknown', count: 1 },
      { key: 'inconsistent', count: 2 },
      { key: 'consistent', count: 5 },
    ];
    const ordered = inCodeOrder(counts, FIDELITY_ORDER);
    expect(ordered.map((k) => k.key)).toEqual(['consistent', 'inconsistent', 'unknown']);
    expect(new Set(FIDELITY_ORDER.map((k) => FIDELITY_COLOURS[k])).size).toBe(3);

    // Labels that sort otherwise (as in French) change nothing.
    const labels: Record<string, string> = { consistent: 'Cohérente', inconsistent: 'Non cohérente', unknown: 'Inconnue' };
    renderWithProviders(
      <BarList label="Fidélité" empty="—" items={ordered.map((k) => ({ key: k.key, label: labels[k.key], count: k.count, colour: FIDELITY_COLOURS[k.key] }))} />,
    );
    const items = within(screen.getByRole('list', { name: 'Fidélité' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.bar-label')?.textContent)).toEqual(['Cohérente', 'Non cohérente', 'Inconnue']);
    const fills = items.map((li) => (li.querySelector('.bar-fill') as HTMLElement).style.background);
    expect(fills[0]).not.toEqual(fills[1]);
  });
});
