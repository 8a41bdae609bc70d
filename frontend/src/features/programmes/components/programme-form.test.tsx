import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProgrammeCreate } from '@/api/types';
import { programme } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { ProgrammeForm } from './programme-form';

describe('ProgrammeForm translations', () => {
  it('edits translations side by side with the original and counts what is missing per language', async () => {
    const initial = {
      ...programme,
      translations: { nl: { name: 'Terug naar werk na kanker' } },
      themes: [{ key: 'employer_engagement', title: 'Employer engagement', titles: { nl: 'Betrokkenheid van werkgevers' } }],
      target_groups: [{ key: 'cancer_survivors', title: 'Cancer survivors', titles: {} }],
    };
    const onSubmit = vi.fn<(body: ProgrammeCreate) => Promise<unknown>>().mockResolvedValue(undefined);
    renderWithProviders(<ProgrammeForm initial={initial} submitLabel="Save" pendingLabel="Saving" pending={false} onSubmit={onSubmit} />);
    const user = userEvent.setup();

    const languages = screen.getByRole('group', { name: 'Language to translate into' });
    // Dutch: description, objective and the target group are missing.
    const dutch = within(languages).getByRole('button', { name: /Dutch/ });
    expect(dutch).toHaveAttribute('aria-pressed', 'true');
    expect(dutch).toHaveTextContent('3 missing');
    expect(screen.getByRole('textbox', { name: 'Name in Dutch' })).toHaveValue('Terug naar werk na kanker');
    expect(screen.getByRole('textbox', { name: 'Theme 1 in Dutch' })).toHaveValue('Betrokkenheid van werkgevers');
    expect(screen.getByRole('textbox', { name: 'Objective in Dutch' })).toHaveAccessibleDescription('Not translated yet: readers see the original.');
    // The original objective is shown beside its translation.
    expect(screen.getAllByText('Learn from each other.').some((el) => el.tagName === 'P')).toBe(true);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Add a language' }), 'fr');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const french = within(languages).getByRole('button', { name: /French/ });
    expect(french).toHaveTextContent('5 missing');
    await user.type(screen.getByRole('textbox', { name: 'Name in French' }), 'Retour au travail après un cancer');
    await user.type(screen.getByRole('textbox', { name: 'Theme 1 in French' }), 'Engagement des employeurs');
    expect(french).toHaveTextContent('3 missing');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const body = onSubmit.mock.calls[0][0];
    expect(body.translations).toEqual({ nl: { name: 'Terug naar werk na kanker' }, fr: { name: 'Retour au travail après un cancer' } });
    expect(body.themes).toEqual([
      { key: 'employer_engagement', title: 'Employer engagement', titles: { nl: 'Betrokkenheid van werkgevers', fr: 'Engagement des employeurs' } },
    ]);
    expect(body.target_groups).toEqual([{ key: 'cancer_survivors', title: 'Cancer survivors', titles: {} }]);
  });
});
