import { describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { ApiError } from '@/api/errors';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('tells a busy server apart from an unavailable one, with the seconds to wait', async () => {
    const busy = new ApiError({ status: 503, code: 'overloaded', title: 'Service Unavailable', retryAfter: 2 });
    expect(describeError(busy, i18n.t)).toBe('The server is busy. Try again in 2 seconds.');
    const down = new ApiError({ status: 503, code: 'service_unavailable', title: 'Service Unavailable', retryAfter: 5 });
    expect(describeError(down, i18n.t)).toBe('The service is temporarily unavailable. Please try again shortly.');
    await i18n.changeLanguage('de');
    expect(describeError(busy, i18n.t)).toBe('Der Server ist ausgelastet. Versuchen Sie es in 2 Sekunden erneut.');
  });

  it('falls back to a few seconds when the server did not say how long', async () => {
    await i18n.changeLanguage('nl');
    const busy = new ApiError({ status: 429, code: 'overloaded', title: 'Too Many Requests' });
    expect(describeError(busy, i18n.t)).toBe('De server is druk bezet. Probeer het over 5 seconden opnieuw.');
  });
});
