import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { LearningProfile, LearningProfileInput, Versioned } from '@/api/types';

/** The learning profile of the caller's organisation (or, for coordinators, of organisationId). */
export function useLearningProfile(programmeId: string, organisationId?: string) {
  return useQuery({
    queryKey: queryKeys.learning.profile(programmeId, organisationId),
    queryFn: () =>
      unwrapVersioned(
        api.GET('/api/v1/programmes/{id}/learning-profile', {
          params: { path: { id: programmeId }, query: organisationId ? { organisation_id: organisationId } : {} },
        }),
      ),
  });
}

/** Replaces the caller's organisation's profile; a stale ETag is a 412 the page explains. */
export function useSaveLearningProfile(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: LearningProfileInput; etag: string }) =>
      unwrapVersioned(
        api.PUT('/api/v1/programmes/{id}/learning-profile', { params: { path: { id: programmeId }, header: { 'If-Match': etag } }, body }),
      ),
    onSuccess: (result: Versioned<LearningProfile>) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.learning.programmeAll(programmeId) });
      queryClient.setQueryData(queryKeys.learning.profile(programmeId), result);
    },
  });
}

export function useMatches(programmeId: string) {
  return useQuery({
    queryKey: queryKeys.learning.matches(programmeId),
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}/matches', { params: { path: { id: programmeId } } })),
  });
}

export function useLearningMap(programmeId: string) {
  return useQuery({
    queryKey: queryKeys.learning.map(programmeId),
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}/learning-map', { params: { path: { id: programmeId } } })),
  });
}
