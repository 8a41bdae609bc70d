/** Formats an ISO date (`2025-03-01`) or timestamp for the current interface language. */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  // Plain dates are calendar days: format them in UTC so they never shift by a day.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, {
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
    const names = new Intl.DisplayNames([language], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country code's name in the interface language, e.g. `BE` → "Belgium". */
export function countryName(code: string, language: string): string {
  try {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    return names.of(code) ?? code;
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
