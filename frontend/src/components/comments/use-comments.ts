import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etagFor, unwrap } from '@/api/client';
import type { Comment, CommentInput } from '@/api/types';

/** What a discussion is about: a practice or an adaptation. */
export interface CommentSubject {
  type: 'practice' | 'adaptation';
  id: string;
}

/** Comments come oldest first; a thread rarely needs more than one page of the maximum size. */
const COMMENTS_PAGE_SIZE = 100;

export const commentKeys = {
  thread: (subject: CommentSubject) => ['comments', subject.type, subject.id] as const,
};

function fetchPage(subject: CommentSubject, page: number) {
  const params = { path: { id: subject.id }, query: { page, page_size: COMMENTS_PAGE_SIZE } };
  return subject.type === 'practice'
    ? unwrap(api.GET('/api/v1/practices/{id}/comments', { params }))
    : unwrap(api.GET('/api/v1/adaptations/{id}/comments', { params }));
}

/** Every comment on a subject, reading further pages when there are more than one. */
async function fetchAllComments(subject: CommentSubject): Promise<{ items: Comment[]; total: number }> {
  const items: Comment[] = [];
  let total = 0;
  // Bounded: at most 20 pages (2,000 comments) in one view.
  for (let page = 1; page <= 20; page += 1) {
    const result = await fetchPage(subject, page);
    items.push(...result.items);
    total = result.total;
    if (result.items.length === 0 || (!result.total_is_estimate && items.length >= total)) break;
  }
  return { items, total };
}

export function useComments(subject: CommentSubject) {
  return useQuery({ queryKey: commentKeys.thread(subject), queryFn: () => fetchAllComments(subject) });
}

export function useCreateComment(subject: CommentSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CommentInput; idempotencyKey: string }) => {
      const params = { path: { id: subject.id }, header: { 'Idempotency-Key': idempotencyKey } };
      return subject.type === 'practice'
        ? unwrap(api.POST('/api/v1/practices/{id}/comments', { params, body }))
        : unwrap(api.POST('/api/v1/adaptations/{id}/comments', { params, body }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentKeys.thread(subject) }),
  });
}

export function useUpdateComment(subject: CommentSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ comment, body }: { comment: Comment; body: string }) =>
      unwrap(
        api.PATCH('/api/v1/comments/{id}', {
          params: { path: { id: comment.id }, header: { 'If-Match': etagFor(comment.version) } },
          body: { body },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentKeys.thread(subject) }),
  });
}

export function useDeleteComment(subject: CommentSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: Comment) => unwrap(api.DELETE('/api/v1/comments/{id}', { params: { path: { id: comment.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentKeys.thread(subject) }),
  });
}
