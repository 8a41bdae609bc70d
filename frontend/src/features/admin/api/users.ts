import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etagFor, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { User, UserCreate, UserUpdate } from '@/api/types';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

export function useUsers(page: number, q: string, pageSize = DEFAULT_PAGE_SIZE) {
  return useQuery({
    queryKey: queryKeys.users.list({ page, pageSize, q }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/users', { params: { query: { page, page_size: pageSize, sort: 'name', ...(q ? { q } : {}) } } }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: UserCreate; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/users', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, body }: { user: User; body: UserUpdate }) =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id }, header: { 'If-Match': etagFor(user.version) } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}

/** Erases an account on the person's behalf: name, e-mail and profile go; reviews stay under a pseudonym. */
export function useEraseUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: User): Promise<unknown> => unwrap(api.POST('/api/v1/users/{id}/erase', { params: { path: { id: user.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}
