import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Review, ReviewInput } from '@/api/review-types';
import type { Versioned } from '@/api/types';

export function fetchReview(assignmentId: string): Promise<Versioned<Review>> {
  return unwrapVersioned(api.GET('/api/v1/assignments/{id}/review', { params: { path: { id: assignmentId } } }));
}

/** The review of an assignment with its ETag (it exists as an empty draft from the start). */
export function useReview(assignmentId: string) {
  return useQuery({
    queryKey: queryKeys.review.review(assignmentId),
    queryFn: () => fetchReview(assignmentId),
    // The form keeps its own state; a background refetch must not replace what is being typed.
    staleTime: Infinity,
  });
}

export function putReview(assignmentId: string, body: ReviewInput, etag: string): Promise<Versioned<Review>> {
  return unwrapVersioned(
    api.PUT('/api/v1/assignments/{id}/review', { params: { path: { id: assignmentId }, header: { 'If-Match': etag } }, body }),
  );
}

export function useSubmitReview(assignmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapVersioned(api.POST('/api/v1/assignments/{id}/review/submit', { params: { path: { id: assignmentId } } })),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.review.review(assignmentId), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.review.myAssignmentsAll() });
    },
  });
}

/** Reopens the caller's submitted review once, during the rebuttal; the first submission is kept. */
export function useReviseReview(assignmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapVersioned(api.POST('/api/v1/assignments/{id}/review/revise', { params: { path: { id: assignmentId } } })),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.review.review(assignmentId), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.review.myAssignmentsAll() });
    },
  });
}

/** The practice under review (the reviewer may read it), shared with the practice page's cache. */
export function usePracticeForReview(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.practices.detail(id ?? ''),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/practices/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

/**
 * The practice as it was submitted in revision `n`: what the review is about, even when the
 * practice has changed since. Frozen, so never stale.
 */
export function usePracticeRevision(practiceId: string | undefined, n: number | undefined) {
  return useQuery({
    queryKey: queryKeys.practices.revision(practiceId ?? '', n ?? 0),
    queryFn: () =>
      unwrap(api.GET('/api/v1/practices/{id}/revisions/{n}', { params: { path: { id: practiceId ?? '', n: n ?? 0 }, query: {} } })),
    enabled: !!practiceId && !!n,
    staleTime: Infinity,
  });
}

export function useRubric(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.review.rubric(id ?? ''),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/rubrics/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}
