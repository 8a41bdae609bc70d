import { dateTimeFormat } from '@/lib/format';
import type { TimelinePoint } from '../api/types';

export const OUTPUT_KEYS = ['information_exchanged', 'practices_reviewed', 'products_adapted', 'new_products'] as const;
export type OutputKey = (typeof OUTPUT_KEYS)[number];

export const OUTPUT_COLOURS: Record<OutputKey, string> = {
  information_exchanged: '#1d4f91',
  practices_reviewed: '#6b3fa0',
  products_adapted: '#0b5c6b',
  new_products: '#1f6f43',
};

export const STAGE_ORDER = ['exploring', 'planning', 'implementing', 'evaluating', 'sustained', 'discontinued'] as const;
export const STAGE_COLOURS: Record<string, string> = {
  exploring: '#5b6b7a',
  planning: '#1d4f91',
  implementing: '#6b3fa0',
  evaluating: '#8a5300',
  sustained: '#1f6f43',
  discontinued: '#b42318',
};

/**
 * Fidelity from faithful to not, then unknown: green, amber, grey. An adaptation that departs
 * from the original is not a success to colour like one.
 */
export const FIDELITY_ORDER = ['consistent', 'inconsistent', 'unknown'] as const;
export const FIDELITY_COLOURS: Record<string, string> = {
  consistent: '#1f6f43',
  inconsistent: '#b54708',
  unknown: '#8a96a3',
};

/** Items in a fixed order of their codes (unknown codes last, by code), never by translated label. */
export function inCodeOrder<T extends { key: string }>(items: readonly T[], order: readonly string[]): T[] {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...items].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from the first to the last, with zeros where nothing happened. */
export function fillMonths(timeline: readonly TimelinePoint[]): TimelinePoint[] {
  if (timeline.length === 0) return [];
  const byMonth = new Map(timeline.map((p) => [p.month, p]));
  const months = [...byMonth.keys()].sort();
  const out: TimelinePoint[] = [];
  // At most ten years of months, whatever the data says.
  for (let m = months[0], i = 0; m <= months[months.length - 1] && i < 120; m = nextMonth(m), i += 1) {
    out.push(byMonth.get(m) ?? { month: m, information_exchanged: 0, practices_reviewed: 0, products_adapted: 0, new_products: 0 });
  }
  return out;
}

/** "2026-03" as "Mar 2026" in the interface language. */
export function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return dateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
