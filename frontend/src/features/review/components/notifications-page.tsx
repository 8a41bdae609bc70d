import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePageParam } from '@/lib/use-page-param';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useMarkNotificationsRead, useNotifications } from '../api/notifications';
import { NotificationItem } from './notification-bell';
import { NotificationPreferencesForm } from './notification-preferences-form';

const PAGE_SIZE = 20;

/** All notifications, with "mark all read" and the e-mail preference: `/notifications`. */
export function NotificationsPage() {
  const { t, i18n } = useReviewTranslation();
  const [page, setPage] = usePageParam();
  const notifications = useNotifications({ page, pageSize: PAGE_SIZE });
  const markRead = useMarkNotificationsRead();
  useDocumentTitle(t('notifications.title'));
  const unread = notifications.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        lead={t('notifications.lead')}
        actions={
          unread > 0 && (
            <Button onClick={() => markRead.mutate(undefined)} pending={markRead.isPending} pendingLabel={t('actions.working')}>
              {t('notifications.markAllRead')}
            </Button>
          )
        }
      />
      <div className="stack-lg">
        <section aria-labelledby="rv-notifications-list">
          <h2 id="rv-notifications-list" className="visually-hidden">
            {t('notifications.title')}
          </h2>
          <p className="muted" role="status" aria-live="polite">
            {notifications.data ? t('notifications.unreadCount', { count: unread }) : ''}
          </p>
          {notifications.isPending ? (
            <LoadingState />
          ) : notifications.isError ? (
            <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
          ) : notifications.data.items.length === 0 ? (
            <EmptyState title={t('notifications.empty')} />
          ) : (
            <>
              <ul className="rv-notification-list card">
                {notifications.data.items.map((n) => (
                  <NotificationItem key={n.id} n={n} language={i18n.language} />
                ))}
              </ul>
              <Pagination
                page={notifications.data.page}
                pageSize={notifications.data.page_size || PAGE_SIZE}
                total={notifications.data.total}
                totalIsEstimate={notifications.data.total_is_estimate}
                onPageChange={setPage}
              />
            </>
          )}
        </section>
        <section className="card" aria-labelledby="rv-preferences-title">
          <h2 id="rv-preferences-title">{t('preferences.title')}</h2>
          <NotificationPreferencesForm />
        </section>
      </div>
    </>
  );
}
