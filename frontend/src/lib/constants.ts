import type { OrganisationKind, Role } from '@/api/types';

export const ROLES: readonly Role[] = ['coordinator', 'partner', 'reviewer'];

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'social_profit',
  'employer',
  'public_agency',
  'university',
  'health_care',
  'insurer',
  'ngo',
  'other',
];

export const DEFAULT_PAGE_SIZE = 20;
