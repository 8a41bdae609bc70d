import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { InvitationCreate } from '@/api/types';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

export function usePendingInvitations(programmeId: string, page: number, enabled: boolean, pageSize = DEFAULT_PAGE_SIZE) {
  return useQuery({
    queryKey: queryKeys.programmes.invitations(programmeId, { page, pageSize, status: 'pending' }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/invitations', {
          params: { path: { id: programmeId }, query: { page, page_size: pageSize, status: 'pending' } },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: InvitationCreate; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/invitations', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: (_invitation, { body }) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.programmes.invitationsAll(body.programme_id) }),
  });
}
