import type { TFunction } from 'i18next';
import type { Notification } from '@/api/review-types';
import { formatDate } from '@/lib/format';
import { prettifyKey } from '@/lib/review-format';

/** A notification as a sentence in the interface language, from its kind and params. */
export function notificationText(n: Notification, t: TFunction, language: string): string {
  const p = n.params ?? {};
  const values = {
    practice: p.practice ?? '',
    round: p.round ?? '',
    due: p.due_at ? formatDate(p.due_at, language) : '',
    rebuttalDue: p.rebuttal_due_at ? formatDate(p.rebuttal_due_at, language) : '',
    outcome: p.outcome ? t(`outcomes.${p.outcome}`, { defaultValue: prettifyKey(p.outcome) }) : '',
    // A blind reviewer in the reviewers' discussion is named by their label only.
    author: p.author_label ? t('panel.reviewerLabel', { letter: p.author_label }) : (p.author ?? ''),
    activity: p.activity ?? '',
    followUp: p.follow_up ?? '',
  };
  switch (n.kind) {
    case 'assignment_created':
      return values.due ? t('notifications.kinds.assignment_created', values) : t('notifications.kinds.assignment_created_nodue', values);
    case 'deadline_near':
      return t('notifications.kinds.deadline_near', values);
    case 'review_submitted':
      return t('notifications.kinds.review_submitted', values);
    case 'decision_recorded':
      return t('notifications.kinds.decision_recorded', values);
    case 'comment_on_practice':
      return t('notifications.kinds.comment_on_practice', values);
    case 'reviews_released':
      return t('notifications.kinds.reviews_released', values);
    case 'response_posted':
      return t('notifications.kinds.response_posted', values);
    case 'discussion_posted':
      return t('notifications.kinds.discussion_posted', values);
    case 'review_reminder':
      return t('notifications.kinds.review_reminder', values);
    case 'follow_up_due':
      return t('notifications.kinds.follow_up_due', { ...values, due: p.due_on ? formatDate(p.due_on, language) : '' });
    default:
      return t('notifications.kinds.other');
  }
}

/** Where a notification leads: the review form for an assignment, the reviews inbox for a reminder, the practice otherwise. */
export function notificationLink(n: Notification): string | null {
  // A reminder covers all of a reviewer's open reviews in the round: their inbox lists them.
  if (n.kind === 'review_reminder') return '/reviews';
  switch (n.subject_type) {
    case 'assignment':
      return `/reviews/${n.subject_id}`;
    case 'practice':
      return n.kind === 'decision_recorded' || n.kind === 'reviews_released' ? `/practices/${n.subject_id}/reviews` : `/practices/${n.subject_id}`;
    case 'round':
      return `/rounds/${n.subject_id}`;
    case 'activity':
      return `/activities/${n.subject_id}`;
    default:
      return null;
  }
}
