import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingState } from '@/components/ui/states';

/**
 * A page whose code is fetched the first time it is shown, so the first visit downloads the app
 * shell and one page, not every page. Until the code arrives the page's place shows the localized
 * loading state; the header and navigation around it stay as they are.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page, whatever its props
export function lazyPage<C extends ComponentType<any>>(load: () => Promise<C>): C {
  const Lazy = lazy(async () => ({ default: (await load()) as ComponentType<Record<string, unknown>> }));
  const Page = (props: Record<string, unknown>) => (
    <Suspense fallback={<LoadingState />}>
      <Lazy {...props} />
    </Suspense>
  );
  return Page as unknown as C;
}
