import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { programmeText } from '@/lib/vocabulary';
import type { Round, RoundStatus } from '@/api/review-types';
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
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useCreateRound, useRoundCalls, useRounds } from '../api/rounds';
import { useRubrics } from '../api/rubrics';
import { RoundForm } from './round-form';

export const ROUND_TONES: Record<RoundStatus, 'neutral' | 'info' | 'warning' | 'success'> = {
  draft: 'neutral',
  open: 'info',
  closed: 'warning',
  rebuttal: 'info',
  decided: 'success',
};

/** The programme's review rounds (coordinators): `/programmes/:id/rounds`. */
export function RoundsTab() {
  const { t, i18n } = useReviewTranslation();
  const { programme, canCoordinate } = useProgrammeOutlet();
  const [page, setPage] = usePageParam();
  const rounds = useRounds(programme.id, page);
  // A call's "create round" link arrives with ?call=<id>: the form opens with that call chosen.
  const [params, setParams] = useSearchParams();
  const fromCall = params.get('call') ?? '';
  const [creating, setCreating] = useState(!!fromCall);
  const closeNew = () => {
    setCreating(false);
    if (fromCall) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('call');
          return next;
        },
        { replace: true },
      );
    }
  };
  useDocumentTitle(`${t('rounds.title')} · ${programmeText(programme, i18n.language).name}`);

  if (!canCoordinate) return <EmptyState title={t('rounds.coordinatorsOnly')} />;

  const columns: Column<Round>[] = [
    {
      key: 'name',
      header: t('rounds.name'),
      rowHeader: true,
      cell: (r) => <Link to={`/rounds/${r.id}`}>{r.name}</Link>,
    },
    { key: 'status', header: t('rounds.status'), cell: (r) => <Badge tone={ROUND_TONES[r.status]}>{t(`status.round.${r.status}`)}</Badge> },
    { key: 'practices', header: t('rounds.practices'), cell: (r) => t('rounds.practiceCount', { count: r.practice_count }) },
    { key: 'due', header: t('rounds.due'), cell: (r) => formatDate(r.due_at, i18n.language) },
    {
      key: 'rules',
      header: t('rounds.rules'),
      cell: (r) => (
        <BadgeList>
          <Badge>{t('rounds.perPractice', { count: r.reviewers_per_practice })}</Badge>
          {r.blind && <Badge tone="accent">{t('rounds.blind')}</Badge>}
          {r.cross_border && <Badge tone="accent">{t('rounds.crossBorder')}</Badge>}
        </BadgeList>
      ),
    },
  ];

  return (
    <section aria-labelledby="rounds-heading">
      <div className="section-header">
        <h2 id="rounds-heading">{t('rounds.title')}</h2>
        <Button variant="primary" onClick={() => setCreating(true)}>
          <span aria-hidden="true">+ </span>
          {t('rounds.new')}
        </Button>
      </div>
      <p className="section-lead muted">{t('rounds.lead')}</p>
      {rounds.isPending ? (
        <LoadingState />
      ) : rounds.isError ? (
        <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : rounds.data.items.length === 0 ? (
        <EmptyState title={t('rounds.empty')}>{t('rounds.emptyText')}</EmptyState>
      ) : (
        <DataTable
          caption={t('rounds.caption', { programme: programmeText(programme, i18n.language).name })}
          captionHidden
          columns={columns}
          rows={rounds.data.items}
          rowKey={(r) => r.id}
          busy={rounds.isFetching}
          pagination={{
            page: rounds.data.page,
            pageSize: rounds.data.page_size || DEFAULT_PAGE_SIZE,
            total: rounds.data.total,
            onPageChange: setPage,
          }}
        />
      )}
      {creating && <NewRoundDialog programmeId={programme.id} callId={fromCall} onClose={closeNew} />}
    </section>
  );
}

function NewRoundDialog({ programmeId, callId, onClose }: { programmeId: string; callId: string; onClose: () => void }) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const rubrics = useRubrics(programmeId);
  const calls = useRoundCalls(programmeId);
  const create = useCreateRound(programmeId);
  const idempotency = useIdempotencyKey();
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('rounds.newTitle')} size="lg">
      {rubrics.isPending || calls.isPending ? (
        <LoadingState />
      ) : rubrics.isError ? (
        <ErrorState error={rubrics.error} onRetry={() => void rubrics.refetch()} />
      ) : (
        <RoundForm
          rubrics={rubrics.data.items}
          calls={calls.data?.items ?? []}
          initialCallId={callId}
          submitLabel={t('rounds.create')}
          pending={create.isPending}
          onCancel={onClose}
          onSubmit={async (body) => {
            const result = await create.mutateAsync({ body, idempotencyKey: idempotency.forBody(body) });
            idempotency.reset();
            toast.show(t('rounds.created', { name: result.data.name }));
            onClose();
            navigate(`/rounds/${result.data.id}`);
          }}
        />
      )}
    </Dialog>
  );
}
