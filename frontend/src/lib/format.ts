/**
 * The locale to format dates and numbers in: the interface language, with the browser's region
 * when the browser prefers that same language (an en-GB browser reading English gets
 * "28 Dec 2026", an en-US one "Dec 28, 2026"; a fr-BE browser reading French gets Belgian
 * conventions). The interface language always wins over the browser's other languages.
 */
export function regionalLocale(language: string, preferred: readonly string[] = browserLanguages()): string {
  const base = language.toLowerCase().split('-')[0];
  if (language.includes('-')) return language;
  for (const tag of preferred) {
    const [lang, ...rest] = tag.split('-');
    if (lang.toLowerCase() === base && rest.length > 0) {
      try {
        return Intl.getCanonicalLocales(tag)[0];
      } catch {
        // An invalid tag from the browser: ignore it.
      }
    }
  }
  return language;
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

// Building an Intl formatter costs far more than using one (locale data is resolved each time), and
// lists and tables format a value per row: each formatter is built once per language and options.
const formatters = new Map<string, unknown>();

function cached<T>(kind: string, language: string, options: object, make: () => T): T {
  const key = `${kind}|${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A shared Intl.DateTimeFormat for these options. */
export function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('date', language, options, () => new Intl.DateTimeFormat(language, options));
}

/** A shared Intl.NumberFormat for these options. */
export function numberFormat(language: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', language ?? '', options, () => new Intl.NumberFormat(language, options));
}

function displayNames(language: string, type: Intl.DisplayNamesType): Intl.DisplayNames {
  return cached('names', language, { type }, () => new Intl.DisplayNames([language], { type }));
}

/** Formats an ISO date (`2025-03-01`) or timestamp for the current interface language. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  // Plain dates are calendar days: format them in UTC so they never shift by a day.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(regionalLocale(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** The first `max` characters of a text, cut at a word boundary, with an ellipsis. */
export function excerpt(text: string | null | undefined, max = 180): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Splits a comma- or space-separated list into trimmed, unique, non-empty items. */
export function splitList(value: string): string[] {
  const seen = new Set<string>();
  for (const part of value.split(/[,\s]+/)) {
    const item = part.trim();
    if (item) seen.add(item);
  }
  return [...seen];
}

/** A language code's name in the interface language, e.g. `nl` → "Dutch" / "Nederlands". */
export function languageName(code: string, language: string): string {
  try {
    return displayNames(language, 'language').of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country code's name in the interface language, e.g. `BE` → "Belgium". */
export function countryName(code: string, language: string): string {
  try {
    return displayNames(language, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

/** A key for a theme or target group from its title: `Return to work` → `return_to_work`. */
export function slugKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

/** A time of day in the interface language, e.g. "14:02". */
export function formatTime(value: Date | string | number, language: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(regionalLocale(language), { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A date with its time, e.g. "3 Mar 2026, 14:02". */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(regionalLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Infinity],
];

/** How long ago (or until) a moment is, e.g. "5 minutes ago", "yesterday", "il y a 2 jours". */
export function formatRelativeTime(value: string | null | undefined, language: string, now: number = Date.now()): string {
  if (!value) return '';
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return value;
  let delta = (at - now) / 1000;
  const locale = regionalLocale(language);
  const format = cached('relative', locale, {}, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(delta) < size) return format.format(Math.round(delta), unit);
    delta /= size;
  }
  return format.format(Math.round(delta), 'year');
}

/** Lists count exactly up to this many matches; above it the API's total is an estimate. */
export const EXACT_COUNT_LIMIT = 1000;

/**
 * How a list's total reads when the API marks it as an estimate (`total_is_estimate`): "about"
 * the estimate rounded to three significant digits, or "more than 1,000" when the estimate is no
 * more than the exact part. `null` for an exact total.
 */
export function estimatedTotal(total: number, isEstimate: boolean | undefined, language: string): { kind: 'about' | 'more'; text: string } | null {
  if (!isEstimate) return null;
  const format = (n: number) => new Intl.NumberFormat(language).format(n);
  if (total <= EXACT_COUNT_LIMIT + 1) return { kind: 'more', text: format(EXACT_COUNT_LIMIT) };
  const step = 10 ** Math.max(0, Math.floor(Math.log10(total)) - 2);
  return { kind: 'about', text: format(Math.round(total / step) * step) };
}
