import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';
import { formatDateTime } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePageParam } from '@/lib/use-page-param';
import { Pagination } from '@/components/ui/pagination';
import { type AuditFilters, useAudit, useMembersForFilter } from '../api/dashboard';
import type { AuditEntry } from '../api/types';
import { DASHBOARD_NAMESPACES } from '../dashboard-namespaces';

const OBJECT_TYPES = ['practice', 'adaptation', 'product', 'assignment', 'round', 'rubric', 'user', 'invitation', 'programme', 'comment'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where an audited object can be opened, when it has a page. */
function objectLink(type: string, id: string): string | null {
  switch (type) {
    case 'practice':
      return `/practices/${id}`;
    case 'adaptation':
      return `/adaptations/${id}`;
    default:
      return null;
  }
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The changes of an entry as "field: before → after" lines. */
export function changeLines(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((key) => ({
    key,
    before: before && key in before ? valueText(before[key]) : null,
    after: after && key in after ? valueText(after[key]) : null,
  }));
}

function useAuditParams() {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {};
  const type = params.get('object_type');
  const action = params.get('action');
  const objectId = params.get('object_id');
  const actor = params.get('actor_id');
  if (type) filters.object_type = type.slice(0, 40);
  if (action) filters.action = action.slice(0, 80);
  if (objectId && UUID.test(objectId)) filters.object_id = objectId;
  if (actor && UUID.test(actor)) filters.actor_id = actor;
  const apply = useCallback(
    (next: AuditFilters) =>
      setParams(() => {
        const p = new URLSearchParams();
        for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
        return p;
      }),
    [setParams],
  );
  return { filters, apply };
}

/** The programme's audit log: who did what, when, with the before and after of each change. */
export function AuditPage() {
  const { t, i18n } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const { programme, canCoordinate } = useProgrammeOutlet();
  const { filters, apply } = useAuditParams();
  const [page, setPage] = usePageParam();
  const audit = useAudit(programme.id, filters, page, DEFAULT_PAGE_SIZE);
  const members = useMembersForFilter(programme.id);
  useDocumentTitle(`${t('audit.title')} — ${programme.name}`);

  if (!canCoordinate) return <EmptyState title={t('dashboard.coordinatorsOnlyTitle')}>{t('audit.coordinatorsOnly')}</EmptyState>;

  return (
    <div className="audit-page">
      <div className="section-header">
        <div>
          <h2>{t('audit.title')}</h2>
          <p className="muted">{t('audit.lead')}</p>
        </div>
        <Link to={`/programmes/${programme.id}/dashboard`} className="btn btn-secondary">
          {t('audit.backToDashboard')}
        </Link>
      </div>
      <AuditFilterForm
        key={JSON.stringify(filters)}
        initial={filters}
        members={(members.data?.items ?? []).map((m) => ({ id: m.user_id, name: m.name }))}
        onApply={apply}
      />
      {audit.isPending ? (
        <LoadingState />
      ) : audit.isError ? (
        isApiError(audit.error) && audit.error.status === 403 ? (
          <EmptyState title={t('dashboard.coordinatorsOnlyTitle')}>{t('audit.coordinatorsOnly')}</EmptyState>
        ) : (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        )
      ) : audit.data.items.length === 0 ? (
        <EmptyState title={t('audit.emptyTitle')}>{Object.keys(filters).length ? t('audit.noMatch') : t('audit.empty')}</EmptyState>
      ) : (
        <>
          <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
            <table className="table audit-table" aria-busy={audit.isFetching || undefined}>
              <caption id="audit-caption" className="visually-hidden">
                {t('audit.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.columns.when')}</th>
                  <th scope="col">{t('audit.columns.who')}</th>
                  <th scope="col">{t('audit.columns.action')}</th>
                  <th scope="col">{t('audit.columns.object')}</th>
                  <th scope="col">{t('audit.columns.change')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((e) => (
                  <AuditRow key={e.id} entry={e} language={i18n.language} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={audit.data.page} pageSize={audit.data.page_size || DEFAULT_PAGE_SIZE} total={audit.data.total} totalIsEstimate={audit.data.total_is_estimate} onPageChange={setPage} />
        </>
      )}
    </div>
  );
}

function AuditRow({ entry: e, language }: { entry: AuditEntry; language: string }) {
  const { t } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  // Stages and statuses in words; a source practice as a link.
  const show = (key: string, value: string) => {
    if (key === 'stage') return t(`stages.${value}`, { defaultValue: value });
    if (key === 'status') return t(`practiceStatuses.${value}`, { defaultValue: t(`newProducts.statuses.${value}`, { defaultValue: value }) });
    if (key === 'source_practice_id' && UUID.test(value)) return <Link to={`/practices/${value}`}>{t('audit.openPractice')}</Link>;
    return value;
  };
  const link = objectLink(e.object_type, e.object_id);
  const lines = changeLines(e.before as Record<string, unknown> | null, e.after as Record<string, unknown> | null);
  const actionLabel = t(`audit.actions.${e.action.replace(/\./g, '_')}`, { defaultValue: '' });
  return (
    <tr>
      <th scope="row">
        <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
      </th>
      <td>{e.actor_name || (e.actor_id ? t('audit.unknownActor') : t('audit.system'))}</td>
      <td>
        {actionLabel || e.action}
        {actionLabel && <code className="audit-code">{e.action}</code>}
      </td>
      <td>
        <span className="audit-type">{t(`audit.types.${e.object_type}`, { defaultValue: e.object_type })}</span>{' '}
        {link ? (
          <Link to={link}>
            <span className="visually-hidden">{t('audit.open')} </span>
            <code>{e.object_id.slice(0, 8)}</code>
          </Link>
        ) : (
          <code title={e.object_id}>{e.object_id.slice(0, 8)}</code>
        )}
      </td>
      <td>
        {lines.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="audit-changes">
            {lines.map((l) => (
              <li key={l.key}>
                <span className="audit-field">{t(`audit.fields.${l.key}`, { defaultValue: l.key })}:</span>{' '}
                {l.before !== null && (
                  <>
                    <del className="audit-before">
                      <span className="visually-hidden">{t('audit.before')} </span>
                      {show(l.key, l.before)}
                    </del>{' '}
                    <span aria-hidden="true">→ </span>
                  </>
                )}
                {l.after !== null ? (
                  <ins className="audit-after">
                    <span className="visually-hidden">{t('audit.after')} </span>
                    {show(l.key, l.after)}
                  </ins>
                ) : (
                  <span className="muted">{t('audit.removedValue')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

function AuditFilterForm({ initial, members, onApply }: { initial: AuditFilters; members: { id: string; name: string }[]; onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const [type, setType] = useState(initial.object_type ?? '');
  const [action, setAction] = useState(initial.action ?? '');
  const [objectId, setObjectId] = useState(initial.object_id ?? '');
  const [actor, setActor] = useState(initial.actor_id ?? '');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (objectId.trim() && !UUID.test(objectId.trim())) {
      setError(t('audit.badId'));
      return;
    }
    setError(undefined);
    onApply({ object_type: type, action: action.trim(), object_id: objectId.trim(), actor_id: actor });
  };
  return (
    <form className="tracker-filters audit-filters" role="search" aria-label={t('audit.filters')} onSubmit={submit} noValidate>
      <SelectField label={t('audit.filterType')} className="filter-field" value={type} onChange={(e) => setType(e.target.value)}>
        <option value="">{t('audit.allTypes')}</option>
        {OBJECT_TYPES.map((o) => (
          <option key={o} value={o}>
            {t(`audit.types.${o}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('audit.filterAction')} hint={t('audit.filterActionHint')} className="filter-field" value={action} maxLength={80} onChange={(e) => setAction(e.target.value)} />
      <SelectField label={t('audit.filterActor')} className="filter-field" value={actor} onChange={(e) => setActor(e.target.value)}>
        <option value="">{t('audit.allActors')}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('audit.filterObject')} className="filter-field" value={objectId} error={error} onChange={(e) => setObjectId(e.target.value)} />
      <div className="filter-actions">
        <Button type="submit" variant="primary">
          {t('audit.apply')}
        </Button>
        <Button
          onClick={() => {
            setType('');
            setAction('');
            setObjectId('');
            setActor('');
            setError(undefined);
            onApply({});
          }}
        >
          {t('audit.clear')}
        </Button>
      </div>
    </form>
  );
}
