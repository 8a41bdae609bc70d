import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMediaQuery } from '@/lib/use-media-query';
import { useReviewTranslation } from '@/lib/use-review-translation';

/** From this width the practice and the review stand side by side (see review.css). */
export const SIDE_BY_SIDE = '(min-width: 80rem)';

type View = 'practice' | 'review';
const VIEWS: View[] = ['practice', 'review'];

/**
 * The review page's body: on wide screens the practice (`reading`) and the form (`review`) in two
 * columns that scroll on their own, with `aside` (save status, checklist, submit) beside them; on
 * narrower screens a "Practice" / "Review" switch (an ARIA tab list, kept at the top of the window)
 * between the two, the aside going with the review. Both are always rendered and each view comes
 * back where it was left, so switching keeps the reading position; every field stays where the
 * checklist's links can reach it. More panels for the review column go inside `review`, more for
 * the aside inside `aside`.
 */
export function ReviewWorkspace({ reading, readingLabelledBy, review, aside }: { reading: ReactNode; readingLabelledBy: string; review: ReactNode; aside: ReactNode }) {
  const { t } = useReviewTranslation();
  const wide = useMediaQuery(SIDE_BY_SIDE);
  const [view, setView] = useState<View>('review');
  const tabs = useRef<Record<View, HTMLButtonElement | null>>({ practice: null, review: null });

  // Narrow, both views share the page's scroll: each view gets back where its reader left it.
  const positions = useRef<Partial<Record<View, number>>>({});
  const switched = useRef(false);
  const switchRef = useRef<HTMLDivElement>(null);
  const choose = (next: View) => {
    if (next !== view) {
      positions.current[view] = window.scrollY;
      switched.current = true;
    }
    setView(next);
    tabs.current[next]?.focus({ preventScroll: true });
  };
  useLayoutEffect(() => {
    if (wide || !switched.current) return;
    switched.current = false;
    const panel = document.getElementById(`rv-panel-${view}`);
    if (!panel) return;
    // A view not read yet starts at its top, just under the switch (which sticks to the window's top).
    const start = panel.getBoundingClientRect().top + window.scrollY - (switchRef.current?.getBoundingClientRect().height ?? 0);
    const target = positions.current[view] ?? Math.min(window.scrollY, start);
    if (Math.abs(window.scrollY - target) > 1) window.scrollTo({ top: target });
  }, [view, wide]);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = VIEWS.indexOf(view);
    const next =
      e.key === 'ArrowRight' ? VIEWS[(i + 1) % VIEWS.length] : e.key === 'ArrowLeft' ? VIEWS[(i + VIEWS.length - 1) % VIEWS.length] : e.key === 'Home' ? VIEWS[0] : e.key === 'End' ? VIEWS[VIEWS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    choose(next);
  };
  const label: Record<View, string> = { practice: t('form.workspace.practiceTab'), review: t('form.workspace.reviewTab') };
  const panel = (v: View) =>
    wide ? {} : { role: 'tabpanel', id: `rv-panel-${v}`, 'aria-labelledby': `rv-tab-${v}`, hidden: view !== v, tabIndex: v === 'practice' ? 0 : undefined };

  return (
    <div className="rv-workspace" data-layout={wide ? 'side-by-side' : 'switch'}>
      {!wide && (
        <div ref={switchRef} role="tablist" aria-label={t('form.workspace.switchLabel')} className="rv-switch" onKeyDown={onKeyDown}>
          {VIEWS.map((v) => (
            <button
              key={v}
              ref={(el) => {
                tabs.current[v] = el;
              }}
              type="button"
              role="tab"
              id={`rv-tab-${v}`}
              aria-selected={view === v}
              aria-controls={`rv-panel-${v}`}
              tabIndex={view === v ? 0 : -1}
              className="rv-switch-tab"
              onClick={() => choose(v)}
            >
              {label[v]}
            </button>
          ))}
        </div>
      )}
      {/* Side by side, each column is a named region that scrolls by itself (and by keyboard, hence tabIndex). */}
      <div className="rv-reading-panel" {...panel('practice')}>
        <section className="rv-pane rv-pane-reading" aria-labelledby={readingLabelledBy} tabIndex={wide ? 0 : undefined}>
          {reading}
        </section>
      </div>
      <div className="rv-review-panel" {...panel('review')}>
        <section className="rv-pane rv-pane-review" aria-label={t('form.workspace.reviewColumn')} tabIndex={wide ? 0 : undefined}>
          {review}
        </section>
        {aside}
      </div>
    </div>
  );
}
