import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etagFor, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Comment, CommentInput } from '@/api/types';

/** Comments come oldest first; a thread rarely needs more than one page of the maximum size. */
const COMMENTS_PAGE_SIZE = 100;

/** Every comment on a practice, reading further pages when there are more than one. */
async function fetchAllComments(practiceId: string): Promise<{ items: Comment[]; total: number }> {
  const items: Comment[] = [];
  let page = 1;
  let total = 0;
  // Bounded: at most 20 pages (2,000 comments) in one view.
  for (; page <= 20; page += 1) {
    const result = await unwrap(
      api.GET('/api/v1/practices/{id}/comments', {
        params: { path: { id: practiceId }, query: { page, page_size: COMMENTS_PAGE_SIZE } },
      }),
    );
    items.push(...result.items);
    total = result.total;
    if (items.length >= total || result.items.length === 0) break;
  }
  return { items, total };
}

export function useComments(practiceId: string) {
  return useQuery({
    queryKey: queryKeys.practices.comments(practiceId),
    queryFn: () => fetchAllComments(practiceId),
  });
}

export function useCreateComment(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CommentInput; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/practices/{id}/comments', {
          params: { path: { id: practiceId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.practices.comments(practiceId) }),
  });
}

export function useUpdateComment(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ comment, body }: { comment: Comment; body: string }) =>
      unwrap(
        api.PATCH('/api/v1/comments/{id}', {
          params: { path: { id: comment.id }, header: { 'If-Match': etagFor(comment.version) } },
          body: { body },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.practices.comments(practiceId) }),
  });
}

export function useDeleteComment(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: Comment) => unwrap(api.DELETE('/api/v1/comments/{id}', { params: { path: { id: comment.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.practices.comments(practiceId) }),
  });
}
