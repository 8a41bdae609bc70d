import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Call, CallInput, CallPatch, Versioned } from '@/api/types';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

export function useCalls(programmeId: string, page: number, pageSize = DEFAULT_PAGE_SIZE) {
  return useQuery({
    queryKey: queryKeys.calls.list(programmeId, { page, pageSize }),
    queryFn: () =>
      unwrap(api.GET('/api/v1/programmes/{id}/calls', { params: { path: { id: programmeId }, query: { page, page_size: pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCall(id: string) {
  return useQuery({
    queryKey: queryKeys.calls.detail(id),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

function useStoreCall() {
  const queryClient = useQueryClient();
  return (result: Versioned<Call>) => {
    queryClient.setQueryData(queryKeys.calls.detail(result.data.id), result);
    void queryClient.invalidateQueries({ queryKey: queryKeys.calls.programmeAll(result.data.programme_id) });
  };
}

export function useCreateCall(programmeId: string) {
  const store = useStoreCall();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CallInput; idempotencyKey: string }) =>
      unwrapVersioned(
        api.POST('/api/v1/programmes/{id}/calls', {
          params: { path: { id: programmeId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: store,
  });
}

export function useUpdateCall(id: string) {
  const store = useStoreCall();
  return useMutation({
    mutationFn: ({ body, etag }: { body: CallPatch; etag: string }) =>
      unwrapVersioned(api.PATCH('/api/v1/calls/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body })),
    onSuccess: store,
  });
}
