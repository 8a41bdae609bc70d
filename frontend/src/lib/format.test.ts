import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, regionalLocale } from '@/lib/format';

describe('regionalLocale', () => {
  it('takes the browser region when the browser prefers the interface language', () => {
    expect(regionalLocale('en', ['en-GB', 'nl-BE'])).toBe('en-GB');
    expect(regionalLocale('fr', ['nl-BE', 'fr-BE'])).toBe('fr-BE');
  });

  it('keeps the interface language when the browser prefers another one', () => {
    expect(regionalLocale('nl', ['en-US', 'en'])).toBe('nl');
    expect(regionalLocale('de', [])).toBe('de');
  });

  it('keeps a tag that already names a region and ignores invalid browser tags', () => {
    expect(regionalLocale('en-IE', ['en-US'])).toBe('en-IE');
    expect(regionalLocale('en', ['en-!!', 'en-GB'])).toBe('en-GB');
  });
});

describe('formatDate', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes calendar days in the order of the browser region', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'en']);
    expect(formatDate('2026-12-28', 'en')).toBe('28 Dec 2026');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US', 'en']);
    expect(formatDate('2026-12-28', 'en')).toBe('Dec 28, 2026');
  });

  it('uses the interface language when the browser prefers another one', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    expect(formatDate('2026-12-28', 'nl')).toBe('28 dec 2026');
  });
});
