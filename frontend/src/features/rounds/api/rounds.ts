import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Round, RoundInput, RoundPatch } from '@/api/review-types';
import type { Versioned } from '@/api/types';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

export function useRounds(programmeId: string, page: number, pageSize = DEFAULT_PAGE_SIZE) {
  return useQuery({
    queryKey: queryKeys.review.rounds(programmeId, { page, pageSize }),
    queryFn: () =>
      unwrap(api.GET('/api/v1/programmes/{id}/rounds', { params: { path: { id: programmeId }, query: { page, page_size: pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: queryKeys.review.round(id),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/rounds/{id}', { params: { path: { id } } })),
  });
}

/** The programme a round belongs to, sharing the programme page's cache entry and shape. */
export function useRoundProgramme(programmeId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.programmes.detail(programmeId ?? ''),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/programmes/{id}', { params: { path: { id: programmeId ?? '' } } })),
    enabled: !!programmeId,
  });
}

function useStoreRound() {
  const queryClient = useQueryClient();
  return (result: Versioned<Round>) => {
    queryClient.setQueryData(queryKeys.review.round(result.data.id), result);
    void queryClient.invalidateQueries({ queryKey: queryKeys.review.roundsAll(result.data.programme_id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.review.roundResults(result.data.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.review.roundAssignments(result.data.id) });
    // Using a rubric makes it immutable ("in use").
    void queryClient.invalidateQueries({ queryKey: queryKeys.review.rubricsAll() });
  };
}

export function useCreateRound(programmeId: string) {
  const store = useStoreRound();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RoundInput; idempotencyKey: string }) =>
      unwrapVersioned(
        api.POST('/api/v1/programmes/{id}/rounds', {
          params: { path: { id: programmeId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: store,
  });
}

export function useUpdateRound(id: string) {
  const store = useStoreRound();
  return useMutation({
    mutationFn: ({ body, etag }: { body: RoundPatch; etag: string }) =>
      unwrapVersioned(api.PATCH('/api/v1/rounds/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body })),
    onSuccess: store,
  });
}

export function useRoundTransition(id: string) {
  const store = useStoreRound();
  return useMutation({
    mutationFn: (action: 'open' | 'close') =>
      action === 'open'
        ? unwrapVersioned(api.POST('/api/v1/rounds/{id}/open', { params: { path: { id } } }))
        : unwrapVersioned(api.POST('/api/v1/rounds/{id}/close', { params: { path: { id } } })),
    onSuccess: store,
  });
}

/** Releases the round's reviews to the practices' organisations for the rebuttal; `force` with reviews outstanding. */
export function useReleaseReviews(id: string) {
  const store = useStoreRound();
  return useMutation({
    mutationFn: (force: boolean) =>
      unwrapVersioned(api.POST('/api/v1/rounds/{id}/release-reviews', { params: { path: { id } }, body: { force } })),
    onSuccess: store,
  });
}

export function useAddRoundPractices(id: string) {
  const store = useStoreRound();
  return useMutation({
    mutationFn: (practiceIds: string[]) =>
      unwrapVersioned(api.POST('/api/v1/rounds/{id}/practices', { params: { path: { id } }, body: { practice_ids: practiceIds } })),
    onSuccess: store,
  });
}

/** The programme's submitted practices, to add to a round (the first 100, newest first). */
export function useSubmittedPractices(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.review.submittedPractices(programmeId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/practices', {
          params: { path: { id: programmeId }, query: { status: 'submitted', page: 1, page_size: 100 } },
        }),
      ),
    enabled,
  });
}

/** One page of a round's results (100 practices a page); completion and agreement cover the whole round. */
export function useRoundResults(id: string, page = 1) {
  return useQuery({
    queryKey: queryKeys.review.roundResultsPage(id, page),
    queryFn: () => unwrap(api.GET('/api/v1/rounds/{id}/results', { params: { path: { id }, query: { page } } })),
    placeholderData: keepPreviousData,
  });
}

export function useDecide(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ practiceId, outcome, rationale }: { practiceId: string; outcome: string; rationale: string }) =>
      unwrapVersioned(
        api.POST('/api/v1/practices/{id}/decision', {
          params: { path: { id: practiceId } },
          body: { round_id: roundId, outcome: outcome as 'good_practice', rationale },
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.practices.detail(result.data.id), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.practices.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.review.round(roundId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.review.practiceReviews(result.data.id) });
    },
  });
}

/** The programme's calls for practices, for setting up a round from one (a programme has a handful). */
export function useRoundCalls(programmeId: string) {
  const pageSize = 100;
  return useQuery({
    queryKey: queryKeys.calls.list(programmeId, { page: 1, pageSize }),
    queryFn: () =>
      unwrap(api.GET('/api/v1/programmes/{id}/calls', { params: { path: { id: programmeId }, query: { page: 1, page_size: pageSize } } })),
  });
}

/** The call a round was set up from. */
export function useRoundCall(id: string) {
  return useQuery({
    queryKey: queryKeys.calls.detail(id),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })),
  });
}
