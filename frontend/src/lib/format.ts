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
  return dateTimeFormat(language, {
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
  return dateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A date with its time, e.g. "3 Mar 2026, 14:02". */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
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
  const format = cached('relative', language, {}, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(delta) < size) return format.format(Math.round(delta), unit);
    delta /= size;
  }
  return format.format(Math.round(delta), 'year');
}
