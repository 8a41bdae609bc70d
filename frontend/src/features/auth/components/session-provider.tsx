import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { refreshSession } from '@/api/client';
import { sessionStore } from '@/api/session-store';
import type { TokenPair, User } from '@/api/types';
import { adoptAccountLanguage } from '@/i18n';
import { SessionContext, type Session } from '@/lib/session';
import { logoutOnServer } from '../api/auth';

/**
 * Holds the session for the app. On start, a stored refresh token is exchanged for a new pair
 * to restore the session; when the session ends (sign-out, failed refresh) every cached server
 * answer is dropped, so the next person on this browser sees nothing of the previous one.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const snapshot = useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot, sessionStore.getSnapshot);

  useEffect(() => {
    if (sessionStore.getSnapshot().status === 'restoring') void refreshSession();
  }, []);

  const previousStatus = useRef(snapshot.status);
  useEffect(() => {
    if (previousStatus.current === 'authenticated' && snapshot.status !== 'authenticated') queryClient.clear();
    previousStatus.current = snapshot.status;
  }, [snapshot.status, queryClient]);

  const signIn = useCallback(
    (pair: TokenPair) => {
      // The cache is dropped whenever a session ends; also when someone else signs in over it.
      const previous = sessionStore.getSnapshot().user;
      if (previous && previous.id !== pair.user.id) queryClient.clear();
      sessionStore.setTokens(pair);
      // Signing in on a browser with no language chosen: the interface speaks the account's locale.
      void adoptAccountLanguage(pair.user.locale);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await logoutOnServer();
    sessionStore.clear();
    queryClient.clear();
  }, [queryClient]);

  const updateUser = useCallback((user: User) => sessionStore.setUser(user), []);

  const value = useMemo<Session>(
    () => ({ status: snapshot.status, user: snapshot.user, signIn, signOut, updateUser }),
    [snapshot, signIn, signOut, updateUser],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
