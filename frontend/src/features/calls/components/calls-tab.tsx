import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '@/api/errors';
import type { Call, Keyed } from '@/api/types';
import { Badge, BadgeList } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';
import { formatDate } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePageParam } from '@/lib/use-page-param';
import { useVocabulary } from '@/lib/vocabulary';
import { useCall, useCalls, useCreateCall, useUpdateCall } from '../api/calls';
import { CallForm } from './call-form';
import { CallStateBadge } from './call-state-badge';

/** The programme's calls for practices: `/programmes/:id/calls`. Members read; coordinators publish and edit. */
export function CallsTab() {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const { programme, canCoordinate } = useProgrammeOutlet();
  const [page, setPage] = usePageParam();
  const calls = useCalls(programme.id, page);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Call | null>(null);
  const programmeName = vocabulary.programme(programme).name;
  useDocumentTitle(`${t('calls.title')} · ${programmeName}`);

  const columns: Column<Call>[] = [
    {
      key: 'title',
      header: t('calls.columns.title'),
      rowHeader: true,
      cell: (c) => (
        <>
          <span className="call-title">{c.title}</span>
          {c.description && <span className="call-description muted">{c.description}</span>}
        </>
      ),
    },
    { key: 'state', header: t('calls.columns.state'), cell: (c) => <CallStateBadge state={c.state} /> },
    {
      key: 'window',
      header: t('calls.columns.window'),
      cell: (c) => t('calls.window', { from: formatDate(c.opens_at, i18n.language), to: formatDate(c.closes_at, i18n.language) }),
    },
    {
      key: 'themes',
      header: t('calls.columns.themes'),
      cell: (c) =>
        c.themes.length === 0 ? (
          <span className="muted">{t('calls.allThemes')}</span>
        ) : (
          <BadgeList>
            {c.themes.map((key) => (
              <Badge key={key}>{vocabulary.titleIn(programme.themes, key)}</Badge>
            ))}
          </BadgeList>
        ),
    },
    { key: 'submitted', header: t('calls.columns.submitted'), cell: (c) => t('calls.submittedCount', { count: c.submitted_practices }) },
  ];
  if (canCoordinate) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      cell: (c) => (
        <div className="call-actions">
          <Button onClick={() => setEditing(c)} aria-label={t('actions.editNamed', { name: c.title })}>
            {t('actions.edit')}
          </Button>
          <Link className="btn btn-secondary" to={`/programmes/${programme.id}/rounds?call=${c.id}`} aria-label={t('calls.roundFromNamed', { name: c.title })}>
            {t('calls.roundFrom')}
          </Link>
        </div>
      ),
    });
  }

  return (
    <section aria-labelledby="calls-heading">
      <div className="section-header">
        <h2 id="calls-heading">{t('calls.title')}</h2>
        {canCoordinate && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+ </span>
            {t('calls.new')}
          </Button>
        )}
      </div>
      <p className="section-lead muted">{t('calls.lead')}</p>
      {calls.isPending ? (
        <LoadingState />
      ) : calls.isError ? (
        <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <EmptyState title={t('calls.empty')}>{canCoordinate ? t('calls.emptyCoordinator') : t('calls.emptyMember')}</EmptyState>
      ) : (
        <DataTable
          caption={t('calls.caption', { programme: programmeName })}
          captionHidden
          columns={columns}
          rows={calls.data.items}
          rowKey={(c) => c.id}
          busy={calls.isFetching}
          pagination={{
            page: calls.data.page,
            pageSize: calls.data.page_size || DEFAULT_PAGE_SIZE,
            total: calls.data.total,
            onPageChange: setPage,
          }}
        />
      )}
      {creating && <NewCallDialog programmeId={programme.id} themes={programme.themes} onClose={() => setCreating(false)} />}
      {editing && <EditCallDialog id={editing.id} title={editing.title} themes={programme.themes} onClose={() => setEditing(null)} />}
    </section>
  );
}

function NewCallDialog({ programmeId, themes, onClose }: { programmeId: string; themes: readonly Keyed[]; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateCall(programmeId);
  const idempotency = useIdempotencyKey();
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('calls.newTitle')} size="lg">
      <CallForm
        themes={themes}
        submitLabel={t('calls.publish')}
        pending={create.isPending}
        onCancel={onClose}
        onSubmit={async (body) => {
          const result = await create.mutateAsync({ body, idempotencyKey: idempotency.forBody(body) });
          idempotency.reset();
          toast.show(t('calls.published', { title: result.data.title }));
          onClose();
        }}
      />
    </Dialog>
  );
}

function EditCallDialog({ id, title, themes, onClose }: { id: string; title: string; themes: readonly Keyed[]; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const call = useCall(id);
  const update = useUpdateCall(id);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('calls.editTitle', { title })} size="lg">
      {call.isPending ? (
        <LoadingState />
      ) : call.isError ? (
        <ErrorState error={call.error} onRetry={() => void call.refetch()} />
      ) : (
        // A new version (after someone else's change) re-initialises the form with fresh values.
        <CallForm
          key={call.data.data.version}
          themes={themes}
          initial={call.data.data}
          notice={notice}
          submitLabel={t('actions.saveChanges')}
          pending={update.isPending}
          onCancel={onClose}
          onSubmit={async (body) => {
            await update.mutateAsync({ body, etag: call.data.etag });
            toast.show(t('calls.saved'));
            onClose();
          }}
          describeFailure={(error) => {
            if (isApiError(error) && (error.status === 412 || error.status === 428)) {
              setNotice(t('calls.stale'));
              void call.refetch();
              return t('calls.stale');
            }
            return undefined;
          }}
        />
      )}
    </Dialog>
  );
}
