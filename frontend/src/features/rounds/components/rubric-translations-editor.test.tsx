import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Criterion, Rubric } from '@/api/review-types';
import { sessionStore } from '@/api/session-store';
import { json, mockFetch, problem } from '@/test/fetch-mock';
import { tokenPair } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { gateCriterion, rubric } from '@/test/review-fixtures';
import { missingTexts, RubricTranslationsEditor } from './rubric-translations-editor';

const inUse: Rubric = {
  ...rubric,
  in_use: true,
  criteria: [{ ...gateCriterion, translations: { fr: { title: 'Pertinence', levels: [{ value: 1, label: 'Satisfait' }] } } }],
};

describe('RubricTranslationsEditor', () => {
  it('counts the missing texts of each language', () => {
    const criteria = inUse.criteria as Criterion[];
    // Description, two descriptors and one label are missing in French; all six in Dutch.
    expect(missingTexts(criteria, 'fr')).toBe(4);
    expect(missingTexts(criteria, 'nl')).toBe(6);
  });

  it('translates a rubric in use with If-Match, beside the original texts', async () => {
    sessionStore.setTokens(tokenPair());
    const { calls } = mockFetch([
      {
        method: 'PATCH',
        path: `/api/v1/rubrics/${rubric.id}`,
        respond: (req) => json({ ...inUse, ...(req.body as object), version: 5 }, { headers: { ETag: '"5"' } }),
      },
      { method: 'GET', path: `/api/v1/programmes/${rubric.programme_id}/rubrics`, respond: () => problem(500) },
    ]);
    const onDone = vi.fn();
    renderWithProviders(<RubricTranslationsEditor programmeId={rubric.programme_id} rubric={{ data: inUse, etag: '"4"' }} onDone={onDone} onStale={() => {}} />);
    const user = userEvent.setup();

    const french = within(screen.getByRole('group', { name: 'Language to translate into' })).getByRole('button', { name: /French/ });
    expect(french).toHaveTextContent('4 missing');
    expect(screen.getByRole('textbox', { name: 'Title in French' })).toHaveValue('Pertinence');
    expect(screen.getByText('The need and the group are stated.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Level 0: label in French' }), 'Non satisfait');
    await user.type(screen.getByRole('textbox', { name: 'Level 1: descriptor in French' }), 'Le besoin et le public sont décrits.');
    expect(french).toHaveTextContent('2 missing');

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"4"');
    const sent = (patch.body as { criteria: Criterion[] }).criteria[0];
    expect(sent.key).toBe('relevance');
    expect(sent.levels).toEqual(gateCriterion.levels);
    expect(sent.translations).toEqual({
      fr: {
        title: 'Pertinence',
        description: '',
        levels: [
          { value: 1, label: 'Satisfait', descriptor: 'Le besoin et le public sont décrits.' },
          { value: 0, label: 'Non satisfait', descriptor: '' },
        ],
      },
    });
  });
});
