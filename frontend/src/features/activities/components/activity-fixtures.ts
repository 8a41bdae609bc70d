import type { Activity, ActivitySummary } from '@/api/types';
import { programme } from '@/test/fixtures';

export const studyVisit: Activity = {
  id: 'a0000000-0000-4000-8000-000000000001',
  programme_id: programme.id,
  kind: 'study_visit',
  title: 'Study visit to Leuven',
  description: 'Two days with the coaches.',
  host_organisation_id: 'o0000000-0000-4000-8000-0000000000be',
  host_organisation_name: 'Jobcentrum',
  country: 'BE',
  city: 'Leuven',
  online_url: '',
  starts_at: '2026-05-12T08:30:00Z',
  ends_at: '2026-05-13T15:00:00Z',
  status: 'held',
  minutes: 'We saw how one coach keeps the return plan.',
  practice_ids: ['p0000000-0000-4000-8000-000000000001'],
  practices: [{ id: 'p0000000-0000-4000-8000-000000000001', title: 'One coach from diagnosis to work', country: 'BE' }],
  participants: [
    { organisation_id: 'o0000000-0000-4000-8000-0000000000be', organisation_name: 'Jobcentrum', country: 'BE', role: 'host', people: 4 },
    { organisation_id: 'o0000000-0000-4000-8000-0000000000fe', organisation_name: 'Retour Santé Travail', country: 'FR', role: 'peer', people: 2 },
    { organisation_id: 'o0000000-0000-4000-8000-0000000000f2', organisation_name: 'Vivre au travail', country: 'FR', role: 'expert', people: 1 },
  ],
  agenda: [
    { at: '2026-05-12T08:30:00Z', title: 'Welcome at the day clinic' },
    { at: '2026-05-12T13:30:00Z', title: 'Visit to an employer' },
  ],
  follow_ups: [
    {
      id: 'f0000000-0000-4000-8000-000000000001',
      title: 'Share the return-plan template',
      owner_organisation_id: 'o0000000-0000-4000-8000-0000000000be',
      owner_organisation_name: 'Jobcentrum',
      due_on: '2026-06-15',
      status: 'open',
      can_set_status: true,
    },
    {
      id: 'f0000000-0000-4000-8000-000000000002',
      title: 'Write a note on the physician',
      owner_organisation_id: 'o0000000-0000-4000-8000-0000000000fe',
      owner_organisation_name: 'Retour Santé Travail',
      due_on: null,
      status: 'open',
      can_set_status: false,
    },
  ],
  can_edit: false,
  can_delete: false,
  version: 3,
  created_at: '2026-04-01T10:00:00Z',
  updated_at: '2026-05-14T10:00:00Z',
};

export const webinar: Activity = {
  ...studyVisit,
  id: 'a0000000-0000-4000-8000-000000000002',
  kind: 'webinar',
  title: 'Webinar on fatigue',
  city: '',
  country: null,
  online_url: 'https://meet.example.org/fatigue',
  starts_at: '2099-01-21T13:00:00Z',
  ends_at: '2099-01-21T14:30:00Z',
  status: 'planned',
  minutes: '',
  participants: [],
  follow_ups: [],
  agenda: [],
  practices: [],
  practice_ids: [],
};

export const peerReview: Activity = {
  ...webinar,
  id: 'a0000000-0000-4000-8000-000000000003',
  kind: 'peer_review_meeting',
  title: 'Peer review in Utrecht',
  city: 'Utrecht',
  country: 'NL',
  online_url: '',
  starts_at: '2099-02-16T08:00:00Z',
  ends_at: '2099-02-17T14:00:00Z',
};

/** An activity as the programme's list gives it: without its text and parts, with the parts counted. */
export function summaryOf(a: Activity): ActivitySummary {
  return {
    id: a.id,
    programme_id: a.programme_id,
    kind: a.kind,
    title: a.title,
    host_organisation_id: a.host_organisation_id,
    host_organisation_name: a.host_organisation_name,
    country: a.country,
    city: a.city,
    online_url: a.online_url,
    starts_at: a.starts_at,
    ends_at: a.ends_at,
    status: a.status,
    participant_organisations: a.participants.length,
    people: a.participants.reduce((n, p) => n + p.people, 0),
    practice_count: a.practices.length,
    open_follow_ups: a.follow_ups.filter((f) => f.status !== 'done').length,
    can_edit: a.can_edit,
    can_delete: a.can_delete,
    version: a.version,
    created_at: a.created_at,
    updated_at: a.updated_at,
  };
}
