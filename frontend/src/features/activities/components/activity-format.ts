import type { Activity, ActivityKind, ActivityStatus } from '@/api/types';

export const ACTIVITY_KINDS: readonly ActivityKind[] = ['study_visit', 'peer_review_meeting', 'workshop', 'webinar', 'conference', 'other'];
export const ACTIVITY_STATUSES: readonly ActivityStatus[] = ['planned', 'held', 'cancelled'];
export const PARTICIPANT_ROLES = ['host', 'peer', 'expert', 'participant'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** An RFC 3339 time as a datetime-local input's value, in the reader's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local input's value (the reader's time zone) in RFC 3339, UTC. */
export function fromLocalInput(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** The month an activity starts in, as a sortable key (2027-03) in the reader's time zone. */
export function monthKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** A month key as the reader says it ("March 2027", "maart 2027"). */
export function monthLabel(key: string, language: string): string {
  const [y, m] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(new Date(y, m - 1, 1));
}

/** Groups activities by the month they start in, keeping their order. */
export function byMonth<A extends { starts_at: string }>(activities: readonly A[]): { month: string; items: A[] }[] {
  const groups: { month: string; items: A[] }[] = [];
  for (const a of activities) {
    const month = monthKey(a.starts_at);
    const last = groups.at(-1);
    if (last && last.month === month) last.items.push(a);
    else groups.push({ month, items: [a] });
  }
  return groups;
}

/** Participants grouped by country, the host's first, then by name of country code. */
export function participantsByCountry(activity: Activity): { country: string; people: number; participants: Activity['participants'] }[] {
  const groups = new Map<string, Activity['participants']>();
  for (const p of activity.participants) groups.set(p.country, [...(groups.get(p.country) ?? []), p]);
  const hostCountry = activity.participants.find((p) => p.role === 'host')?.country;
  return [...groups]
    .map(([country, participants]) => ({ country, participants, people: participants.reduce((n, p) => n + p.people, 0) }))
    .sort((a, b) => (a.country === hostCountry ? -1 : b.country === hostCountry ? 1 : a.country.localeCompare(b.country)));
}
