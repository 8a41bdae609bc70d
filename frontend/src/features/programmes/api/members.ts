import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Role } from '@/api/types';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

export function useMembers(programmeId: string, page: number, pageSize = DEFAULT_PAGE_SIZE) {
  return useQuery({
    queryKey: queryKeys.programmes.members(programmeId, { page, pageSize }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/members', {
          params: { path: { id: programmeId }, query: { page, page_size: pageSize, sort: 'name' } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSetMemberRoles(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: string; roles: Role[] }) =>
      unwrap(
        api.PUT('/api/v1/programmes/{id}/members/{user_id}', {
          params: { path: { id: programmeId, user_id: userId } },
          body: { roles },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.programmes.membersAll(programmeId) });
      // The caller's own roles (my_roles) may have changed.
      void queryClient.invalidateQueries({ queryKey: queryKeys.programmes.detail(programmeId), exact: true });
    },
  });
}

export function useRemoveMember(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE('/api/v1/programmes/{id}/members/{user_id}', { params: { path: { id: programmeId, user_id: userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.programmes.membersAll(programmeId) }),
  });
}
