import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Activity, ActivityInput, ActivityPatch, OrganisationRef, Versioned } from '@/api/types';

/** Up to a hundred activities on either side of now: the tab's calendar. */
const CALENDAR_SIZE = 100;

export function useActivities(programmeId: string, when: 'upcoming' | 'past', now: string) {
  return useQuery({
    queryKey: queryKeys.activities.list(programmeId, { when, now }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/programmes/{id}/activities', {
          params: {
            path: { id: programmeId },
            query:
              when === 'upcoming'
                ? { from: now, sort: 'starts_at', page_size: CALENDAR_SIZE }
                : { to: now, sort: '-starts_at', page_size: CALENDAR_SIZE },
          },
        }),
      ),
  });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: queryKeys.activities.detail(id),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/activities/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

/** The organisations of the programme (those with a member) and its practices past their draft. */
export function useActivityChoices(programmeId: string) {
  return useQuery({
    queryKey: queryKeys.activities.choices(programmeId),
    queryFn: async () => {
      const [members, practices] = await Promise.all([
        unwrap(api.GET('/api/v1/programmes/{id}/members', { params: { path: { id: programmeId }, query: { page_size: 100 } } })),
        unwrap(api.GET('/api/v1/programmes/{id}/practices', { params: { path: { id: programmeId }, query: { page_size: 100 } } })),
      ]);
      const organisations = new Map<string, OrganisationRef>();
      for (const m of members.items) organisations.set(m.organisation.id, m.organisation);
      return {
        organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name)),
        practices: practices.items.filter((p) => p.status !== 'draft').map((p) => ({ id: p.id, title: p.title })),
      };
    },
    enabled: !!programmeId,
  });
}

function useStoreActivity() {
  const queryClient = useQueryClient();
  return (result: Versioned<Activity>) => {
    queryClient.setQueryData(queryKeys.activities.detail(result.data.id), result);
    void queryClient.invalidateQueries({ queryKey: queryKeys.activities.programmeAll(result.data.programme_id) });
  };
}

export function useCreateActivity(programmeId: string) {
  const store = useStoreActivity();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ActivityInput; idempotencyKey: string }) =>
      unwrapVersioned(
        api.POST('/api/v1/programmes/{id}/activities', {
          params: { path: { id: programmeId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: store,
  });
}

export function useUpdateActivity(id: string) {
  const store = useStoreActivity();
  return useMutation({
    mutationFn: ({ body, etag }: { body: ActivityPatch; etag: string }) =>
      unwrapVersioned(api.PATCH('/api/v1/activities/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body })),
    onSuccess: store,
  });
}

export function useDeleteActivity(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/activities/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.activities.detail(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activities.programmeAll(programmeId) });
    },
  });
}

export function useSetFollowUpStatus(activityId: string) {
  const store = useStoreActivity();
  return useMutation({
    mutationFn: ({ followUpId, status }: { followUpId: string; status: 'open' | 'done' }) =>
      unwrapVersioned(
        api.PATCH('/api/v1/activities/{id}/follow-ups/{follow_up_id}', {
          params: { path: { id: activityId, follow_up_id: followUpId } },
          body: { status },
        }),
      ),
    onSuccess: store,
  });
}

export function useCreateCalendarToken() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/calendar-token')) });
}

export function useRevokeCalendarToken() {
  return useMutation({ mutationFn: () => unwrap(api.DELETE('/api/v1/me/calendar-token')) });
}
