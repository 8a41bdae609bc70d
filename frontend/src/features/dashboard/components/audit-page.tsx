import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';
import { formatDate, formatDateTime } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePageParam } from '@/lib/use-page-param';
import { Pagination } from '@/components/ui/pagination';
import { type AuditFilters, useAudit, useMembersForFilter } from '../api/dashboard';
import type { AuditEntry } from '../api/types';
import { DASHBOARD_NAMESPACES } from '../dashboard-namespaces';
import { personName } from '@/lib/person-name';

const OBJECT_TYPES = ['practice', 'adaptation', 'product', 'assignment', 'call', 'activity', 'round', 'rubric', 'user', 'invitation', 'programme', 'comment', 'learning_profile'] as const;

/** Every action the programme's audit log records, grouped by the kind of object it concerns. */
export const AUDIT_ACTIONS: Record<(typeof OBJECT_TYPES)[number], readonly string[]> = {
  practice: ['practice.created', 'practice.deleted', 'practice.submit', 'practice.withdraw', 'practice.reopen', 'practice.start_review', 'practice.decided', 'practice.responded'],
  adaptation: ['adaptation.created', 'adaptation.stage_changed', 'adaptation.outcome_recorded'],
  product: ['product.created', 'product.status_changed'],
  assignment: ['assignment.created', 'assignment.accepted', 'assignment.declined', 'assignment.extended', 'assignment.deleted', 'review.submitted', 'review.reopened', 'review.revised'],
  call: ['call.created', 'call.updated'],
  activity: ['activity.created', 'activity.updated', 'activity.deleted', 'activity.follow_up_status'],
  round: ['round.created', 'round.auto_assigned', 'round.open', 'round.close', 'round.release_reviews', 'round.decided'],
  rubric: ['rubric.created', 'rubric.activated'],
  user: ['membership.roles_changed', 'membership.removed'],
  invitation: ['invitation.created'],
  programme: ['programme.created'],
  comment: ['comment.removed'],
  learning_profile: ['learning_profile.updated'],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where an audited object can be opened, when it has a page. */
function objectLink(type: string, id: string): string | null {
  switch (type) {
    case 'practice':
      return `/practices/${id}`;
    case 'adaptation':
      return `/adaptations/${id}`;
    case 'activity':
      return `/activities/${id}`;
    default:
      return null;
  }
}

/** The label key of an action: `adaptation.stage_changed` → `audit.actions.adaptation_stage_changed`. */
export function actionKey(action: string): string {
  return `audit.actions.${action.replace(/\./g, '_')}`;
}

/**
 * Fields that hold another object's id. The entry already names its object, so these are not
 * shown as raw ids; a source practice becomes a link.
 */
function isReference(key: string): boolean {
  return key.endsWith('_id') && key !== 'source_practice_id';
}

/** The changes of an entry, one line per field, with the raw before and after values. */
export function changeLines(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !isReference(k));
  return keys.map((key) => ({
    key,
    before: before && key in before ? before[key] : undefined,
    after: after && key in after ? after[key] : undefined,
    hadBefore: !!before && key in before,
    hasAfter: !!after && key in after,
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

  // Linked to one object (from its page): named by the title its newest entry recorded.
  const objectTitle = filters.object_id ? audit.data?.items.find((e) => e.object_id === filters.object_id)?.object_title : undefined;

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
      {filters.object_id && (
        <p className="audit-object-filter">
          {objectTitle ? t('audit.oneObjectNamed', { title: objectTitle }) : t('audit.oneObject')}{' '}
          <Button size="sm" variant="ghost" onClick={() => apply({ ...filters, object_id: undefined })}>
            {t('audit.allObjects')}
          </Button>
        </p>
      )}
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

/** One recorded value in words: statuses, stages, roles and outcomes as labels, dates as dates. */
function useValueLabel(objectType: string, language: string) {
  const { t } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const label = (key: string, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.length ? value.map((v) => String(label(key, v))).join(', ') : t('audit.none');
    if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
    if (typeof value === 'number') return value.toLocaleString(language);
    if (typeof value !== 'string') return '—';
    switch (key) {
      case 'stage':
        return t(`stages.${value}`, { defaultValue: value });
      case 'status':
        if (objectType === 'practice') return t(`practiceStatuses.${value}`, { defaultValue: value });
        if (objectType === 'product') return t(`newProducts.statuses.${value}`, { defaultValue: value });
        return t(`audit.statuses.${objectType}.${value}`, { defaultValue: value });
      case 'roles':
        return t(`audit.roles.${value}`, { defaultValue: value });
      case 'outcome':
        return t(`audit.outcomes.${value}`, { defaultValue: value });
      case 'source':
        return t(`audit.sources.${value}`, { defaultValue: value });
      case 'due_at':
      case 'opens_at':
      case 'closes_at':
        return formatDateTime(value, language);
      case 'recorded_on':
        return formatDate(value, language);
      case 'source_practice_id':
        return UUID.test(value) ? <Link to={`/practices/${value}`}>{t('audit.openPractice')}</Link> : '—';
      default:
        return value;
    }
  };
  return label;
}

function AuditRow({ entry: e, language }: { entry: AuditEntry; language: string }) {
  const { t } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const show = useValueLabel(e.object_type, language);
  const link = objectLink(e.object_type, e.object_id);
  const lines = changeLines(e.before, e.after);
  const actionLabel = t(actionKey(e.action), { defaultValue: '' });
  const title = e.object_title || t('audit.untitled');
  return (
    <tr>
      <th scope="row">
        <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
      </th>
      <td>{personName(e.actor_name) || (e.actor_id ? t('audit.unknownActor') : t('audit.system'))}</td>
      <td>{actionLabel || t('audit.otherAction')}</td>
      <td>
        <span className="audit-type">{t(`audit.types.${e.object_type}`, { defaultValue: t('audit.otherType') })}</span>{' '}
        {link ? (
          <Link to={link} className="audit-object">
            {title}
          </Link>
        ) : (
          <span className="audit-object">{title}</span>
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
                {l.hadBefore && (
                  <>
                    <del className="audit-before">
                      <span className="visually-hidden">{t('audit.before')} </span>
                      {show(l.key, l.before)}
                    </del>{' '}
                    <span aria-hidden="true">→ </span>
                  </>
                )}
                {l.hasAfter ? (
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
  const [actor, setActor] = useState(initial.actor_id ?? '');
  // The actions offered are those of the chosen kind of object (all of them without one).
  const groups = OBJECT_TYPES.filter((o) => !type || o === type);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const keepAction = !type || AUDIT_ACTIONS[type as keyof typeof AUDIT_ACTIONS]?.includes(action);
    onApply({ object_type: type, action: keepAction ? action : '', actor_id: actor, object_id: initial.object_id });
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
      <SelectField label={t('audit.filterAction')} className="filter-field" value={action} onChange={(e) => setAction(e.target.value)}>
        <option value="">{t('audit.allActions')}</option>
        {groups.map((o) => (
          <optgroup key={o} label={t(`audit.types.${o}`)}>
            {AUDIT_ACTIONS[o].map((a) => (
              <option key={a} value={a}>
                {t(actionKey(a))}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <SelectField label={t('audit.filterActor')} className="filter-field" value={actor} onChange={(e) => setActor(e.target.value)}>
        <option value="">{t('audit.allActors')}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
        {/* A person from a link who is no longer a member stays chosen. */}
        {actor && !members.some((m) => m.id === actor) && <option value={actor}>{t('audit.unknownActor')}</option>}
      </SelectField>
      <div className="filter-actions">
        <Button type="submit" variant="primary">
          {t('audit.apply')}
        </Button>
        <Button
          onClick={() => {
            setType('');
            setAction('');
            setActor('');
            onApply({});
          }}
        >
          {t('audit.clear')}
        </Button>
      </div>
    </form>
  );
}
