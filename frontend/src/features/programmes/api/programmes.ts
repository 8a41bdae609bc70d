import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { ProgrammeCreate, ProgrammeUpdate } from '@/api/types';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

export function useProgrammes(page: number, pageSize = DEFAULT_PAGE_SIZE) {
  return useQuery({
    queryKey: queryKeys.programmes.list({ page, pageSize }),
    queryFn: () =>
      unwrap(api.GET('/api/v1/programmes', { params: { query: { page, page_size: pageSize, sort: 'name' } } })),
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: queryKeys.programmes.detail(id),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/programmes/{id}', { params: { path: { id } } })),
  });
}

export function useCreateProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ProgrammeCreate; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/programmes', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.programmes.all() }),
  });
}

export function useUpdateProgramme(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: ProgrammeUpdate; etag: string }) =>
      unwrapVersioned(
        api.PATCH('/api/v1/programmes/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.programmes.detail(id), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.programmes.lists() });
    },
  });
}
