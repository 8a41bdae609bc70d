import { describe, expect, it } from 'vitest';
import type { Notification } from '@/api/review-types';
import i18n from '@/i18n';
import { notificationLink, notificationText } from './notification-text';

function notification(overrides: Partial<Notification>): Notification {
  return {
    id: 'n1',
    kind: 'discussion_posted',
    programme_id: null,
    subject_type: 'assignment',
    subject_id: 'a1',
    params: {},
    created_at: '2026-03-12T09:30:00Z',
    read_at: null,
    ...overrides,
  };
}

describe('notificationText for the discussion and reminders', () => {
  const t = (lang: string) => i18n.getFixedT(lang, ['review', 'rounds', 'translation']);

  it('names a blind author by label in the reader’s language, a named author by name', async () => {
    await i18n.loadLanguages(['de', 'fr']);
    const blind = notification({ params: { practice: 'Job coaching', round: 'Spring', author_label: 'B' } });
    expect(notificationText(blind, t('en'), 'en')).toBe('Reviewer B wrote in the reviewers’ discussion of “Job coaching” (round “Spring”).');
    expect(notificationText(blind, t('de'), 'de')).toBe('Gutachter/in B hat im Austausch der Gutachter/innen zu „Job coaching“ (Runde „Spring“) geschrieben.');
    const named = notification({ subject_type: 'round', subject_id: 'r1', params: { practice: 'Job coaching', round: 'Spring', author: 'Anna Peeters' } });
    expect(notificationText(named, t('en'), 'en')).toMatch(/^Anna Peeters wrote/);
    expect(notificationLink(blind)).toBe('/reviews/a1');
    expect(notificationLink(named)).toBe('/rounds/r1');
  });

  it('writes a reminder with its deadline and leads to the reviews inbox', async () => {
    await i18n.loadLanguages(['fr']);
    const reminder = notification({ kind: 'review_reminder', subject_type: 'round', subject_id: 'r1', params: { round: 'Spring', due_at: '2026-04-01T12:00:00Z' } });
    expect(notificationText(reminder, t('fr'), 'fr')).toMatch(/^Rappel des coordinateurs : vos évaluations du cycle « Spring » sont attendues pour le 1/);
    expect(notificationLink(reminder)).toBe('/reviews');
  });

  it('writes a follow-up falling due with its activity and date, and leads to the activity', async () => {
    await i18n.loadLanguages(['nl']);
    const due = notification({
      kind: 'follow_up_due',
      subject_type: 'activity',
      subject_id: 'act1',
      params: { follow_up: 'Share the manual', activity: 'Study visit to Leuven', due_on: '2027-03-01' },
    });
    expect(notificationText(due, t('en'), 'en')).toMatch(/^Follow-up of “Study visit to Leuven” due on .*2027: Share the manual\.$/);
    expect(notificationText(due, t('nl'), 'nl')).toMatch(/^Vervolgactie van “Study visit to Leuven” verwacht op 1 mrt\.? 2027: Share the manual\.$/);
    expect(notificationLink(due)).toBe('/activities/act1');
  });
});
