import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etagFor, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Adaptation, AdaptationInput, AdaptationPatch, OutcomeInput, Stage } from './types';

export interface AdaptationFilters {
  stage?: Stage;
  country?: string;
  fidelity?: 'consistent' | 'inconsistent' | 'unknown';
  source_practice_id?: string;
  organisation_id?: string;
}

/** A page of the programme's adaptations, most recently changed first. */
export function useAdaptations(programmeId: string, filters: AdaptationFilters, page: number, pageSize: number) {
  const params = { ...filters, page, pageSize };
  return useQuery({
    queryKey: queryKeys.adaptations.list(programmeId, params),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/adaptations', {
          params: { path: { id: programmeId }, query: { ...filters, page, page_size: pageSize, sort: '-updated_at' } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: !!programmeId,
  });
}

export function useAdaptation(id: string) {
  return useQuery({
    queryKey: queryKeys.adaptations.detail(id),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/adaptations/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

export function useCreateAdaptation(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: AdaptationInput; idempotencyKey: string }) =>
      unwrapVersioned(
        api.POST('/api/v1/programmes/{id}/adaptations', {
          params: { path: { id: programmeId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.adaptations.detail(result.data.id), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.adaptations.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.lineage.of(result.data.source_practice_id) });
    },
  });
}

/** Changes an adaptation (its stage included) with If-Match. */
export function useUpdateAdaptation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, etag }: { id: string; body: AdaptationPatch; etag: string }) =>
      unwrapVersioned(api.PATCH('/api/v1/adaptations/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body })),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.adaptations.detail(result.data.id), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.adaptations.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.lineage.of(result.data.source_practice_id) });
    },
  });
}

/** Moves an adaptation to another stage; the ETag comes from the version the caller saw. */
export function useMoveStage() {
  const update = useUpdateAdaptation();
  return {
    ...update,
    move: (adaptation: Pick<Adaptation, 'id' | 'version'>, stage: Stage) =>
      update.mutateAsync({ id: adaptation.id, body: { stage }, etag: etagFor(adaptation.version) }),
  };
}

export function useAddOutcome(adaptationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: OutcomeInput; idempotencyKey: string }) =>
      unwrapVersioned(
        api.POST('/api/v1/adaptations/{id}/outcomes', {
          params: { path: { id: adaptationId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.adaptations.detail(adaptationId), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.adaptations.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.lineage.of(result.data.source_practice_id) });
    },
  });
}

/** The programme (its target groups and the caller's roles), shared with the programme page. */
export function useProgrammeDetail(id: string) {
  return useQuery({
    queryKey: queryKeys.programmes.detail(id),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/programmes/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

/** The programme's published practices, the ones partners can adapt (the first 100 by title). */
export function usePublishedPractices(programmeId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.adaptations.publishedPractices(programmeId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/practices', {
          params: { path: { id: programmeId }, query: { status: 'published', page: 1, page_size: 100, sort: 'title' } },
        }),
      ),
    enabled: enabled && !!programmeId,
    staleTime: 60_000,
  });
}

/** A practice with its products and their core elements. */
export function useSourcePractice(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.adaptations.sourcePractice(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 60_000,
  });
}
