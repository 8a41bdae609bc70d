import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';

/** How a practice travelled: its products, their adaptations and the new products from them. */
export function useLineage(practiceId: string) {
  return useQuery({
    queryKey: queryKeys.lineage.of(practiceId),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{id}/lineage', { params: { path: { id: practiceId } } })),
    enabled: !!practiceId,
  });
}
