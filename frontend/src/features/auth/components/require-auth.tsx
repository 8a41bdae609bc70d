import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '@/components/ui/states';
import { useSession } from '@/lib/session';

/** Renders its children for signed-in people; sends everyone else to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') {
    return (
      <div className="container">
        <LoadingState />
      </div>
    );
  }
  if (status !== 'authenticated') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}${location.hash}` }} />;
  }
  return <>{children}</>;
}

/** Renders its children for administrators only; others get `fallback` (the not-found page). */
export function RequireAdmin({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { user } = useSession();
  return <>{user?.is_admin ? children : fallback}</>;
}
