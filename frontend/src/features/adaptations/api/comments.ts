import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { exchangeKeys } from './keys';
import type { Comment, CommentInput } from './types';

const PAGE_SIZE = 100;

/** Every comment on an adaptation (at most 20 pages of 100), oldest first. */
async function fetchAll(adaptationId: string): Promise<{ items: Comment[]; total: number }> {
  const items: Comment[] = [];
  let total = 0;
  for (let page = 1; page <= 20; page += 1) {
    const result = await unwrap(
      api.GET('/api/v1/adaptations/{id}/comments', { params: { path: { id: adaptationId }, query: { page, page_size: PAGE_SIZE } } }),
    );
    items.push(...result.items);
    total = result.total;
    if (items.length >= total || result.items.length === 0) break;
  }
  return { items, total };
}

export function useAdaptationComments(adaptationId: string) {
  return useQuery({
    queryKey: exchangeKeys.adaptations.comments(adaptationId),
    queryFn: () => fetchAll(adaptationId),
  });
}

export function usePostAdaptationComment(adaptationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CommentInput; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/adaptations/{id}/comments', {
          params: { path: { id: adaptationId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exchangeKeys.adaptations.comments(adaptationId) }),
  });
}
