import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { review, rubric } from '@/test/review-fixtures';
import { ReviewChecklist, useMissingLabel } from './review-checklist';
import { completion, draftFromReview, draftToInput, missingItems, type ReviewDraft } from './review-draft';

const questions = ['How would this work in your country?'];

/** Every requirement met except the justification of the gate. */
function draftWithoutGateComment(): ReviewDraft {
  const draft = draftFromReview(review(), rubric, questions);
  return {
    ...draft,
    scores: {
      relevance: { value: 1, na: false, comment: '' },
      equity: { value: 3, na: false, comment: '' },
      sustainability: { value: null, na: true, comment: '' },
    },
    transferRating: 4,
    answers: ['It would fit.'],
    recommendation: 'good_practice',
    confidence: 4,
  };
}

function Checklist({ draft }: { draft: ReviewDraft }) {
  const label = useMissingLabel();
  const { done, total } = completion(draft, rubric, questions);
  return (
    <>
      <ReviewChecklist missing={missingItems(draft, rubric, questions)} done={done} total={total} label={label} questions={questions} />
      <textarea id="rv-comment-relevance" aria-label="Justification for Relevance" />
    </>
  );
}

describe('review completeness', () => {
  it('finds a gate answered without its justification, by the rules the server applies', () => {
    const draft = draftWithoutGateComment();
    expect(missingItems(draft, rubric, questions)).toEqual([
      expect.objectContaining({ field: 'scores.relevance.comment', kind: 'gateComment' }),
    ]);
    expect(completion(draft, rubric, questions)).toEqual({ done: 7, total: 8 });
    // "Not applicable" is saved as a null value where the criterion allows it.
    expect(draftToInput(draft, rubric, questions).scores).toContainEqual({ criterion_key: 'sustainability', value: null, comment: '' });
  });

  it('lists the missing gate comment in the checklist and moves focus to the field', async () => {
    renderWithProviders(<Checklist draft={draftWithoutGateComment()} />);
    const user = userEvent.setup();
    const checklist = await screen.findByRole('region', { name: 'Still to do' });
    expect(within(checklist).getByText('7 of 8 done')).toBeInTheDocument();
    const items = within(checklist).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    const link = within(checklist).getByRole('link', { name: 'Relevance: justify your judgement' });

    await user.click(link);
    expect(screen.getByRole('textbox', { name: 'Justification for Relevance' })).toHaveFocus();
  });

  it('says so when everything is filled in', async () => {
    const draft = draftWithoutGateComment();
    draft.scores.relevance.comment = 'The need is clearly stated.';
    renderWithProviders(<Checklist draft={draft} />);
    expect(await screen.findByText('Everything is filled in. You can submit your review.')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
