/**
 * Query keys of the peer-review screens (reviewer inbox, rounds, rubrics, results,
 * notifications), shared by the features that show them so a change made in one place marks
 * the others stale. Everything lives under `['review', …]`.
 */
export const reviewKeys = {
  all: () => ['review'] as const,
  myAssignmentsAll: () => ['review', 'me', 'assignments'] as const,
  myAssignments: (params: Record<string, unknown>) => ['review', 'me', 'assignments', params] as const,
  review: (assignmentId: string) => ['review', 'assignment', assignmentId, 'review'] as const,
  rubricsAll: () => ['review', 'rubrics'] as const,
  rubrics: (programmeId: string) => ['review', 'rubrics', 'programme', programmeId] as const,
  rubric: (id: string) => ['review', 'rubrics', 'detail', id] as const,
  roundsAll: (programmeId: string) => ['review', 'rounds', 'programme', programmeId] as const,
  rounds: (programmeId: string, params: Record<string, unknown>) => ['review', 'rounds', 'programme', programmeId, params] as const,
  round: (id: string) => ['review', 'round', id] as const,
  roundAssignments: (id: string) => ['review', 'round', id, 'assignments'] as const,
  roundResults: (id: string) => ['review', 'round', id, 'results'] as const,
  reviewers: (programmeId: string) => ['review', 'reviewers', programmeId] as const,
  submittedPractices: (programmeId: string) => ['review', 'submitted-practices', programmeId] as const,
  practiceReviews: (practiceId: string) => ['review', 'practice', practiceId, 'reviews'] as const,
  notificationsAll: () => ['review', 'notifications'] as const,
  notifications: (params: Record<string, unknown>) => ['review', 'notifications', params] as const,
  notificationPreferences: () => ['review', 'notification-preferences'] as const,
};
