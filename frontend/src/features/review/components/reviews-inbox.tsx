import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Assignment, AssignmentStatus } from '@/api/review-types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { isPast } from '@/lib/review-format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useAcceptAssignment, useMyAssignments, type InboxFilter } from '../api/assignments';
import { useBiddingRounds } from '../api/bids';
import { DeclineDialog } from './decline-dialog';
import { TabsNav } from '@/components/ui/tabs-nav';
import { NamedObject } from '@/components/ui/named-object';

const FILTERS: readonly InboxFilter[] = ['open', 'submitted', 'declined', 'all'];

export const ASSIGNMENT_TONES: Record<AssignmentStatus, 'info' | 'accent' | 'success' | 'neutral'> = {
  assigned: 'info',
  accepted: 'accent',
  submitted: 'success',
  declined: 'neutral',
};

/** The reviewer inbox: `/reviews`. */
export function ReviewsInbox() {
  const { t, i18n } = useReviewTranslation();
  const toast = useToast();
  const [params] = useSearchParams();
  const raw = params.get('show') as InboxFilter | null;
  const filter: InboxFilter = raw && FILTERS.includes(raw) ? raw : 'open';
  const assignments = useMyAssignments(filter);
  const accept = useAcceptAssignment();
  const [declining, setDeclining] = useState<Assignment | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  useDocumentTitle(t('inbox.title'));

  const columns: Column<Assignment>[] = [
    {
      key: 'practice',
      header: t('inbox.practice'),
      rowHeader: true,
      cell: (a) =>
        a.status === 'declined' ? (
          a.practice_title
        ) : (
          <Link to={`/reviews/${a.id}`}>{a.practice_title}</Link>
        ),
    },
    { key: 'round', header: t('inbox.round'), cell: (a) => a.round_name },
    {
      key: 'due',
      header: t('inbox.due'),
      cell: (a) => {
        const overdue = (a.status === 'assigned' || a.status === 'accepted') && isPast(a.due_at);
        return (
          <span className={overdue ? 'rv-overdue' : undefined} title={formatDateTime(a.due_at, i18n.language)}>
            {formatRelativeTime(a.due_at, i18n.language)}
            {overdue && <strong> · {t('inbox.overdue')}</strong>}
            <span className="visually-hidden"> ({formatDateTime(a.due_at, i18n.language)})</span>
          </span>
        );
      },
    },
    {
      key: 'status',
      header: t('inbox.status'),
      cell: (a) => <Badge tone={ASSIGNMENT_TONES[a.status]}>{t(`status.assignment.${a.status}`)}</Badge>,
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'cell-actions',
      cell: (a) => (
        <div className="row-actions">
          {a.status === 'assigned' && (
            <>
              <Button
                size="sm"
                variant="primary"
                pending={accept.isPending && accept.variables === a.id}
                onClick={() => {
                  setActionError(null);
                  accept.mutate(a.id, {
                    onSuccess: () => toast.show(t('inbox.accepted', { practice: a.practice_title ?? '' })),
                    onError: (error) => setActionError(describeError(error, t)),
                  });
                }}
              >
                {t('inbox.accept')}
<NamedObject name={a.practice_title} />
              </Button>
              <Button size="sm" onClick={() => setDeclining(a)}>
                {t('inbox.decline')}
<NamedObject name={a.practice_title} />
              </Button>
            </>
          )}
          {a.status === 'accepted' && (
            <Link className="btn btn-secondary btn-sm" to={`/reviews/${a.id}`}>
              {t('inbox.write')}
<NamedObject name={a.practice_title} />
            </Link>
          )}
          {a.status === 'submitted' && (
            <Link className="btn btn-ghost btn-sm" to={`/reviews/${a.id}`}>
              {t('inbox.view')}
<NamedObject name={a.practice_title} />
            </Link>
          )}
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('inbox.title')} lead={t('inbox.lead')} />
      <BiddingRounds />
      <TabsNav label={t('inbox.filters')}>
        {FILTERS.map((f) => (
          <li key={f}>
            <Link
              to={f === 'open' ? '/reviews' : `/reviews?show=${f}`}
              className={f === filter ? 'tab active' : 'tab'}
              aria-current={f === filter ? 'page' : undefined}
            >
              {t(`inbox.filter.${f}`)}
            </Link>
          </li>
        ))}
      </TabsNav>
      <div className="tab-panel">
        <div role="alert" className={actionError ? 'alert alert-error' : 'alert-empty'}>
          {actionError}
        </div>
        {assignments.isPending ? (
          <LoadingState />
        ) : assignments.isError ? (
          <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
        ) : assignments.data.items.length === 0 ? (
          <EmptyState title={t(`inbox.empty.${filter}`)}>{filter === 'open' ? t('inbox.emptyOpenText') : null}</EmptyState>
        ) : (
          <DataTable
            caption={t('inbox.caption')}
            captionHidden
            columns={columns}
            rows={assignments.data.items}
            rowKey={(a) => a.id}
            busy={assignments.isFetching}
          />
        )}
      </div>
      {declining && (
        <DeclineDialog assignment={declining} open onOpenChange={(open) => !open && setDeclining(null)} />
      )}
    </>
  );
}

/** The rounds the reviewer can bid in, each with a link to its bidding page; nothing when none. */
function BiddingRounds() {
  const { t, i18n } = useReviewTranslation();
  const rounds = useBiddingRounds();
  const items = rounds.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card rv-bidding-rounds" aria-labelledby="bidding-rounds-title">
      <h2 id="bidding-rounds-title" className="h3">
        {t('bidding.inboxTitle')}
      </h2>
      <p className="muted">{t('bidding.inboxLead')}</p>
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            <Link to={`/rounds/${r.id}/bidding`}>{t('bidding.inboxLink', { round: r.name })}</Link>{' '}
            <span className="muted">
              {t('bidding.inboxMeta', { count: r.practice_count, date: formatDateTime(r.due_at, i18n.language) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
