import type { TFunction } from 'i18next';
import { isApiError, type FieldError } from '@/api/errors';

/** A sentence for the user about a failed request, in the interface language. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  // The server is busy, not broken: say how long to wait (its Retry-After, in seconds).
  if (error.code === 'overloaded') {
    return t('errors.overloaded', { count: Math.max(1, Math.ceil(error.retryAfter ?? 5)) });
  }
  // Known rule codes have their own sentence in every language.
  const byCode = t(`errors.codes.${error.code}`, { ...error.params, defaultValue: '' });
  if (byCode) return byCode;
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 401:
      return t('errors.unauthorized');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return error.detail ? t('errors.conflictDetail', { detail: error.detail }) : t('errors.conflict');
    case 412:
      return t('errors.stale');
    case 422:
      return error.detail || t('errors.unexpected');
    case 429: {
      const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
      return t('errors.tooMany', { count: minutes });
    }
    case 503:
      return t('errors.unavailable');
    default:
      if (error.status >= 500) return t('errors.server');
      return error.detail || error.title || t('errors.unexpected');
  }
}

/**
 * A field error in the interface language, from its code and parameters; the server's English
 * message only when the code is one this version of the app does not know.
 */
export function describeFieldError(fe: FieldError, t: TFunction): string {
  if (!fe.code) return fe.message;
  const params: Record<string, unknown> = { ...fe.params };
  for (const [k, v] of Object.entries(params)) if (Array.isArray(v)) params[k] = v.join(', ');
  return t(`fieldErrors.${fe.code}`, { ...params, defaultValue: fe.message });
}
