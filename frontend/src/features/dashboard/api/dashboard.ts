import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

export const dashboardKeys = {
  dashboard: (programmeId: string) => ['dashboard', programmeId] as const,
  audit: (programmeId: string, params: Record<string, unknown>) => ['audit', programmeId, params] as const,
  members: (programmeId: string) => ['programmes', 'detail', programmeId, 'members', { page: 1, pageSize: 100, for: 'audit' }] as const,
};

/** The programme's dashboard (coordinators and administrators). */
export function useDashboard(programmeId: string) {
  return useQuery({
    queryKey: dashboardKeys.dashboard(programmeId),
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}/dashboard', { params: { path: { id: programmeId } } })),
    // Earlier figures, answered while another request computes the current ones, are replaced as
    // soon as those are ready.
    refetchInterval: (query) => (query.state.data?.refreshing ? 3000 : false),
  });
}

export interface AuditFilters {
  object_type?: string;
  object_id?: string;
  actor_id?: string;
  action?: string;
}

/** A page of the programme's audit log, newest first. */
export function useAudit(programmeId: string, filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: dashboardKeys.audit(programmeId, { ...filters, page, pageSize }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/audit', {
          params: { path: { id: programmeId }, query: { ...filters, page, page_size: pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The programme's members (the first 100), to filter the audit log by person. */
export function useMembersForFilter(programmeId: string) {
  return useQuery({
    queryKey: dashboardKeys.members(programmeId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/programmes/{id}/members', { params: { path: { id: programmeId }, query: { page: 1, page_size: 100, sort: 'name' } } })),
    staleTime: 60_000,
  });
}
