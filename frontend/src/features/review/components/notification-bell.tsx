import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Notification } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { formatRelativeTime } from '@/lib/format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useMarkNotificationsRead, useNotifications } from '../api/notifications';
import { notificationLink, notificationText } from './notification-text';

/**
 * The bell in the header: the number of unread notifications (polled every minute) and a
 * panel with the latest ones. Escape or a click elsewhere closes the panel.
 */
export function NotificationBell() {
  const { t, i18n } = useReviewTranslation();
  const notifications = useNotifications({ pageSize: 8, poll: true });
  const markRead = useMarkNotificationsRead();
  const [open, setOpen] = useState(false);
  const panelId = `nb${useId().replace(/:/g, '')}`;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const location = useLocation();

  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  // Close on navigation.
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (wrapperRef.current && !wrapperRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  return (
    <div className="rv-bell" ref={wrapperRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost btn-sm rv-bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        title={label}
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unread > 0 && (
          <span className="rv-bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {unread > 0 ? t('notifications.bellUnread', { count: unread }) : ''}
      </span>
      {open && (
        <div id={panelId} className="rv-bell-panel" role="region" aria-label={t('notifications.title')}>
          <div className="rv-bell-head">
            <h2 className="h3">{t('notifications.title')}</h2>
            {unread > 0 && (
              <Button size="sm" variant="link" pending={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
                {t('notifications.markAllRead')}
              </Button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="muted">{notifications.isError ? t('notifications.unavailable') : t('notifications.empty')}</p>
          ) : (
            <ul className="rv-notification-list">
              {items.map((n) => (
                <NotificationItem key={n.id} n={n} language={i18n.language} onOpen={() => setOpen(false)} compact />
              ))}
            </ul>
          )}
          <p className="rv-bell-foot">
            <Link to="/notifications" onClick={() => setOpen(false)}>
              {t('notifications.seeAll')}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}

export function NotificationItem({
  n,
  language,
  onOpen,
  compact = false,
}: {
  n: Notification;
  language: string;
  onOpen?: () => void;
  compact?: boolean;
}) {
  const { t } = useReviewTranslation();
  const markRead = useMarkNotificationsRead();
  const text = notificationText(n, t, language);
  const link = notificationLink(n);
  const unread = !n.read_at;
  const open = () => {
    if (unread) markRead.mutate([n.id]);
    onOpen?.();
  };
  return (
    <li className={`rv-notification${unread ? ' rv-notification-unread' : ''}${compact ? ' rv-notification-compact' : ''}`}>
      {unread && <span className="visually-hidden">{t('notifications.unreadMark')} </span>}
      {link ? (
        <Link to={link} onClick={open}>
          {text}
        </Link>
      ) : (
        <span>{text}</span>
      )}
      <span className="muted rv-notification-time">{formatRelativeTime(n.created_at, language)}</span>
    </li>
  );
}
