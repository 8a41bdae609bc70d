import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Change } from '@/api/types';
import { programme } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';
import { diffLists, RevisionDiff } from './revision-diff';

const changes: Change[] = [
  { field: 'summary', before: 'A weekly hour in the ward.', after: 'A weekly hour in the day clinic.' },
  { field: 'learning_questions', before: ['Who pays?', 'Who refers?'], after: ['Who refers?', 'How long does it last?'] },
  { field: 'evidence.level', before: 'monitoring', after: 'evaluation' },
  { field: 'products[0].name', after: 'Consultation hour' },
  { field: 'products[0].id', after: '9a8b7c6d-0000-4000-8000-000000000300' },
  { field: 'themes', before: ['employer_engagement'], after: [] },
  { field: 'translations.nl.title', before: 'Jobcoach in het ziekenhuis' },
];

function change(name: string | RegExp) {
  return screen.getByRole('heading', { level: 4, name }).closest('li') as HTMLElement;
}

describe('RevisionDiff', () => {
  it('names each changed field in words and shows before struck through, after inserted', () => {
    renderWithProviders(<RevisionDiff changes={changes} from={1} to={2} vocabulary={{ themes: programme.themes }} />);

    expect(screen.getByRole('heading', { name: 'Changes from revision 1 to revision 2' })).toBeInTheDocument();
    // The product id is bookkeeping, not a change anyone wrote.
    expect(screen.getByText('6 fields changed.')).toBeInTheDocument();
    // In the order of the practice page, not alphabetical.
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Summary',
      'Themes',
      'Product 1 › Name',
      'Evidence level',
      'Learning questions',
      'Dutch translation › Title',
    ]);

    const summary = change('Summary');
    expect(within(summary).getByText('Before')).toBeInTheDocument();
    expect(summary.querySelector('del')).toHaveTextContent('A weekly hour in the ward.');
    expect(summary.querySelector('ins')).toHaveTextContent('A weekly hour in the day clinic.');

    // Choices read as their labels, not their codes.
    const level = change('Evidence level');
    expect(level.querySelector('del')).toHaveTextContent('Monitoring');
    expect(level.querySelector('ins')).toHaveTextContent('Evaluation');

    // Lists item by item: removed, kept, added.
    const questions = within(change('Learning questions')).getAllByRole('listitem');
    expect(questions.map((li) => [li.className, li.textContent])).toEqual([
      ['diff-item-removed', 'Removed: Who pays?'],
      ['diff-item-same', 'Who refers?'],
      ['diff-item-added', 'Added: How long does it last?'],
    ]);

    // Theme keys read as the programme's titles.
    expect(change('Themes').querySelector('del')).toHaveTextContent('Employer engagement');

    // A field that is new has no "before"; one that is gone has no "after".
    const productName = change('Product 1 › Name');
    expect(within(productName).getByText('Added')).toBeInTheDocument();
    expect(productName.querySelector('del')).toBeNull();
    const translation = change('Dutch translation › Title');
    expect(within(translation).getByText('Removed')).toBeInTheDocument();
    expect(translation.querySelector('ins')).toBeNull();
  });

  it('says so when nothing changed', () => {
    renderWithProviders(<RevisionDiff changes={[]} from={2} to={3} />);
    expect(screen.getByText('Nothing changed between these revisions.')).toBeInTheDocument();
  });
});

describe('diffLists', () => {
  it('keeps common items and marks the rest as removed or added', () => {
    expect(diffLists(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { kind: 'same', value: 'a' },
      { kind: 'removed', value: 'b' },
      { kind: 'same', value: 'c' },
      { kind: 'added', value: 'd' },
    ]);
  });
});
