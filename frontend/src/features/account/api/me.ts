import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { saveBlob } from '@/lib/save-blob';
import { queryKeys } from '@/api/query-keys';
import type { MeUpdate } from '@/api/types';

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: () => unwrap(api.GET('/api/v1/me')),
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeUpdate) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (user) => {
      queryClient.setQueryData(queryKeys.me(), user);
      void queryClient.invalidateQueries({ queryKey: queryKeys.users.all() });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { current_password: string; new_password: string }) =>
      unwrap(api.POST('/api/v1/me/password', { body })),
  });
}

/**
 * Downloads everything held about the caller as a JSON file. The API needs the bearer token, so
 * the file is fetched through the API client and saved from a Blob.
 */
export async function downloadMyData(): Promise<string> {
  const blob = (await unwrap(api.GET('/api/v1/me/export', { parseAs: 'blob' }))) as unknown as Blob;
  const name = `peerbridge-my-data-${new Date().toISOString().slice(0, 10)}.json`;
  saveBlob(blob, name);
  return name;
}

export function useDownloadMyData() {
  return useMutation({ mutationFn: downloadMyData });
}

export function useEraseMe() {
  return useMutation({
    mutationFn: (password: string): Promise<unknown> => unwrap(api.POST('/api/v1/me/erase', { body: { password } })),
  });
}
