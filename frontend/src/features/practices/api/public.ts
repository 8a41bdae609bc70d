import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import type { components, operations } from '@/api/schema';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

/** The search of the public catalogue, as kept in the URL. */
export interface PublicSearch {
  q?: string;
  country?: string;
  theme?: string;
  target_group?: string;
  evidence_level?: string;
  language?: string;
  /** A decision label: good_practice or promising_practice. */
  label?: string;
  programme_id?: string;
  /** The reader's language: practices translated into it carry the translation. */
  lang?: string;
  sort?: string;
  page: number;
}

type PublicQuery = operations['listPublicPractices']['parameters']['query'];

export function usePublicPractices(search: PublicSearch, pageSize = DEFAULT_PAGE_SIZE) {
  const query = Object.fromEntries(
    Object.entries({ ...search, page_size: pageSize }).filter(([, v]) => v !== undefined && v !== ''),
  ) as PublicQuery;
  return useQuery({
    queryKey: queryKeys.publicPractices.list(query ?? {}),
    queryFn: () => unwrap(api.GET('/api/v1/public/practices', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicPractice(id: string) {
  return useQuery({
    queryKey: queryKeys.publicPractices.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/public/practices/{id}', { params: { path: { id } } })),
  });
}

/** The themes and target groups the public catalogue can be filtered by. */
export function usePublicVocabulary() {
  return useQuery({
    queryKey: queryKeys.publicPractices.vocabulary(),
    queryFn: () => unwrap(api.GET('/api/v1/public/vocabulary')),
    staleTime: 5 * 60_000,
  });
}

/** A programme of the public catalogue: its description and vocabularies, titled in `lang`. */
export function usePublicProgramme(id: string | undefined, lang: string) {
  return useQuery({
    queryKey: queryKeys.publicPractices.programme(id ?? '', lang),
    queryFn: () => unwrap(api.GET('/api/v1/public/programmes/{id}', { params: { path: { id: id ?? '' }, query: { lang } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

export type PublicContact = components['schemas']['PublicContact'];

/** Sends a visitor's message to a practice's contact; the server answers 202 and never shows the address. */
export function useContactPractice(id: string) {
  return useMutation({
    mutationFn: (body: PublicContact): Promise<unknown> =>
      unwrap(api.POST('/api/v1/public/practices/{id}/contact', { params: { path: { id } }, body })),
  });
}
