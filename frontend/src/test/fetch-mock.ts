import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
}

type Responder = (req: RecordedRequest) => Response | Promise<Response>;

interface Route {
  method: string;
  path: string | RegExp;
  respond: Responder;
  /** Answer only this many times, then fall through to later routes. */
  times?: number;
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

export function problem(status: number, fields: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(
    JSON.stringify({ type: 'about:blank', title: 'Error', status, code: `status_${status}`, request_id: 'req-1', ...fields }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

/**
 * Replaces fetch at the network level: every request the API client makes is matched against
 * the routes (method + path) and recorded, so tests can assert exactly what was sent.
 */
export function mockFetch(routes: Route[]) {
  const calls: RecordedRequest[] = [];
  const remaining = routes.map((r) => ({ ...r, left: r.times ?? Infinity }));
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      search: url.search,
      headers: request.headers,
      body,
    };
    calls.push(recorded);
    const route = remaining.find(
      (r) =>
        r.left > 0 &&
        r.method === request.method &&
        (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)),
    );
    if (!route) return problem(404, { detail: `no mock for ${request.method} ${url.pathname}` });
    route.left -= 1;
    return route.respond(recorded);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}
