import type { TokenPair, User } from './types';

/** Where the refresh token lives between visits. The access token is kept in memory only. */
export const REFRESH_TOKEN_KEY = 'peerbridge.refresh';

export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';

export interface SessionSnapshot {
  status: SessionStatus;
  user: User | null;
}

function readRefreshToken(): string | null {
  try {
    return window.localStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeRefreshToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(REFRESH_TOKEN_KEY, token);
    else window.localStorage.removeItem(REFRESH_TOKEN_KEY);
  } catch {
    // Storage can be unavailable (private mode, quota); the session then lasts for this page only.
  }
}

function initialSnapshot(): SessionSnapshot {
  return { status: readRefreshToken() ? 'restoring' : 'anonymous', user: null };
}

let accessToken: string | null = null;
let snapshot: SessionSnapshot = initialSnapshot();
const listeners = new Set<() => void>();

function publish(next: SessionSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

/**
 * The one place that holds the tokens. React reads it through useSyncExternalStore (see the
 * session provider); the API client reads the access token from it for every request.
 */
export const sessionStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot(): SessionSnapshot {
    return snapshot;
  },
  getAccessToken(): string | null {
    return accessToken;
  },
  getRefreshToken(): string | null {
    return readRefreshToken();
  },
  /** Signs in with a fresh token pair (login, refresh, accepted invitation). */
  setTokens(pair: TokenPair): void {
    accessToken = pair.access_token;
    writeRefreshToken(pair.refresh_token);
    publish({ status: 'authenticated', user: pair.user });
  },
  /** Replaces the signed-in user's data (after editing one's own profile). */
  setUser(user: User): void {
    if (snapshot.status !== 'authenticated') return;
    publish({ ...snapshot, user });
  },
  /** Forgets both tokens: signed out. */
  clear(): void {
    accessToken = null;
    writeRefreshToken(null);
    if (snapshot.status !== 'anonymous' || snapshot.user) publish({ status: 'anonymous', user: null });
  },
  /** Gives up restoring the session for now (server unreachable) but keeps the refresh token. */
  markAnonymous(): void {
    accessToken = null;
    if (snapshot.status !== 'anonymous') publish({ status: 'anonymous', user: null });
  },
  /** Re-reads the initial state from storage. For tests. */
  reset(): void {
    accessToken = null;
    publish(initialSnapshot());
  },
};
