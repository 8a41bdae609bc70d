import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { programmeText } from '@/lib/vocabulary';
import type { Rubric } from '@/api/review-types';
import { Badge, BadgeList } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { FormAlert } from '@/components/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { formatDate } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useActivateRubric, useCreateRubric, useRubric, useRubrics } from '../api/rubrics';
import { RubricEditor } from './rubric-editor';
import { RubricTranslationsEditor } from './rubric-translations-editor';
import { RubricView } from './rubric-view';

const STATUS_TONES = { draft: 'neutral', active: 'success', retired: 'warning' } as const;

/** The programme's rubrics: list, view, edit drafts, activate, new versions. `/programmes/:id/rubrics`. */
export function RubricsTab() {
  const { t, i18n } = useReviewTranslation();
  const toast = useToast();
  const { programme, canCoordinate } = useProgrammeOutlet();
  const rubrics = useRubrics(programme.id);
  const activate = useActivateRubric();
  const create = useCreateRubric(programme.id);
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('rubric') ?? undefined;
  const editing = params.get('edit') === '1' && canCoordinate;
  const translating = params.get('translate') === '1' && canCoordinate;
  const selected = useRubric(selectedId);
  const detailRef = useRef<HTMLElement>(null);
  useDocumentTitle(`${t('rubrics.title')} · ${programmeText(programme, i18n.language).name}`);

  useEffect(() => {
    if (selectedId) detailRef.current?.focus();
  }, [selectedId, editing, translating]);

  const select = (id: string | null, mode?: 'edit' | 'translate') =>
    setParams(id ? (mode ? { rubric: id, [mode]: '1' } : { rubric: id }) : {});

  const newVersion = (r: Rubric) =>
    create.mutate(
      { body: { title: r.title, based_on: r.id }, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (result) => {
          toast.show(t('rubrics.versionCreated', { number: result.data.number }));
          select(result.data.id, 'edit');
        },
      },
    );

  const columns: Column<Rubric>[] = [
    {
      key: 'title',
      header: t('rubrics.rubric'),
      rowHeader: true,
      cell: (r) => (
        <>
          <Button variant="link" onClick={() => select(r.id)} aria-current={r.id === selectedId ? 'true' : undefined}>
            {r.title}
          </Button>{' '}
          <span className="muted">{t('rubrics.versionN', { number: r.number })}</span>
        </>
      ),
    },
    {
      key: 'status',
      header: t('rubrics.statusLabel'),
      cell: (r) => (
        <BadgeList>
          <Badge tone={STATUS_TONES[r.status]}>{t(`rubrics.status.${r.status}`)}</Badge>
          {r.in_use && <Badge tone="info">{t('rubrics.inUse')}</Badge>}
        </BadgeList>
      ),
    },
    { key: 'criteria', header: t('rubrics.criteria'), cell: (r) => r.criteria.length },
    { key: 'updated', header: t('rubrics.updated'), cell: (r) => formatDate(r.updated_at, i18n.language) },
  ];
  if (canCoordinate) {
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'cell-actions',
      cell: (r) => (
        <div className="row-actions">
          {!r.in_use && r.status !== 'retired' && (
            <Button size="sm" onClick={() => select(r.id, 'edit')} aria-label={t('rubrics.editNamed', { title: r.title, number: r.number })}>
              {t('actions.edit')}
            </Button>
          )}
          <Button size="sm" onClick={() => select(r.id, 'translate')} aria-label={t('rubrics.translateNamed', { title: r.title, number: r.number })}>
            {t('rubrics.translate')}
          </Button>
          {r.status !== 'active' && (
            <Button
              size="sm"
              pending={activate.isPending && activate.variables === r.id}
              aria-label={t('rubrics.activateNamed', { title: r.title, number: r.number })}
              onClick={() =>
                activate.mutate(r.id, { onSuccess: () => toast.show(t('rubrics.activated', { number: r.number })) })
              }
            >
              {t('rubrics.activate')}
            </Button>
          )}
          <Button
            size="sm"
            pending={create.isPending && create.variables?.body.based_on === r.id}
            aria-label={t('rubrics.newVersionNamed', { title: r.title, number: r.number })}
            onClick={() => newVersion(r)}
          >
            {t('rubrics.newVersion')}
          </Button>
        </div>
      ),
    });
  }

  return (
    <div className="stack-lg">
      <section aria-labelledby="rubrics-heading">
        <div className="section-header">
          <h2 id="rubrics-heading">{t('rubrics.title')}</h2>
        </div>
        <p className="section-lead muted">{t('rubrics.lead')}</p>
        <FormAlert
          message={
            activate.isError ? describeError(activate.error, t) : create.isError ? describeError(create.error, t) : null
          }
        />
        {rubrics.isPending ? (
          <LoadingState />
        ) : rubrics.isError ? (
          <ErrorState error={rubrics.error} onRetry={() => void rubrics.refetch()} />
        ) : rubrics.data.items.length === 0 ? (
          <EmptyState title={t('rubrics.empty')} />
        ) : (
          <DataTable
            caption={t('rubrics.caption', { programme: programmeText(programme, i18n.language).name })}
            captionHidden
            columns={columns}
            rows={rubrics.data.items}
            rowKey={(r) => r.id}
            busy={rubrics.isFetching}
          />
        )}
      </section>

      {selectedId && (
        <section ref={detailRef} tabIndex={-1} className="card rv-rubric-detail" aria-labelledby="rubric-detail-title">
          {selected.isPending ? (
            <LoadingState />
          ) : selected.isError ? (
            <ErrorState error={selected.error} onRetry={() => void selected.refetch()} />
          ) : (
            <>
              <div className="section-header">
                <h2 id="rubric-detail-title">
                  {selected.data.data.title} <span className="muted">{t('rubrics.versionN', { number: selected.data.data.number })}</span>
                </h2>
                <Button variant="ghost" onClick={() => select(null)}>
                  {t('actions.close')}
                </Button>
              </div>
              {selected.data.data.in_use && <p className="alert alert-info">{t('rubrics.inUseNote')}</p>}
              {editing && !selected.data.data.in_use ? (
                <RubricEditor
                  key={selected.data.data.version}
                  programmeId={programme.id}
                  rubric={selected.data}
                  onDone={() => select(selected.data.data.id)}
                  onStale={() => void selected.refetch()}
                  onCreated={(id) => select(id, 'edit')}
                />
              ) : translating ? (
                <RubricTranslationsEditor
                  key={selected.data.data.version}
                  programmeId={programme.id}
                  rubric={selected.data}
                  onDone={() => select(selected.data.data.id)}
                  onStale={() => void selected.refetch()}
                />
              ) : (
                <RubricView rubric={selected.data.data} />
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
