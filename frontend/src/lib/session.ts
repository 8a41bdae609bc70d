import { createContext, useContext } from 'react';
import type { SessionStatus } from '@/api/session-store';
import type { TokenPair, User } from '@/api/types';

/**
 * What every part of the app may know about the signed-in person. The auth feature provides
 * it (features/auth/components/session-provider.tsx); other features only read it.
 */
export interface Session {
  status: SessionStatus;
  user: User | null;
  /** Starts a session from a token pair (sign-in, accepted invitation). */
  signIn: (pair: TokenPair) => void;
  /** Ends the session on the server and here. */
  signOut: () => Promise<void>;
  /** Replaces the signed-in user's data after an edit of one's own profile. */
  updateUser: (user: User) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user; only call it below an authenticated route. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}
