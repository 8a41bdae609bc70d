import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';

export const DISCUSSION_PAGE_SIZE = 50;

/** One page of the reviewers' discussion of a practice in a round, oldest first. */
export function useDiscussion(roundId: string, practiceId: string, page: number) {
  return useQuery({
    queryKey: queryKeys.review.discussion(roundId, practiceId, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/rounds/{id}/practices/{practice_id}/discussion', {
          params: { path: { id: roundId, practice_id: practiceId }, query: { page, page_size: DISCUSSION_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePostToDiscussion(roundId: string, practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/rounds/{id}/practices/{practice_id}/discussion', {
          params: { path: { id: roundId, practice_id: practiceId }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { body },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.review.discussionAll(roundId, practiceId) }),
  });
}
