import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Role } from '@/api/types';

const PARAMS = { page: 1, pageSize: 100 } as const;

/**
 * The roles the signed-in person holds in any of their programmes (from `my_roles` of the
 * programmes list), e.g. to show "My reviews" only to reviewers.
 */
export function useProgrammeRoles(enabled: boolean): ReadonlySet<Role> {
  const programmes = useQuery({
    queryKey: queryKeys.programmes.list(PARAMS),
    queryFn: () =>
      unwrap(api.GET('/api/v1/programmes', { params: { query: { page: PARAMS.page, page_size: PARAMS.pageSize, sort: 'name' } } })),
    enabled,
    staleTime: 5 * 60_000,
  });
  const items = programmes.data?.items;
  return useMemo(() => new Set(items?.flatMap((p) => p.my_roles) ?? []), [items]);
}
