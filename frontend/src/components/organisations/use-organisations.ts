import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etagFor, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Organisation, OrganisationCreate, OrganisationUpdate } from '@/api/types';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

/**
 * The organisations API, shared by the features that list, pick or register organisations
 * (administration, invitations, adaptations), so that they read and invalidate the same keys.
 */

/** A page of organisations by name, optionally searched. */
export function useOrganisations(page: number, q: string, pageSize = DEFAULT_PAGE_SIZE) {
  return useQuery({
    queryKey: queryKeys.organisations.list({ page, pageSize, q }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations', {
          params: { query: { page, page_size: pageSize, sort: 'name', ...(q ? { q } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Organisations to choose from (the first 100 by name). */
export function useOrganisationOptions(enabled = true) {
  return useQuery({
    queryKey: queryKeys.organisations.picker(),
    queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { page: 1, page_size: 100, sort: 'name' } } })),
    enabled,
    staleTime: 60_000,
  });
}

/** One organisation (e.g. the caller's own, for the country of a new adaptation). */
export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.organisations.detail(id ?? ''),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/organisations/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
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

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organisation, body }: { organisation: Organisation; body: OrganisationUpdate }) =>
      unwrap(
        api.PATCH('/api/v1/organisations/{id}', {
          params: { path: { id: organisation.id }, header: { 'If-Match': etagFor(organisation.version) } },
          body,
        }),
      ),
    // Also after a 412: the list then shows the current version.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.organisations.all() }),
  });
}
