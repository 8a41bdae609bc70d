import { describe, expect, it } from 'vitest';
import { draftFromPractice, emptyDraft } from './practice-draft';
import { missingToSubmit, SUBMIT_FIELDS } from './submit-checklist';
import { practice } from '@/test/fixtures';

describe('what submitting a practice needs', () => {
  it('names, for an empty draft, every field the server refuses an empty practice for, in its order', () => {
    // The same list as the "empty" case of TestSubmitProblems (internal/domain/practice_test.go).
    expect(missingToSubmit(emptyDraft({ language: 'en', country: 'BE' }))).toEqual([
      'summary',
      'themes',
      'context',
      'approach',
      'evidence.level',
      'contact.name',
      'contact.email',
    ]);
    expect(SUBMIT_FIELDS).toHaveLength(7);
  });

  it('finds nothing missing in a complete practice, and counts blanks as missing', () => {
    const draft = draftFromPractice(practice);
    expect(missingToSubmit(draft)).toEqual([]);
    expect(missingToSubmit({ ...draft, approach: ' \n ', contact_email: '  ' })).toEqual(['approach', 'contact.email']);
  });

  it('keeps what the server says is missing where the editor has no rule for it, and judges its own fields on the draft', () => {
    const draft = draftFromPractice(practice);
    // The server judged an older text (summary then empty) and knows a rule the editor does not.
    expect(missingToSubmit(draft, ['summary', 'products'])).toEqual(['products']);
  });
});
