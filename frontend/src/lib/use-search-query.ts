import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The search text of a list, kept in the URL (`?q=`); a new search starts again at page 1. */
export function useSearchQuery(name = 'q'): [string, (q: string) => void] {
  const [params, setParams] = useSearchParams();
  const q = params.get(name) ?? '';
  const setQ = useCallback(
    (next: string) =>
      setParams((prev) => {
        const copy = new URLSearchParams(prev);
        copy.delete('page');
        if (next) copy.set(name, next);
        else copy.delete(name);
        return copy;
      }),
    [name, setParams],
  );
  return [q, setQ];
}
