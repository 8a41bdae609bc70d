import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapVersioned, unwrapWithEtag } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { operations } from '@/api/schema';
import type { Practice, PracticeInput, PracticePatch, TranslationInput, Versioned } from '@/api/types';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

/** The search of a programme's catalogue, as kept in the URL. */
export interface PracticeSearch {
  q?: string;
  country?: string;
  theme?: string;
  target_group?: string;
  status?: string;
  evidence_level?: string;
  language?: string;
  sort?: string;
  page: number;
}

type ListQuery = operations['listPractices']['parameters']['query'];

/** Drops empty values, so the request carries only the filters in use. */
function definedOnly<T extends object>(params: T): Partial<T> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

export function usePracticeSearch(programmeId: string, search: PracticeSearch, pageSize = DEFAULT_PAGE_SIZE) {
  const query = definedOnly({ ...search, page_size: pageSize }) as ListQuery;
  return useQuery({
    queryKey: queryKeys.practices.list(programmeId, query ?? {}),
    queryFn: () => unwrap(api.GET('/api/v1/programmes/{id}/practices', { params: { path: { id: programmeId }, query } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The programme a practice belongs to (themes, target groups, languages, the caller's roles).
 * Shares the programme page's cache entry, so it holds the same `{data, etag}` shape.
 */
export function usePracticeProgramme(programmeId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.programmes.detail(programmeId ?? ''),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/programmes/{id}', { params: { path: { id: programmeId ?? '' } } })),
    enabled: !!programmeId,
  });
}

/**
 * The signed-in person's profile with their organisation (for the country a new practice runs
 * in). Shares the account page's cache entry and shape.
 */
export function useOwnProfile() {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: () => unwrap(api.GET('/api/v1/me')),
  });
}

export function fetchPractice(id: string): Promise<Versioned<Practice>> {
  return unwrapVersioned(api.GET('/api/v1/practices/{id}', { params: { path: { id } } }));
}

export function usePractice(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.practices.detail(id),
    queryFn: () => fetchPractice(id),
    enabled: options.enabled ?? true,
  });
}

/** Stores a fresh copy of a practice (after a change) and marks the lists stale. */
export function storePractice(queryClient: QueryClient, result: Versioned<Practice>) {
  queryClient.setQueryData(queryKeys.practices.detail(result.data.id), result);
  void queryClient.invalidateQueries({ queryKey: queryKeys.practices.lists() });
}

export function patchPractice(id: string, body: PracticePatch, etag: string): Promise<Versioned<Practice>> {
  return unwrapVersioned(api.PATCH('/api/v1/practices/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
}

export function useCreatePractice(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PracticeInput; idempotencyKey: string }) =>
      unwrapVersioned(
        api.POST('/api/v1/programmes/{id}/practices', {
          params: { path: { id: programmeId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: (result) => storePractice(queryClient, result),
  });
}

export type LifecycleAction = 'submit' | 'withdraw' | 'reopen';

export function runLifecycleAction(id: string, action: LifecycleAction): Promise<Versioned<Practice>> {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'submit':
      return unwrapVersioned(api.POST('/api/v1/practices/{id}/submit', params));
    case 'withdraw':
      return unwrapVersioned(api.POST('/api/v1/practices/{id}/withdraw', params));
    case 'reopen':
      return unwrapVersioned(api.POST('/api/v1/practices/{id}/reopen', params));
  }
}

/** Submit, withdraw or reopen: each answers with the practice in its new state. */
export function useLifecycleAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: LifecycleAction) => runLifecycleAction(id, action),
    onSuccess: (result) => {
      storePractice(queryClient, result);
      // A submission freezes a revision.
      void queryClient.invalidateQueries({ queryKey: queryKeys.practices.revisions(id) });
    },
  });
}

export function useDeletePractice(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/practices/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.practices.detail(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.practices.lists() });
    },
  });
}

export function useRevisions(id: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.practices.revisions(id),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{id}/revisions', { params: { path: { id } } })),
    enabled,
  });
}

export function useRevisionComparison(id: string, n: number | null, compareTo: number | null) {
  return useQuery({
    queryKey: queryKeys.practices.revision(id, n ?? 0, compareTo ?? undefined),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/practices/{id}/revisions/{n}', {
          params: { path: { id, n: n ?? 0 }, query: compareTo ? { compare_to: compareTo } : {} },
        }),
      ),
    enabled: !!n && !!compareTo,
  });
}

/** Writes a translation under the practice's ETag; the answer's ETag is the practice's new one. */
export function putTranslation(id: string, lang: string, body: TranslationInput, etag: string) {
  return unwrapWithEtag(
    api.PUT('/api/v1/practices/{id}/translations/{lang}', {
      params: { path: { id, lang }, header: { 'If-Match': etag } },
      body,
    }),
  );
}

/** Enough calls of a programme for a choice in the practice editor (a programme has a handful). */
export function useProgrammeCalls(programmeId: string) {
  const pageSize = 100;
  return useQuery({
    queryKey: queryKeys.calls.list(programmeId, { page: 1, pageSize }),
    queryFn: () =>
      unwrap(api.GET('/api/v1/programmes/{id}/calls', { params: { path: { id: programmeId }, query: { page: 1, page_size: pageSize } } })),
  });
}

/** The call a practice answers, for its page. */
export function usePracticeCall(callId: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.calls.detail(callId ?? ''),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/calls/{id}', { params: { path: { id: callId ?? '' } } })),
    enabled: !!callId,
  });
}
