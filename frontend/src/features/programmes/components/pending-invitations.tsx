import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '@/api/types';
import { Badge, BadgeList } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';
import { formatDate } from '@/lib/format';
import { usePendingInvitations } from '../api/invitations';

export function PendingInvitations({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const invitations = usePendingInvitations(programmeId, page, true);

  const columns: Column<Invitation>[] = [
    { key: 'email', header: t('fields.email'), rowHeader: true, cell: (i) => i.email },
    { key: 'name', header: t('fields.name'), cell: (i) => i.name || <span className="muted">—</span> },
    {
      key: 'roles',
      header: t('fields.roles'),
      cell: (i) => (
        <BadgeList>
          {i.roles.map((r) => (
            <Badge key={r}>{t(`roles.${r}`)}</Badge>
          ))}
        </BadgeList>
      ),
    },
    { key: 'created', header: t('invitations.sent'), cell: (i) => formatDate(i.created_at, i18n.language) },
    { key: 'expires', header: t('invitations.expires'), cell: (i) => formatDate(i.expires_at, i18n.language) },
  ];

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('invitations.pendingTitle')}</h2>
      {invitations.isPending ? (
        <LoadingState />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.items.length === 0 ? (
        <EmptyState title={t('invitations.none')} />
      ) : (
        <DataTable
          caption={t('invitations.pendingTitle')}
          captionHidden
          columns={columns}
          rows={invitations.data.items}
          rowKey={(i) => i.id}
          busy={invitations.isFetching}
          pagination={{
            page: invitations.data.page,
            pageSize: invitations.data.page_size || DEFAULT_PAGE_SIZE,
            total: invitations.data.total,
            onPageChange: setPage,
          }}
        />
      )}
    </section>
  );
}
