import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { estimatedTotal } from '@/lib/format';
import { renderWithProviders } from '@/test/render';
import { Pagination } from './pagination';

describe('estimatedTotal', () => {
  it('leaves exact totals alone and rounds estimates to three significant digits', () => {
    expect(estimatedTotal(12_437, false, 'en')).toBeNull();
    expect(estimatedTotal(12_437, true, 'en')).toEqual({ kind: 'about', text: '12,400' });
    expect(estimatedTotal(3_011, true, 'en')).toEqual({ kind: 'about', text: '3,010' });
    expect(estimatedTotal(1_001, true, 'en')).toEqual({ kind: 'more', text: '1,000' });
  });
});

describe('Pagination', () => {
  it('says an estimated total is approximate and keeps the next page reachable', () => {
    renderWithProviders(<Pagination page={3} pageSize={20} total={12_437} totalIsEstimate onPageChange={() => {}} />);
    expect(screen.getByText('41–60 of about 12,400')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Next/ })).toBeEnabled();
  });

  it('says "more than 1,000" when the count stopped at its limit', () => {
    renderWithProviders(<Pagination page={1} pageSize={20} total={1_001} totalIsEstimate onPageChange={() => {}} />);
    expect(screen.getByText('1–20 of more than 1,000')).toBeInTheDocument();
  });

  it('shows exact totals as before', () => {
    renderWithProviders(<Pagination page={2} pageSize={20} total={21} onPageChange={() => {}} />);
    expect(screen.getByText('21–21 of 21')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Next/ })).toBeDisabled();
  });
});
