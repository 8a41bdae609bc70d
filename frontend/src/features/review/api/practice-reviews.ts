import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';

/** The reviews, decisions and responses of a practice that the caller may see. */
export function usePracticeReviews(practiceId: string) {
  return useQuery({
    queryKey: queryKeys.review.practiceReviews(practiceId),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{id}/reviews', { params: { path: { id: practiceId } } })),
  });
}

/** The practice itself (its organisation and programme), shared with the practice page's cache. */
export function usePracticeDetail(practiceId: string) {
  return useQuery({
    queryKey: queryKeys.practices.detail(practiceId),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/practices/{id}', { params: { path: { id: practiceId } } })),
  });
}

/** The programme's rubrics (every member may read them), for the titles of the criteria. */
export function useProgrammeRubrics(programmeId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.review.rubrics(programmeId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}/rubrics', { params: { path: { id: programmeId ?? '' } } })),
    enabled: !!programmeId,
    staleTime: 5 * 60_000,
  });
}

export function useRespondToReviews(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, body }: { roundId: string; body: string }) =>
      unwrap(api.POST('/api/v1/practices/{id}/response', { params: { path: { id: practiceId } }, body: { round_id: roundId, body } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.review.practiceReviews(practiceId) }),
  });
}
