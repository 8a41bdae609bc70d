import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@/lib/describe-error';
import { Button } from './button';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner spinner-lg" aria-hidden="true" />
      <span>{label ?? t('states.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children && <div className="state-text">{children}</div>}
      {action && <div className="state-action">{action}</div>}
    </div>
  );
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title ?? t('states.errorTitle')}</p>
      <p className="state-text">{describeError(error, t)}</p>
      {onRetry && (
        <div className="state-action">
          <Button onClick={onRetry}>{t('actions.retry')}</Button>
        </div>
      )}
    </div>
  );
}
