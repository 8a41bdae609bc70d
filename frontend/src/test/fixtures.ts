import type { Organisation, Practice, Programme, TokenPair, User } from '@/api/types';

export const organisation: Organisation = {
  id: '0b8f6a8e-9f35-4f0e-8a11-000000000001',
  name: 'Werkwijs vzw',
  country: 'BE',
  kind: 'social_profit',
  city: 'Gent',
  website: 'https://werkwijs.example',
  version: 1,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

export const user: User = {
  id: '5e6f7a8b-0000-4000-8000-000000000010',
  email: 'coordinator@peerbridge.example',
  name: 'Coral Coordinator',
  organisation_id: organisation.id,
  organisation: { id: organisation.id, name: organisation.name, country: organisation.country },
  languages: ['en', 'nl'],
  expertise: [],
  locale: 'en',
  is_admin: false,
  disabled: false,
  version: 1,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

export const programme: Programme = {
  id: '7c1d2e3f-0000-4000-8000-000000000100',
  name: 'Return to work after cancer — mutual learning',
  description: 'Partners exchange practices.',
  objective: 'Learn from each other.',
  translations: {},
  themes: [{ key: 'employer_engagement', title: 'Employer engagement' }],
  target_groups: [{ key: 'cancer_survivors', title: 'Cancer survivors' }],
  languages: ['en', 'nl', 'fr'],
  public_catalogue: false,
  starts_on: '2025-01-01',
  ends_on: '2026-12-31',
  version: 3,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
  my_roles: ['coordinator'],
};

export function tokenPair(access = 'access-1', refresh = 'refresh-1', who: User = user): TokenPair {
  return { access_token: access, refresh_token: refresh, token_type: 'Bearer', expires_in: 900, user: who };
}

/** A draft practice of the fixture programme, version 3 (ETag `"3"`). */
export const practice: Practice = {
  id: '9a8b7c6d-0000-4000-8000-000000000200',
  programme_id: programme.id,
  programme_name: programme.name,
  organisation: { id: organisation.id, name: organisation.name, country: 'BE' },
  title: 'Job coach at the hospital',
  summary: 'A job coach holds a weekly consultation hour in the oncology ward.',
  language: 'en',
  country: 'BE',
  themes: ['employer_engagement'],
  target_groups: ['cancer_survivors'],
  context: 'Patients rarely talk about work during treatment.',
  approach: 'A job coach sits in the day clinic every Tuesday.',
  resources: '',
  scale: { participants: null, sites: null, since_year: null },
  evidence: { level: 'monitoring', description: '', indicators: ['number of consultations'] },
  outcomes: '',
  transferability: '',
  lessons_learned: '',
  learning_questions: ['Who pays for the coach in your country?'],
  links: [],
  contact: { name: 'Koen Maes', email: 'koen@werkwijs.example' },
  products: [
    {
      id: '9a8b7c6d-0000-4000-8000-000000000300',
      name: 'Consultation hour',
      kind: 'service',
      description: 'Weekly walk-in hour.',
      core_elements: ['In the hospital itself'],
    },
  ],
  translations: [],
  status: 'draft',
  revision: 0,
  decision: null,
  version: 3,
  created_at: '2025-05-01T10:00:00Z',
  updated_at: '2025-05-01T10:00:00Z',
  submitted_at: null,
  published_at: null,
  allowed_actions: ['comment', 'edit', 'delete', 'submit', 'translate'],
};
