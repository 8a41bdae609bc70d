import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeText } from '@/lib/vocabulary';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { CountrySelect } from '@/components/ui/country-select';
import { type Column, DataTable } from '@/components/ui/data-table';
import { SelectField } from '@/components/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';
import { formatDate } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePageParam } from '@/lib/use-page-param';
import { type AdaptationFilters, useAdaptations, usePublishedPractices } from '../api/adaptations';
import type { AdaptationSummary } from '../api/types';
import { FIDELITY_TONES, FRAME_FIDELITY, isStage, STAGE_TONES, STAGES } from './frame-vocabulary';
import { StageBoard } from './stage-board';

const BOARD_SIZE = 100;
const UUID = /^[0-9a-f-]{36}$/i;

/** The filters of the tracker, kept in the URL. */
function useTrackerParams() {
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage');
  const fidelity = params.get('fidelity');
  const country = params.get('country');
  const practice = params.get('practice');
  const filters: AdaptationFilters = {
    ...(isStage(stage) ? { stage } : {}),
    ...(fidelity && (FRAME_FIDELITY as readonly string[]).includes(fidelity) ? { fidelity: fidelity as AdaptationFilters['fidelity'] } : {}),
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
    ...(practice && UUID.test(practice) ? { source_practice_id: practice } : {}),
  };
  const view = params.get('view') === 'board' ? 'board' : 'table';
  const setParam = useCallback(
    (name: string, value: string) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.delete('page');
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      }),
    [setParams],
  );
  return { filters, view, setParam, raw: { stage: stage ?? '', fidelity: fidelity ?? '', country: country ?? '', practice: practice ?? '' } };
}

/** The adaptations tracker: a filtered table, or a board by stage. */
export function AdaptationsPage() {
  const { t, i18n } = useTranslation('exchange');
  const { programme } = useProgrammeOutlet();
  const { user } = useSession();
  const { filters, view, setParam, raw } = useTrackerParams();
  const [page, setPage] = usePageParam();
  const boardFilters = { ...filters };
  delete boardFilters.stage;
  const list = useAdaptations(programme.id, view === 'board' ? boardFilters : filters, view === 'board' ? 1 : page, view === 'board' ? BOARD_SIZE : DEFAULT_PAGE_SIZE);
  const practices = usePublishedPractices(programme.id);
  const canAdapt = !!user?.is_admin || programme.my_roles.includes('partner');
  useDocumentTitle(`${t('tracker.title')} — ${programmeText(programme, i18n.language).name}`);

  const columns: Column<AdaptationSummary>[] = [
    {
      key: 'title',
      header: t('tracker.columns.title'),
      rowHeader: true,
      cell: (a) => <Link to={`/adaptations/${a.id}`}>{a.title}</Link>,
    },
    {
      key: 'source',
      header: t('tracker.columns.source'),
      cell: (a) => <Link to={`/practices/${a.source_practice_id}`}>{a.source_practice_title ?? t('tracker.unknownPractice')}</Link>,
    },
    {
      key: 'flow',
      header: t('tracker.columns.flow'),
      cell: (a) => (
        <span className="country-flow">
          {a.source_country ?? '?'} <span aria-hidden="true">→</span>
          <span className="visually-hidden"> {t('tracker.to')} </span> {a.country}
        </span>
      ),
    },
    { key: 'organisation', header: t('tracker.columns.organisation'), cell: (a) => a.adopting_organisation.name },
    { key: 'stage', header: t('tracker.columns.stage'), cell: (a) => <Badge tone={STAGE_TONES[a.stage]}>{t(`stages.${a.stage}`)}</Badge> },
    {
      key: 'fidelity',
      header: t('tracker.columns.fidelity'),
      cell: (a) => <Badge tone={FIDELITY_TONES[a.frame.fidelity] ?? 'neutral'}>{t(`fidelity.values.${a.frame.fidelity}`)}</Badge>,
    },
    {
      key: 'followUp',
      header: t('tracker.columns.followUp'),
      cell: (a) => {
        const last = a.latest_outcome;
        return last ? t('tracker.followUp', { returned: last.returned_to_work, participants: last.participants }) : <span className="muted">{t('tracker.noFollowUp')}</span>;
      },
    },
    { key: 'updated', header: t('tracker.columns.updated'), cell: (a) => formatDate(a.updated_at, i18n.language) },
  ];

  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="adaptations-page">
      <div className="section-header">
        <div>
          <h2>{t('tracker.title')}</h2>
          <p className="muted">{t('tracker.lead')}</p>
        </div>
        {canAdapt && (
          <Link to={`/programmes/${programme.id}/adaptations/new`} className="btn btn-primary">
            <span aria-hidden="true">+ </span>
            {t('tracker.new')}
          </Link>
        )}
      </div>
      <form className="tracker-filters" role="search" aria-label={t('tracker.filters')} onSubmit={(e) => e.preventDefault()}>
        {view === 'table' && (
          <SelectField label={t('tracker.filterStage')} className="filter-field" value={raw.stage} onChange={(e) => setParam('stage', e.target.value)}>
            <option value="">{t('tracker.allStages')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </SelectField>
        )}
        <CountrySelect
          label={t('tracker.filterCountry')}
          className="filter-field"
          emptyLabel={t('tracker.allCountries')}
          value={raw.country}
          onChange={(e) => setParam('country', e.target.value)}
        />
        <SelectField label={t('tracker.filterFidelity')} className="filter-field" value={raw.fidelity} onChange={(e) => setParam('fidelity', e.target.value)}>
          <option value="">{t('tracker.allFidelity')}</option>
          {FRAME_FIDELITY.map((f) => (
            <option key={f} value={f}>
              {t(`fidelity.values.${f}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('tracker.filterPractice')} className="filter-field" value={raw.practice} onChange={(e) => setParam('practice', e.target.value)}>
          <option value="">{t('tracker.allPractices')}</option>
          {(practices.data?.items ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </SelectField>
      </form>
      <div className="view-switch" role="group" aria-label={t('tracker.view')}>
        <button type="button" className={`btn btn-sm ${view === 'table' ? 'btn-primary' : 'btn-secondary'}`} aria-pressed={view === 'table'} onClick={() => setParam('view', '')}>
          {t('tracker.table')}
        </button>
        <button type="button" className={`btn btn-sm ${view === 'board' ? 'btn-primary' : 'btn-secondary'}`} aria-pressed={view === 'board'} onClick={() => setParam('view', 'board')}>
          {t('tracker.board')}
        </button>
      </div>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 && view === 'table' ? (
        <EmptyState title={filtered ? t('tracker.noMatchTitle') : t('tracker.emptyTitle')}>{filtered ? t('tracker.noMatch') : t('tracker.empty')}</EmptyState>
      ) : view === 'board' ? (
        <>
          {list.data.total > list.data.items.length && <p className="alert alert-info">{t('tracker.boardLimit', { shown: list.data.items.length, total: list.data.total })}</p>}
          <StageBoard adaptations={list.data.items} />
        </>
      ) : (
        <DataTable
          caption={t('tracker.caption')}
          captionHidden
          columns={columns}
          rows={list.data.items}
          rowKey={(a) => a.id}
          busy={list.isFetching}
          pagination={{ page: list.data.page, pageSize: list.data.page_size || DEFAULT_PAGE_SIZE, total: list.data.total, totalIsEstimate: list.data.total_is_estimate, onPageChange: setPage }}
        />
      )}
    </div>
  );
}
