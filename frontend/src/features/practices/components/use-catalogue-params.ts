import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The filters a catalogue keeps in its URL, next to `q`, `sort` and `page`. */
export const FILTER_KEYS = ['country', 'theme', 'target_group', 'status', 'evidence_level', 'language', 'organisation_id', 'label', 'programme_id'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Sort choices as they appear in the URL; each catalogue maps them onto the API's sort keys. */
export type SortChoice = 'relevance' | 'newest' | 'title';

/**
 * A catalogue's search, kept in the URL (`?q=…&theme=…&sort=title&page=2`) so that results can
 * be linked to and Back and Forward step through earlier searches. Any change but the page
 * starts again at page 1.
 */
export function useCatalogueParams() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const rawPage = Number(params.get('page'));
  const page = Number.isInteger(rawPage) && rawPage > 0 ? rawPage : 1;
  const filters = useMemo(() => {
    const out: Partial<Record<FilterKey, string>> = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params]);
  const requestedSort = params.get('sort');
  // Relevance only means something with search words; without them the newest come first.
  const sort: SortChoice = requestedSort === 'title' || requestedSort === 'newest' ? requestedSort : q ? 'relevance' : 'newest';

  const update = useCallback(
    (patch: Record<string, string | undefined>, keepPage = false) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!keepPage) next.delete('page');
        return next;
      }),
    [setParams],
  );

  return {
    q,
    page,
    sort,
    filters,
    hasFilters: Object.keys(filters).length > 0,
    setQ: (value: string) => update({ q: value || undefined }),
    setFilter: (key: FilterKey, value: string) => update({ [key]: value || undefined }),
    setSort: (value: SortChoice) => update({ sort: value }),
    setPage: (value: number) => update({ page: value > 1 ? String(value) : undefined }, true),
    clearFilters: () => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]))),
    clearAll: () => update({ q: undefined, sort: undefined, ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])) }),
  };
}
