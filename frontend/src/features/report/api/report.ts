import { useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { Versioned } from '@/api/types';
import type { ReportNotes, ReportNotesInput } from './types';

/** The programme's report figures, practice titles in `lang` where translated (coordinators). */
export function useProgrammeReport(programmeId: string, lang: string) {
  return useQuery({
    queryKey: queryKeys.report.detail(programmeId, lang),
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}/report', { params: { path: { id: programmeId }, query: { lang } } })),
  });
}

/** The coordinators' conclusions and policy lessons, with their ETag. */
export function useReportNotes(programmeId: string) {
  return useQuery({
    queryKey: queryKeys.report.notes(programmeId),
    queryFn: () => fetchReportNotes(programmeId),
  });
}

export function fetchReportNotes(programmeId: string): Promise<Versioned<ReportNotes>> {
  return unwrapVersioned(api.GET('/api/v1/programmes/{id}/report-notes', { params: { path: { id: programmeId } } }));
}

/** Replaces the notes under `If-Match: etag`; a stale ETag is a 412. */
export function putReportNotes(programmeId: string, body: ReportNotesInput, etag: string): Promise<Versioned<ReportNotes>> {
  return unwrapVersioned(api.PUT('/api/v1/programmes/{id}/report-notes', { params: { path: { id: programmeId }, header: { 'If-Match': etag } }, body }));
}

/** What a practice's printable sheet reads: the practice, where it travelled, its reviews. */
export function useSheetPractice(practiceId: string) {
  return useQuery({
    queryKey: queryKeys.practices.detail(practiceId),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/practices/{id}', { params: { path: { id: practiceId } } })),
  });
}

export function useSheetLineage(practiceId: string) {
  return useQuery({
    queryKey: queryKeys.lineage.of(practiceId),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{id}/lineage', { params: { path: { id: practiceId } } })),
  });
}

/** The practice's reviews as the caller may read them (blind rules are the server's). */
export function useSheetReviews(practiceId: string) {
  return useQuery({
    queryKey: queryKeys.review.practiceReviews(practiceId),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{id}/reviews', { params: { path: { id: practiceId } } })),
    retry: false,
  });
}
