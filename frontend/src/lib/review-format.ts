import { numberFormat, regionalLocale } from '@/lib/format';
/**
 * Small helpers for the peer-review screens, shared by the reviewer and coordinator features.
 */

/** A machine key as words, for keys without a translation: `evidence_theory` → "Evidence theory". */
export function prettifyKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/** A number with at most `digits` decimals in the interface language. */
export function formatNumber(value: number | null | undefined, language: string, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return numberFormat(regionalLocale(language), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** True when a deadline has passed. */
export function isPast(value: string | null | undefined, now: number = Date.now()): boolean {
  if (!value) return false;
  const at = new Date(value).getTime();
  return !Number.isNaN(at) && at < now;
}

/** A date input's value (`2026-03-01`) as the end of that day in local time, in RFC 3339. */
export function endOfDayIso(date: string): string {
  const local = new Date(`${date}T23:59:00`);
  return Number.isNaN(local.getTime()) ? date : local.toISOString();
}

/** An RFC 3339 timestamp as a date input's value (`2026-03-01`) in local time. */
export function toDateInput(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
