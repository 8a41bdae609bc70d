import { numberFormat } from '@/lib/format';

/** A share (0–1) as a percentage in the reader's language, to one decimal at most. */
export function formatShare(share: number, lang: string): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A statistic to two decimals, always two (alpha, ICC, a mean rating). */
export function formatFixed(value: number, lang: string, digits = 2): string {
  return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** The fixed order of fidelity codes (faithful first, unknown last); unknown codes after them. */
export const FIDELITY_ORDER = ['consistent', 'inconsistent', 'unknown'] as const;
export const FIDELITY_COLOURS: Record<string, string> = { consistent: '#1f6f43', inconsistent: '#b54708', unknown: '#8a96a3' };
export const STAGE_ORDER = ['exploring', 'planning', 'implementing', 'evaluating', 'sustained', 'discontinued'] as const;
export const OUTPUT_KEYS = ['information_exchanged', 'practices_reviewed', 'products_adapted', 'new_products'] as const;
export const OUTPUT_COLOURS: Record<(typeof OUTPUT_KEYS)[number], string> = {
  information_exchanged: '#1d4f91',
  practices_reviewed: '#6b3fa0',
  products_adapted: '#0b5c6b',
  new_products: '#1f6f43',
};

/** Activity kinds and participant roles in the order the activity forms list them. */
export const ACTIVITY_KIND_ORDER = ['study_visit', 'peer_review_meeting', 'workshop', 'webinar', 'conference', 'other'] as const;
export const PARTICIPANT_ROLE_ORDER = ['host', 'peer', 'expert', 'participant'] as const;

/** Items in a fixed order of their codes, unknown codes last by code — never by translated label. */
export function inCodeOrder<T extends { key: string }>(items: readonly T[], order: readonly string[]): T[] {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...items].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

/** The sections of the report in print order; their ids are the table of contents' anchors. */
export const REPORT_SECTIONS = ['outputs', 'activities', 'reviews', 'adaptations', 'resumption', 'factors', 'transferability', 'conclusions', 'policy'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
