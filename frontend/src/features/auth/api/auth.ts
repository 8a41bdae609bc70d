import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { isApiError } from '@/api/errors';
import { queryKeys } from '@/api/query-keys';
import type { Programme, TokenPair } from '@/api/types';

export interface Credentials {
  email: string;
  password: string;
}

export function useLogin() {
  return useMutation({
    mutationFn: (credentials: Credentials): Promise<TokenPair> =>
      unwrap(api.POST('/api/v1/auth/login', { body: credentials })),
  });
}

/** Ends the session on the server. Failures are ignored: the local session ends regardless. */
export async function logoutOnServer(): Promise<void> {
  try {
    await api.POST('/api/v1/auth/logout');
  } catch {
    // Offline: the tokens are forgotten locally anyway.
  }
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: () => unwrap(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })),
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    staleTime: Infinity,
  });
}

export interface AcceptBody {
  name?: string;
  password: string;
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: AcceptBody): Promise<TokenPair> =>
      unwrap(api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body })),
  });
}

/**
 * The invitation preview names the programme but does not carry its id: after accepting, look
 * it up among the programmes the new member can now see.
 */
export async function findProgrammeByName(name: string): Promise<Programme | undefined> {
  try {
    const page = await unwrap(api.GET('/api/v1/programmes', { params: { query: { page_size: 100 } } }));
    return page.items.find((p) => p.name === name);
  } catch {
    return undefined;
  }
}

/** Asks for a reset link. The server answers the same whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string): Promise<unknown> => unwrap(api.POST('/api/v1/auth/password-reset', { body: { email } })),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }): Promise<unknown> =>
      unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body })),
  });
}
