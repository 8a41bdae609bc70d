import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { OrganisationCreate } from '@/api/types';

/** Organisations to choose from when inviting someone (the first 100 by name). */
export function useOrganisationOptions(enabled = true) {
  return useQuery({
    queryKey: queryKeys.organisations.list({ page: 1, pageSize: 100, sort: 'name' }),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations', { params: { query: { page: 1, page_size: 100, sort: 'name' } } })),
    enabled,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: OrganisationCreate; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/organisations', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.organisations.all() }),
  });
}
