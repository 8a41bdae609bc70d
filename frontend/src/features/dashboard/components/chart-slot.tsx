import { Suspense, type ReactNode } from 'react';
import { useInView } from '@/lib/use-in-view';

/**
 * The place of a chart: its height is reserved from the start, so nothing below moves when it
 * appears, and the chart (its code and its drawing) is only fetched and rendered once the place
 * is scrolled near the viewport.
 */
export function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  const [ref, inView] = useInView<HTMLDivElement>();
  return (
    <div ref={ref} className="chart-slot" style={{ height }}>
      {inView && <Suspense fallback={null}>{children}</Suspense>}
    </div>
  );
}
