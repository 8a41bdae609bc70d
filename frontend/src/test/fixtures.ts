import type { Organisation, Programme, TokenPair, User } from '@/api/types';

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
