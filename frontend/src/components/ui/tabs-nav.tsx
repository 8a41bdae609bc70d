import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A row of tabs (links, one per `<li>` child) that scrolls sideways when the labels do not fit,
 * as happens in Dutch, French and German: faded edges and arrow buttons show that more tabs lie
 * beyond the edge. Keyboard users reach every tab with Tab (the browser scrolls it into view);
 * the arrows are a pointer convenience and stay out of the tab order. The current tab is
 * scrolled into view when the page opens.
 */
export function TabsNav({ label, children }: { label: string; children: ReactNode }) {
  const listRef = useRef<HTMLUListElement>(null);
  const [edges, setEdges] = useState({ before: false, after: false });

  const update = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const before = list.scrollLeft > 1;
    const after = list.scrollLeft + list.clientWidth < list.scrollWidth - 1;
    setEdges((e) => (e.before === before && e.after === after ? e : { before, after }));
  }, []);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const current = list.querySelector<HTMLElement>('[aria-current="page"]');
    if (current && list.scrollWidth > list.clientWidth) {
      const start = current.offsetLeft - list.offsetLeft;
      if (start + current.offsetWidth > list.scrollLeft + list.clientWidth || start < list.scrollLeft) {
        list.scrollLeft = Math.max(0, start - 24);
      }
    }
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(list);
    return () => observer.disconnect();
  }, [children, update]);

  const scrollBy = (direction: 1 | -1) => {
    const list = listRef.current;
    if (list) list.scrollBy({ left: direction * list.clientWidth * 0.7, behavior: 'smooth' });
  };

  return (
    <nav className="tabs" aria-label={label} data-more-before={edges.before || undefined} data-more-after={edges.after || undefined}>
      <ul ref={listRef} onScroll={update}>
        {children}
      </ul>
      {edges.before && (
        <button type="button" className="tabs-arrow tabs-arrow-before" tabIndex={-1} aria-hidden="true" onClick={() => scrollBy(-1)}>
          ‹
        </button>
      )}
      {edges.after && (
        <button type="button" className="tabs-arrow tabs-arrow-after" tabIndex={-1} aria-hidden="true" onClick={() => scrollBy(1)}>
          ›
        </button>
      )}
    </nav>
  );
}
