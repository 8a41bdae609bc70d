import type { Problem } from './types';

export interface FieldError {
  field: string;
  /** The server's English explanation, for logs; the interface renders `code` with `params`. */
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

/**
 * Every failed API call becomes an ApiError: the problem+json body (RFC 9457) in typed form,
 * plus the HTTP status and the Retry-After header when there is one.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly type?: string;
  readonly requestId?: string;
  readonly fieldErrors: FieldError[];
  /** Parameters of `code` (e.g. `outstanding` for reviews_outstanding). */
  readonly params?: Record<string, unknown>;
  /** Seconds, from the `Retry-After` header (429, 503). */
  readonly retryAfter?: number;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    type?: string;
    requestId?: string;
    fieldErrors?: FieldError[];
    params?: Record<string, unknown>;
    retryAfter?: number;
  }) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.params = init.params;
    this.retryAfter = init.retryAfter;
  }

  /** Field errors keyed by field name (the first message wins). */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const fe of this.fieldErrors) {
      if (!(fe.field in out)) out[fe.field] = fe.message;
    }
    return out;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isProblemLike(body: unknown): body is Partial<Problem> {
  return typeof body === 'object' && body !== null && ('status' in body || 'title' in body || 'code' in body);
}

/** Parses the `Retry-After` header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.round((at - now) / 1000));
}

/** Builds an ApiError from a failed response and its (already parsed) body. */
export function toApiError(response: Response, body: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const requestIdHeader = response.headers.get('X-Request-Id') ?? undefined;
  if (isProblemLike(body)) {
    const fieldErrors = Array.isArray(body.errors)
      ? body.errors
          // Checked at run time too: a problem body is whatever the server sent.
          .filter((e) => !!e && typeof e.field === 'string' && typeof e.message === 'string')
          .map((e) => ({
            field: e.field,
            message: e.message,
            code: typeof e.code === 'string' ? e.code : undefined,
            params: e.params && typeof e.params === 'object' && !Array.isArray(e.params) ? (e.params as Record<string, unknown>) : undefined,
          }))
      : [];
    return new ApiError({
      status: typeof body.status === 'number' ? body.status : response.status,
      code: typeof body.code === 'string' && body.code ? body.code : `http_${response.status}`,
      title: typeof body.title === 'string' && body.title ? body.title : response.statusText || 'Error',
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      type: typeof body.type === 'string' ? body.type : undefined,
      requestId: typeof body.request_id === 'string' ? body.request_id : requestIdHeader,
      fieldErrors,
      params: body.params && typeof body.params === 'object' && !Array.isArray(body.params) ? (body.params as Record<string, unknown>) : undefined,
      retryAfter,
    });
  }
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    title: response.statusText || 'Error',
    detail: typeof body === 'string' && body.length < 300 ? body : undefined,
    requestId: requestIdHeader,
    retryAfter,
  });
}

/** A request that never got an answer (offline, DNS, connection refused). */
export function networkError(cause: unknown): ApiError {
  const err = new ApiError({ status: 0, code: 'network_error', title: 'Network error' });
  (err as { cause?: unknown }).cause = cause;
  return err;
}

/**
 * Maps server field names onto a form's own field names.
 * The server reports JSON paths such as `email`, `roles[0]` or `themes[1].key`; a form may
 * name its fields differently (pass `aliases`), and nested paths fall back to their root.
 * Errors for fields the form does not show are returned in `unmatched`.
 */
export function mapFieldErrors<F extends string>(
  error: ApiError,
  formFields: readonly F[],
  aliases: Partial<Record<string, F>> = {},
  render: (fe: FieldError) => string = (fe) => fe.message,
): { fields: Partial<Record<F, string>>; unmatched: FieldError[] } {
  const known = new Set<string>(formFields);
  const fields: Partial<Record<F, string>> = {};
  const unmatched: FieldError[] = [];
  for (const fe of error.fieldErrors) {
    const candidates = [fe.field, fe.field.replace(/\[\d+\]/g, ''), fe.field.split(/[.[]/)[0]];
    let target: F | undefined;
    for (const c of candidates) {
      if (aliases[c]) {
        target = aliases[c];
        break;
      }
      if (known.has(c)) {
        target = c as F;
        break;
      }
    }
    if (target) {
      if (!fields[target]) fields[target] = render(fe);
    } else {
      unmatched.push(fe);
    }
  }
  return { fields, unmatched };
}
