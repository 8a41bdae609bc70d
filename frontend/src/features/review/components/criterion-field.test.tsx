import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Criterion } from '@/api/review-types';
import { renderWithProviders } from '@/test/render';
import { coreCriterion, gateCriterion, qualifierCriterion } from '@/test/review-fixtures';
import { CriterionField } from './criterion-field';
import { EMPTY_SCORE, type ScoreDraft } from './review-draft';

function Harness({ criterion, onChange }: { criterion: Criterion; onChange?: (s: ScoreDraft) => void }) {
  const [score, setScore] = useState<ScoreDraft>(EMPTY_SCORE);
  return (
    <CriterionField
      criterion={criterion}
      score={score}
      onChange={(next) => {
        setScore(next);
        onChange?.(next);
      }}
    />
  );
}

describe('CriterionField', () => {
  it('shows every anchored level as a radio described by its descriptor', async () => {
    renderWithProviders(<Harness criterion={coreCriterion} />);
    const group = await screen.findByRole('radiogroup', { name: 'Equity' });
    expect(group).toHaveAccessibleDescription('The practice reaches people in vulnerable situations.');

    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(4);
    for (const level of coreCriterion.levels) {
      const radio = within(group).getByRole('radio', { name: `${level.value} – ${level.label}` });
      expect(radio).toHaveAccessibleDescription(level.descriptor);
      // The descriptor is visible, not only announced.
      expect(within(group).getByText(level.descriptor)).toBeVisible();
    }
    // A core criterion does not allow "Not applicable".
    expect(within(group).queryByRole('radio', { name: 'Not applicable' })).not.toBeInTheDocument();
  });

  it('is operable with the keyboard: Tab into the group, arrow keys move between levels', async () => {
    const onChange = vi.fn();
    renderWithProviders(<Harness criterion={coreCriterion} onChange={onChange} />);
    const user = userEvent.setup();
    const group = await screen.findByRole('radiogroup', { name: 'Equity' });

    await user.tab();
    const first = within(group).getByRole('radio', { name: '1 – Weak' });
    expect(first).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    const second = within(group).getByRole('radio', { name: '2 – Fair' });
    expect(second).toHaveFocus();
    expect(second).toBeChecked();

    await user.keyboard('{ArrowRight}');
    expect(within(group).getByRole('radio', { name: '3 – Good' })).toBeChecked();
    await user.keyboard('{ArrowUp}');
    expect(second).toBeChecked();
    expect(onChange).toHaveBeenLastCalledWith({ value: 2, na: false, comment: '' });

    // Tab leaves the group for the comment.
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Comment on Equity' })).toHaveFocus();
  });

  it('offers "Not applicable" only where the criterion allows it', async () => {
    const onChange = vi.fn();
    renderWithProviders(<Harness criterion={qualifierCriterion} onChange={onChange} />);
    const user = userEvent.setup();
    const na = await screen.findByRole('radio', { name: 'Not applicable' });
    expect(na).toHaveAccessibleDescription('This criterion does not apply to this practice.');
    await user.click(na);
    expect(onChange).toHaveBeenLastCalledWith({ value: null, na: true, comment: '' });
  });

  it('marks the justification of a gate as required', async () => {
    renderWithProviders(<Harness criterion={gateCriterion} />);
    const group = await screen.findByRole('radiogroup', { name: 'Relevance' });
    expect(within(group).getByRole('radio', { name: 'Passes' })).toHaveAccessibleDescription('The need and the group are stated.');
    expect(within(group).getByRole('radio', { name: 'Does not pass' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Justification for Relevance' })).toBeRequired();
  });
});
