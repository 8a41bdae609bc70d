import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import type { RubricInput, RubricPatch } from '@/api/review-types';
import { queryKeys } from '@/api/query-keys';

export function useRubrics(programmeId: string) {
  return useQuery({
    queryKey: queryKeys.review.rubrics(programmeId),
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}/rubrics', { params: { path: { id: programmeId } } })),
  });
}

export function useRubric(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.review.rubric(id ?? ''),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/rubrics/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

export function useCreateRubric(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RubricInput; idempotencyKey: string }) =>
      unwrapVersioned(
        api.POST('/api/v1/programmes/{id}/rubrics', {
          params: { path: { id: programmeId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.review.rubric(result.data.id), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.review.rubrics(programmeId) });
    },
  });
}

export function useUpdateRubric(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, etag }: { id: string; body: RubricPatch; etag: string }) =>
      unwrapVersioned(api.PATCH('/api/v1/rubrics/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body })),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.review.rubric(result.data.id), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.review.rubrics(programmeId) });
    },
  });
}

export function useActivateRubric() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrapVersioned(api.POST('/api/v1/rubrics/{id}/activate', { params: { path: { id } } })),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.review.rubric(result.data.id), result);
      // Another rubric stopped being the active one.
      void queryClient.invalidateQueries({ queryKey: queryKeys.review.rubricsAll() });
    },
  });
}
