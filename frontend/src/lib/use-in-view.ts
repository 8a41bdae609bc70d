import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether the element has come within `rootMargin` of the viewport (once true, it stays true). For
 * work worth doing only when seen, such as fetching and drawing a chart. Where the browser has no
 * IntersectionObserver the answer is true at once.
 */
export function useInView<T extends Element>(rootMargin = '200px'): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (inView || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setInView(true);
          observer.disconnect();
        }
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [inView, rootMargin]);
  return [ref, inView];
}
