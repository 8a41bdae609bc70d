/** Query keys of the adaptation loop (adaptations, new products, lineage). */
export const exchangeKeys = {
  adaptations: {
    all: () => ['adaptations'] as const,
    lists: () => ['adaptations', 'list'] as const,
    list: (programmeId: string, params: Record<string, unknown>) => ['adaptations', 'list', programmeId, params] as const,
    detail: (id: string) => ['adaptations', 'detail', id] as const,
  },
  products: {
    all: () => ['new-products'] as const,
    list: (programmeId: string, params: Record<string, unknown>) => ['new-products', 'list', programmeId, params] as const,
  },
  lineage: (practiceId: string) => ['lineage', practiceId] as const,
  sourcePractice: (id: string) => ['adaptations', 'source-practice', id] as const,
  publishedPractices: (programmeId: string) => ['adaptations', 'published-practices', programmeId] as const,
  organisations: () => ['organisations', 'list', { page: 1, pageSize: 100, sort: 'name' }] as const,
};
