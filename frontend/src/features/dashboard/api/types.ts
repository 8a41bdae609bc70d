import type { components } from '@/api/schema';

type Schemas = components['schemas'];

export type Dashboard = Schemas['Dashboard'];
export type KeyCount = Schemas['KeyCount'];
export type Flow = Dashboard['adaptation_flow'][number];
export type TimelinePoint = Dashboard['timeline'][number];
export type RoundAgreement = Dashboard['reviews']['agreement'][number];
export type AuditEntry = Schemas['AuditEntry'];
export type Member = Schemas['Member'];
export type ExportKind = 'practices.csv' | 'reviews.csv' | 'adaptations.csv' | 'activities.csv' | 'export.json';
