/**
 * The one registry of query keys, shared by every feature, so that a change made in one place
 * invalidates the lists shown in another (e.g. an organisation created in the invite dialog shows
 * up in the administration table). A key is never spelled out as an array elsewhere.
 */
export const queryKeys = {
  me: () => ['me'] as const,
  organisations: {
    all: () => ['organisations'] as const,
    list: (params: Record<string, unknown>) => ['organisations', 'list', params] as const,
    /** The first hundred by name, for pickers. */
    picker: () => ['organisations', 'list', { page: 1, pageSize: 100, sort: 'name' }] as const,
    detail: (id: string) => ['organisations', 'detail', id] as const,
  },
  users: {
    all: () => ['users'] as const,
    list: (params: Record<string, unknown>) => ['users', 'list', params] as const,
  },
  programmes: {
    all: () => ['programmes'] as const,
    lists: () => ['programmes', 'list'] as const,
    list: (params: Record<string, unknown>) => ['programmes', 'list', params] as const,
    detail: (id: string) => ['programmes', 'detail', id] as const,
    members: (id: string, params: Record<string, unknown> = {}) => ['programmes', 'detail', id, 'members', params] as const,
    membersAll: (id: string) => ['programmes', 'detail', id, 'members'] as const,
    invitations: (id: string, params: Record<string, unknown> = {}) =>
      ['programmes', 'detail', id, 'invitations', params] as const,
    invitationsAll: (id: string) => ['programmes', 'detail', id, 'invitations'] as const,
  },
  invitation: (token: string) => ['invitation', token] as const,
  practices: {
    all: () => ['practices'] as const,
    lists: () => ['practices', 'list'] as const,
    list: (programmeId: string, params: Record<string, unknown>) => ['practices', 'list', programmeId, params] as const,
    detail: (id: string) => ['practices', 'detail', id] as const,
    revisions: (id: string) => ['practices', 'detail', id, 'revisions'] as const,
    revision: (id: string, n: number, compareTo?: number) => ['practices', 'detail', id, 'revisions', n, compareTo ?? null] as const,
  },
  publicPractices: {
    list: (params: Record<string, unknown>) => ['public-practices', 'list', params] as const,
    detail: (id: string) => ['public-practices', 'detail', id] as const,
    vocabulary: () => ['public-practices', 'vocabulary'] as const,
    programme: (id: string, lang: string) => ['public-practices', 'programme', id, lang] as const,
  },
  /** The adaptation loop: adaptations, new products, lineage. */
  adaptations: {
    all: () => ['adaptations'] as const,
    lists: () => ['adaptations', 'list'] as const,
    list: (programmeId: string, params: Record<string, unknown>) => ['adaptations', 'list', programmeId, params] as const,
    detail: (id: string) => ['adaptations', 'detail', id] as const,
    sourcePractice: (id: string) => ['adaptations', 'source-practice', id] as const,
    publishedPractices: (programmeId: string) => ['adaptations', 'published-practices', programmeId] as const,
  },
  products: {
    all: () => ['new-products'] as const,
    list: (programmeId: string, params: Record<string, unknown>) => ['new-products', 'list', programmeId, params] as const,
  },
  lineage: {
    all: () => ['lineage'] as const,
    of: (practiceId: string) => ['lineage', practiceId] as const,
  },
  /** Learning profiles, the matches they make and the learning map; a saved profile changes all three. */
  learning: {
    programmeAll: (programmeId: string) => ['learning', programmeId] as const,
    profile: (programmeId: string, organisationId?: string) => ['learning', programmeId, 'profile', organisationId ?? 'mine'] as const,
    matches: (programmeId: string) => ['learning', programmeId, 'matches'] as const,
    map: (programmeId: string) => ['learning', programmeId, 'map'] as const,
  },
  /** A programme's report for policy (per reading language) and its coordinators' notes. */
  report: {
    all: (programmeId: string) => ['report', programmeId] as const,
    detail: (programmeId: string, lang: string) => ['report', programmeId, 'figures', lang] as const,
    notes: (programmeId: string) => ['report', programmeId, 'notes'] as const,
  },
  /** A programme's calls for practices; the practice editor and the round form read them too. */
  calls: {
    all: () => ['calls'] as const,
    programmeAll: (programmeId: string) => ['calls', 'programme', programmeId] as const,
    list: (programmeId: string, params: Record<string, unknown>) => ['calls', 'programme', programmeId, params] as const,
    detail: (id: string) => ['calls', 'detail', id] as const,
  },
  /** A programme's exchange activities, and the caller's calendar feed. */
  activities: {
    all: () => ['activities'] as const,
    programmeAll: (programmeId: string) => ['activities', 'programme', programmeId] as const,
    list: (programmeId: string, params: Record<string, unknown>) => ['activities', 'programme', programmeId, params] as const,
    detail: (id: string) => ['activities', 'detail', id] as const,
    /** The programme's organisations and practices, for the activity form's pickers. */
    choices: (programmeId: string) => ['activities', 'choices', programmeId] as const,
  },
  /**
   * The peer-review screens (reviewer inbox, rounds, rubrics, results, notifications): everything
   * lives under `['review', …]`.
   */
  review: {
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
    roundResultsPage: (id: string, page: number) => ['review', 'round', id, 'results', page] as const,
    reviewers: (programmeId: string) => ['review', 'reviewers', programmeId] as const,
    submittedPractices: (programmeId: string) => ['review', 'submitted-practices', programmeId] as const,
    practiceReviews: (practiceId: string) => ['review', 'practice', practiceId, 'reviews'] as const,
    discussion: (roundId: string, practiceId: string, page: number) => ['review', 'round', roundId, 'discussion', practiceId, page] as const,
    discussionAll: (roundId: string, practiceId: string) => ['review', 'round', roundId, 'discussion', practiceId] as const,
    notificationsAll: () => ['review', 'notifications'] as const,
    notifications: (params: Record<string, unknown>) => ['review', 'notifications', params] as const,
    notificationPreferences: () => ['review', 'notification-preferences'] as const,
    biddingRounds: () => ['review', 'me', 'bidding-rounds'] as const,
    biddingAll: (roundId: string) => ['review', 'round', roundId, 'bidding'] as const,
    bidding: (roundId: string, params: Record<string, unknown>) => ['review', 'round', roundId, 'bidding', params] as const,
    bidCounts: (roundId: string, practiceIds: readonly string[]) => ['review', 'round', roundId, 'bid-counts', practiceIds] as const,
  },
};
