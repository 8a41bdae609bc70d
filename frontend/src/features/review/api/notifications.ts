import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { EmailPreference } from '@/api/review-types';
import { queryKeys } from '@/api/query-keys';

export const NOTIFICATION_POLL_MS = 60_000;

/** A page of the caller's notifications with the number unread; the bell polls it every minute. */
export function useNotifications({ page = 1, pageSize = 10, poll = false, unreadOnly = false } = {}) {
  return useQuery({
    queryKey: queryKeys.review.notifications({ page, pageSize, unreadOnly }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/me/notifications', {
          params: { query: { page, page_size: pageSize, ...(unreadOnly ? { unread: true } : {}) } },
        }),
      ),
    refetchInterval: poll ? NOTIFICATION_POLL_MS : false,
    staleTime: poll ? 0 : 30_000,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      unwrap(api.POST('/api/v1/me/notifications/read', { body: ids && ids.length > 0 ? { ids } : { all: true } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.review.notificationsAll() }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: queryKeys.review.notificationPreferences(),
    queryFn: () => unwrap(api.GET('/api/v1/me/notification-preferences')),
  });
}

export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: EmailPreference) => unwrap(api.PUT('/api/v1/me/notification-preferences', { body: { email } })),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.review.notificationPreferences(), saved),
  });
}
