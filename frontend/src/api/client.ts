import createClient, { type Middleware } from 'openapi-fetch';
import { networkError, toApiError } from './errors';
import type { paths } from './schema';
import { sessionStore } from './session-store';
import type { Versioned } from './types';

// Resolve fetch at call time, so tests can replace globalThis.fetch at the network level.
const fetchAtCallTime = (input: Request) => globalThis.fetch(input);

function sameOriginBaseUrl(): string {
  if (typeof window === 'undefined') return '';
  const origin = window.location?.origin;
  return origin && origin !== 'null' ? origin : '';
}

/** Endpoints where a 401 means "wrong credentials", never "access token expired". */
const NO_REFRESH_ON_401 = new Set<string>([
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/invitations/{token}',
  '/api/v1/invitations/{token}/accept',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/confirm',
]);

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Exchanges the stored refresh token for a new pair. Refresh tokens rotate and presenting a
 * spent one revokes the whole session, so there is only ever one refresh in flight: every
 * caller shares its promise. Resolves to true when signed in afterwards.
 */
export function refreshSession(): Promise<boolean> {
  if (!refreshInFlight) {
    refreshInFlight = doRefresh().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

async function doRefresh(): Promise<boolean> {
  const refreshToken = sessionStore.getRefreshToken();
  if (!refreshToken) {
    sessionStore.clear();
    return false;
  }
  let result;
  try {
    result = await api.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken } });
  } catch {
    // Unreachable server: not signed in for now, but keep the token for the next visit.
    sessionStore.markAnonymous();
    return false;
  }
  if (result.data) {
    sessionStore.setTokens(result.data);
    return true;
  }
  if (result.response.status >= 500) sessionStore.markAnonymous();
  else sessionStore.clear();
  return false;
}

function bearerOf(request: Request): string | null {
  const header = request.headers.get('Authorization');
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

// Unsent copies of requests, kept until their answer arrives, so a 401 can be retried once.
const pendingCopies = new Map<string, Request>();

/**
 * Adds `Authorization: Bearer`; on a 401 refreshes the session once and retries the request
 * once. When the refresh fails the session is cleared (signed out).
 */
export const authMiddleware: Middleware = {
  onRequest({ request, schemaPath, id }) {
    const token = sessionStore.getAccessToken();
    if (token && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    if (!NO_REFRESH_ON_401.has(schemaPath) && sessionStore.getRefreshToken()) {
      pendingCopies.set(id, request.clone());
    }
    return request;
  },
  async onResponse({ request, response, id, options }) {
    const copy = pendingCopies.get(id);
    pendingCopies.delete(id);
    if (response.status !== 401 || !copy) return undefined;

    const used = bearerOf(request);
    const current = sessionStore.getAccessToken();
    // Another request may already have refreshed while this one was on its way.
    if (!current || current === used) {
      const refreshed = await refreshSession();
      if (!refreshed) return undefined;
    }
    const token = sessionStore.getAccessToken();
    if (!token) return undefined;
    copy.headers.set('Authorization', `Bearer ${token}`);
    return options.fetch(copy);
  },
  onError({ id }) {
    pendingCopies.delete(id);
  },
};

/** The one API client. All paths are absolute (`/api/v1/...`) and same-origin. */
export const api = createClient<paths>({ baseUrl: sameOriginBaseUrl(), fetch: fetchAtCallTime });
api.use(authMiddleware);

type ApiResult<D> = { data?: D; error?: unknown; response: Response };

async function settle<D>(pending: Promise<ApiResult<D>>): Promise<{ data: D; response: Response }> {
  let result: ApiResult<D>;
  try {
    result = await pending;
  } catch (cause) {
    throw networkError(cause);
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return { data: result.data as D, response: result.response };
}

/** Awaits an API call and returns its data, or throws an ApiError. */
export async function unwrap<D>(pending: Promise<ApiResult<D>>): Promise<D> {
  return (await settle(pending)).data;
}

/** Like unwrap, but also returns the `ETag` to send back in `If-Match`. */
export async function unwrapVersioned<D extends { version: number }>(
  pending: Promise<ApiResult<D>>,
): Promise<Versioned<D>> {
  const { data, response } = await settle(pending);
  return { data, etag: response.headers.get('ETag') ?? etagFor(data.version) };
}

/**
 * Like unwrap, for answers that are not themselves versioned but change a versioned parent (a
 * translation changes its practice): returns the `ETag` header, or null when there is none.
 */
export async function unwrapWithEtag<D>(pending: Promise<ApiResult<D>>): Promise<{ data: D; etag: string | null }> {
  const { data, response } = await settle(pending);
  return { data, etag: response.headers.get('ETag') };
}

/** The strong ETag of an object's version, as the API sends it: `"3"`. */
export function etagFor(version: number): string {
  return `"${version}"`;
}
