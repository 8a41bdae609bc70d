import { describe, expect, it } from 'vitest';
import { mockFetch, json, problem } from '@/test/fetch-mock';
import { programme, tokenPair } from '@/test/fixtures';
import { api, refreshSession, unwrap } from './client';
import { isApiError } from './errors';
import { REFRESH_TOKEN_KEY, sessionStore } from './session-store';

const page = { items: [programme], page: 1, page_size: 20, total: 1 };

describe('API client', () => {
  it('adds the bearer token to requests', async () => {
    sessionStore.setTokens(tokenPair('access-1', 'refresh-1'));
    const { calls } = mockFetch([{ method: 'GET', path: '/api/v1/programmes', respond: () => json(page) }]);

    await unwrap(api.GET('/api/v1/programmes'));

    expect(calls[0].headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('refreshes once after a 401 and retries the request once with the new token', async () => {
    sessionStore.setTokens(tokenPair('expired', 'refresh-1'));
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: '/api/v1/programmes',
        respond: (req) => (req.headers.get('Authorization') === 'Bearer fresh' ? json(page) : problem(401)),
      },
      { method: 'POST', path: '/api/v1/auth/refresh', respond: () => json(tokenPair('fresh', 'refresh-2')) },
    ]);

    const result = await unwrap(api.GET('/api/v1/programmes'));

    expect(result.items[0].name).toBe(programme.name);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/v1/programmes',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/programmes',
    ]);
    expect(calls[1].body).toEqual({ refresh_token: 'refresh-1' });
    expect(calls[2].headers.get('Authorization')).toBe('Bearer fresh');
    // The rotated refresh token replaces the spent one.
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
    expect(sessionStore.getAccessToken()).toBe('fresh');
  });

  it('sends the same body again when retrying a POST', async () => {
    sessionStore.setTokens(tokenPair('expired', 'refresh-1'));
    const { calls } = mockFetch([
      { method: 'POST', path: '/api/v1/organisations', times: 1, respond: () => problem(401) },
      { method: 'POST', path: '/api/v1/auth/refresh', respond: () => json(tokenPair('fresh', 'refresh-2')) },
      { method: 'POST', path: '/api/v1/organisations', respond: (req) => json(req.body, { status: 201 }) },
    ]);
    const body = { name: 'Arbeit & Gesundheit', country: 'DE', kind: 'ngo' as const, city: '' };

    await unwrap(
      api.POST('/api/v1/organisations', { params: { header: { 'Idempotency-Key': 'k-1' } }, body }),
    );

    const posts = calls.filter((c) => c.path === '/api/v1/organisations');
    expect(posts).toHaveLength(2);
    expect(posts[1].body).toEqual(body);
    expect(posts[1].headers.get('Idempotency-Key')).toBe('k-1');
  });

  it('does not retry more than once', async () => {
    sessionStore.setTokens(tokenPair('expired', 'refresh-1'));
    const { calls } = mockFetch([
      { method: 'GET', path: '/api/v1/programmes', respond: () => problem(401) },
      { method: 'POST', path: '/api/v1/auth/refresh', respond: () => json(tokenPair('fresh', 'refresh-2')) },
    ]);

    const error = await unwrap(api.GET('/api/v1/programmes')).catch((e: unknown) => e);

    expect(isApiError(error) && error.status).toBe(401);
    expect(calls.filter((c) => c.path === '/api/v1/programmes')).toHaveLength(2);
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('shares one refresh between concurrent requests (refresh tokens rotate)', async () => {
    sessionStore.setTokens(tokenPair('expired', 'refresh-1'));
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: '/api/v1/programmes',
        respond: (req) => (req.headers.get('Authorization') === 'Bearer fresh' ? json(page) : problem(401)),
      },
      {
        method: 'GET',
        path: '/api/v1/me',
        respond: (req) => (req.headers.get('Authorization') === 'Bearer fresh' ? json(tokenPair().user) : problem(401)),
      },
      {
        method: 'POST',
        path: '/api/v1/auth/refresh',
        respond: async () => {
          await new Promise((r) => setTimeout(r, 20));
          return json(tokenPair('fresh', 'refresh-2'));
        },
      },
    ]);

    await Promise.all([unwrap(api.GET('/api/v1/programmes')), unwrap(api.GET('/api/v1/me')), refreshSession()]);

    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh fails', async () => {
    sessionStore.setTokens(tokenPair('expired', 'refresh-1'));
    const { calls } = mockFetch([
      { method: 'GET', path: '/api/v1/programmes', respond: () => problem(401) },
      { method: 'POST', path: '/api/v1/auth/refresh', respond: () => problem(401) },
    ]);

    const error = await unwrap(api.GET('/api/v1/programmes')).catch((e: unknown) => e);

    expect(isApiError(error) && error.status).toBe(401);
    expect(calls.filter((c) => c.path === '/api/v1/programmes')).toHaveLength(1);
    expect(sessionStore.getSnapshot().status).toBe('anonymous');
    expect(sessionStore.getAccessToken()).toBeNull();
    expect(window.localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('does not try to refresh when signing in fails', async () => {
    window.localStorage.setItem(REFRESH_TOKEN_KEY, 'refresh-1');
    const { calls } = mockFetch([{ method: 'POST', path: '/api/v1/auth/login', respond: () => problem(401) }]);

    await unwrap(api.POST('/api/v1/auth/login', { body: { email: 'a@b.example', password: 'x' } })).catch(() => undefined);

    expect(calls.map((c) => c.path)).toEqual(['/api/v1/auth/login']);
  });
});
