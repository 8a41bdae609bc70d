import type { components } from '@/api/schema';

type Schemas = components['schemas'];

export type ProgrammeReport = Schemas['ProgrammeReport'];
export type ReportNotes = Schemas['ReportNotes'];
export type ReportNotesInput = Schemas['ReportNotesInput'];
export type Rate = Schemas['Rate'];
export type WorkResumption = Schemas['WorkResumption'];
export type ReportActivities = ProgrammeReport['activities'];
export type ReportRound = ProgrammeReport['review_rounds'][number];
export type ReportFlow = ProgrammeReport['adaptations']['flows'][number];
export type PracticeResumption = ProgrammeReport['work_resumption']['by_practice'][number];
export type CountryResumption = ProgrammeReport['work_resumption']['by_country'][number];
export type TransferabilityPair = ProgrammeReport['transferability'][number];
export type KeyCount = Schemas['KeyCount'];
export type Practice = Schemas['Practice'];
export type Lineage = Schemas['Lineage'];
export type PracticeReviews = Schemas['PracticeReviews'];
