import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';

/** E-mails every reviewer of the round whose review is still due, at most once a day each. */
export function useSendReminders(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      unwrap(api.POST('/api/v1/rounds/{id}/reminders', { params: { path: { id: roundId } }, body: note ? { note } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.review.notificationsAll() }),
  });
}
