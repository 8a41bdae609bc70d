import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Assignment } from '@/api/review-types';
import { queryKeys } from '@/api/query-keys';

export type InboxFilter = 'open' | 'submitted' | 'declined' | 'all';

/** The signed-in reviewer's assignments (rounds that have opened), newest first. */
export function useMyAssignments(filter: InboxFilter, page = 1, pageSize = 50) {
  const status = filter === 'all' ? undefined : filter;
  return useQuery({
    queryKey: queryKeys.review.myAssignments({ status: status ?? 'all', page, pageSize }),
    queryFn: () =>
      unwrap(api.GET('/api/v1/me/assignments', { params: { query: { page, page_size: pageSize, ...(status ? { status } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

/** One of the caller's assignments, looked up in their inbox (there is no GET /assignments/{id}). */
export function useMyAssignment(id: string) {
  return useQuery({
    queryKey: queryKeys.review.myAssignments({ status: 'all', page: 1, pageSize: 100 }),
    queryFn: () => unwrap(api.GET('/api/v1/me/assignments', { params: { query: { page: 1, page_size: 100 } } })),
    select: (page) => page.items.find((a) => a.id === id) ?? null,
  });
}

function useAssignmentAction<V>(run: (vars: V) => Promise<Assignment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.review.myAssignmentsAll() });
    },
  });
}

export function useAcceptAssignment() {
  return useAssignmentAction((id: string) =>
    unwrap(api.POST('/api/v1/assignments/{id}/accept', { params: { path: { id } } })),
  );
}

export function useDeclineAssignment() {
  return useAssignmentAction(({ id, reason, conflict }: { id: string; reason: string; conflict: boolean }) =>
    unwrap(api.POST('/api/v1/assignments/{id}/decline', { params: { path: { id } }, body: { reason, conflict } })),
  );
}
