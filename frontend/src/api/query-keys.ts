/**
 * Query keys shared by every feature, so that a change made in one place invalidates the
 * lists shown in another (e.g. an organisation created in the invite dialog shows up in the
 * administration table).
 */
export const queryKeys = {
  me: () => ['me'] as const,
  organisations: {
    all: () => ['organisations'] as const,
    list: (params: Record<string, unknown>) => ['organisations', 'list', params] as const,
  },
  users: {
    all: () => ['users'] as const,
    list: (params: Record<string, unknown>) => ['users', 'list', params] as const,
  },
  programmes: {
    all: () => ['programmes'] as const,
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
  },
};
