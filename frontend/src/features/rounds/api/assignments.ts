import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Assignment, BidCounts } from '@/api/review-types';
import type { Member } from '@/api/types';
import { queryKeys } from '@/api/query-keys';

const PAGE = 100;

/** Every assignment of a round (all pages). */
export function useRoundAssignments(roundId: string) {
  return useQuery({
    queryKey: queryKeys.review.roundAssignments(roundId),
    queryFn: async () => {
      const all: Assignment[] = [];
      for (let page = 1; page <= 50; page++) {
        const res = await unwrap(
          api.GET('/api/v1/rounds/{id}/assignments', { params: { path: { id: roundId }, query: { page, page_size: PAGE } } }),
        );
        all.push(...res.items);
        if (res.items.length === 0 || (!res.total_is_estimate && all.length >= res.total)) break;
      }
      return all;
    },
  });
}

/** The programme's reviewers (all pages), by name. */
export function useReviewers(programmeId: string) {
  return useQuery({
    queryKey: queryKeys.review.reviewers(programmeId),
    queryFn: async () => {
      const all: Member[] = [];
      for (let page = 1; page <= 20; page++) {
        const res = await unwrap(
          api.GET('/api/v1/programmes/{id}/members', {
            params: { path: { id: programmeId }, query: { role: 'reviewer', page, page_size: PAGE, sort: 'name' } },
          }),
        );
        all.push(...res.items);
        if (res.items.length === 0 || (!res.total_is_estimate && all.length >= res.total)) break;
      }
      return all;
    },
    staleTime: 60_000,
  });
}

function useInvalidateRound(roundId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.review.roundAssignments(roundId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.review.roundResults(roundId) });
  };
}

export function useCreateAssignment(roundId: string) {
  const invalidate = useInvalidateRound(roundId);
  return useMutation({
    mutationFn: ({ practiceId, reviewerId, idempotencyKey }: { practiceId: string; reviewerId: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/rounds/{id}/assignments', {
          params: { path: { id: roundId }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { practice_id: practiceId, reviewer_id: reviewerId },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteAssignment(roundId: string) {
  const invalidate = useInvalidateRound(roundId);
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/assignments/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useAutoAssign(roundId: string) {
  const invalidate = useInvalidateRound(roundId);
  return useMutation({
    mutationFn: (dryRun: boolean) =>
      unwrap(api.POST('/api/v1/rounds/{id}/auto-assign', { params: { path: { id: roundId } }, body: { dry_run: dryRun } })),
    onSuccess: (result) => {
      if (!result.dry_run) invalidate();
    },
  });
}

/** How many bids of each level the given practices (one page of the board) have, by practice. */
export function useBidCounts(roundId: string, practiceIds: readonly string[]) {
  return useQuery({
    queryKey: queryKeys.review.bidCounts(roundId, practiceIds),
    queryFn: async () => {
      const res = await unwrap(
        api.GET('/api/v1/rounds/{id}/bid-counts', { params: { path: { id: roundId }, query: { practice_ids: practiceIds.join(',') } } }),
      );
      return new Map<string, BidCounts>(res.items.map((c) => [c.practice_id, c]));
    },
    enabled: practiceIds.length > 0,
  });
}
