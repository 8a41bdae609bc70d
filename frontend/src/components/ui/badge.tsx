import type { ReactNode } from 'react';

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent' }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function BadgeList({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <span className="badge-list" aria-label={label} role={label ? 'group' : undefined}>
      {children}
    </span>
  );
}
