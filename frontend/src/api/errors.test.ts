import { describe, expect, it } from 'vitest';
import { ApiError, mapFieldErrors, parseRetryAfter, toApiError } from './errors';

function response(status: number, headers: Record<string, string> = {}) {
  return new Response(null, { status, headers });
}

describe('toApiError', () => {
  it('turns a problem+json body into a typed ApiError', () => {
    const error = toApiError(response(400, { 'X-Request-Id': 'hdr' }), {
      type: 'https://peerbridge.example/problems/validation',
      title: 'Invalid input',
      status: 400,
      detail: 'Two fields are invalid.',
      code: 'validation_failed',
      request_id: 'req-42',
      errors: [
        { field: 'email', message: 'must be an e-mail address' },
        { field: 'roles[0]', message: 'unknown role' },
      ],
    });

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.title).toBe('Invalid input');
    expect(error.detail).toBe('Two fields are invalid.');
    expect(error.requestId).toBe('req-42');
    expect(error.fieldErrors).toHaveLength(2);
    expect(error.fields).toEqual({ email: 'must be an e-mail address', 'roles[0]': 'unknown role' });
  });

  it('reads Retry-After in seconds', () => {
    const error = toApiError(response(429, { 'Retry-After': '120' }), { title: 'Too many', status: 429, code: 'rate_limited' });
    expect(error.retryAfter).toBe(120);
  });

  it('copes with a body that is not a problem', () => {
    const error = toApiError(response(502), 'Bad gateway');
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.fieldErrors).toEqual([]);
  });

  it('ignores malformed field errors', () => {
    const error = toApiError(response(400), { status: 400, title: 'x', code: 'validation_failed', errors: [{ field: 1 }, null, { field: 'name', message: 'too long' }] });
    expect(error.fieldErrors).toEqual([{ field: 'name', message: 'too long' }]);
  });
});

describe('parseRetryAfter', () => {
  it('accepts seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    const now = Date.parse('2025-05-01T10:00:00Z');
    expect(parseRetryAfter('Thu, 01 May 2025 10:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('mapFieldErrors', () => {
  const error = new ApiError({
    status: 400,
    code: 'validation_failed',
    title: 'Invalid input',
    fieldErrors: [
      { field: 'email', message: 'already invited' },
      { field: 'roles[1]', message: 'unknown role' },
      { field: 'themes[2].key', message: 'bad key' },
      { field: 'organisation_id', message: 'no such organisation' },
      { field: 'programme_id', message: 'not a coordinator' },
    ],
  });

  it('maps server field paths onto form fields and returns the rest', () => {
    const { fields, unmatched } = mapFieldErrors(error, ['email', 'roles', 'themes', 'organisation'] as const, {
      organisation_id: 'organisation',
    });
    expect(fields).toEqual({
      email: 'already invited',
      roles: 'unknown role',
      themes: 'bad key',
      organisation: 'no such organisation',
    });
    expect(unmatched).toEqual([{ field: 'programme_id', message: 'not a coordinator' }]);
  });

  it('keeps the first message per field', () => {
    const twice = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'x',
      fieldErrors: [
        { field: 'name', message: 'first' },
        { field: 'name', message: 'second' },
      ],
    });
    expect(mapFieldErrors(twice, ['name'] as const).fields).toEqual({ name: 'first' });
  });
});
