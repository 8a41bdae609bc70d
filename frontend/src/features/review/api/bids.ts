import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import type { BidLevel } from '@/api/review-types';
import { queryKeys } from '@/api/query-keys';

/** The bidding page's filters; `bid` is a level, `none` (not bid on yet) or empty for all. */
export interface BiddingFilters {
  theme: string;
  language: string;
  country: string;
  bid: BidLevel | 'none' | '';
}

export const BIDDING_PAGE_SIZE = 20;

/** The rounds the signed-in reviewer can bid in (draft or open), soonest due first. */
export function useBiddingRounds() {
  return useQuery({
    queryKey: queryKeys.review.biddingRounds(),
    queryFn: () => unwrap(api.GET('/api/v1/me/bidding-rounds', { params: { query: { page: 1, page_size: 100 } } })),
  });
}

/** One page of a round's practices as a bidder sees them, with the caller's bid on each. */
export function useBidding(roundId: string, filters: BiddingFilters, page: number) {
  const query = {
    page,
    page_size: BIDDING_PAGE_SIZE,
    ...(filters.theme ? { theme: filters.theme } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.bid ? { bid: filters.bid } : {}),
  };
  return useQuery({
    queryKey: queryKeys.review.bidding(roundId, query),
    queryFn: () => unwrap(api.GET('/api/v1/rounds/{id}/bidding', { params: { path: { id: roundId }, query } })),
    placeholderData: keepPreviousData,
  });
}

/** The round's programme (its theme titles label the filter and the practices' themes). */
export function useBiddingProgramme(programmeId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.programmes.detail(programmeId ?? ''),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/programmes/{id}', { params: { path: { id: programmeId ?? '' } } })),
    enabled: !!programmeId,
  });
}

/**
 * Saves or clears (level null) the caller's bid on one practice. The page keeps the level shown
 * while the request runs; a bid filter may move the practice off the page, so every bidding page
 * of the round is refreshed once the server has it.
 */
export function useSaveBid(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ practiceId, level }: { practiceId: string; level: BidLevel | null }) =>
      level === null
        ? unwrap(api.DELETE('/api/v1/rounds/{id}/bids/{practice_id}', { params: { path: { id: roundId, practice_id: practiceId } } }))
        : unwrap(
            api.PUT('/api/v1/rounds/{id}/bids/{practice_id}', {
              params: { path: { id: roundId, practice_id: practiceId } },
              body: { level },
            }),
          ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.review.biddingAll(roundId) }),
  });
}
