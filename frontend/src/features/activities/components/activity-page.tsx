import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Activity, FollowUp } from '@/api/types';
import { AttachmentsSection } from '@/components/attachments/attachments-section';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { countryName, formatDate, formatDateTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useActivity, useDeleteActivity, useSetFollowUpStatus } from '../api/activities';
import { ActivityKindBadge, ActivityStatusBadge } from './activity-badges';
import { EditActivityDialog } from './activity-dialogs';
import { participantsByCountry } from './activity-format';

/** One exchange activity: `/activities/:id`, for every member of its programme. */
export function ActivityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const activity = useActivity(id);
  useDocumentTitle(activity.data?.data.title ?? t('activities.title'));
  if (activity.isPending) return <LoadingState />;
  if (activity.isError) return <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
  return <ActivityView activity={activity.data.data} />;
}

function ActivityView({ activity: a }: { activity: Activity }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteActivity(a.programme_id);
  const place = [a.city, a.country ? countryName(a.country, i18n.language) : ''].filter(Boolean).join(', ');
  const listPath = `/programmes/${a.programme_id}/activities`;

  return (
    <article className="activity-page">
      <p>
        <Link to={listPath}>← {t('activities.page.back')}</Link>
      </p>
      <PageHeader
        title={a.title}
        meta={
          <>
            <ActivityKindBadge kind={a.kind} /> <ActivityStatusBadge status={a.status} />
          </>
        }
        actions={
          <>
            {a.can_edit && <Button onClick={() => setEditing(true)}>{t('activities.page.edit')}</Button>}
            {a.can_delete && (
              <Button variant="danger" onClick={() => setDeleting(true)}>
                {t('activities.delete')}
              </Button>
            )}
          </>
        }
      />
      <dl className="activity-facts">
        <dt>{t('activities.form.starts')}</dt>
        <dd>
          <time dateTime={a.starts_at}>{formatDateTime(a.starts_at, i18n.language)}</time>
          {' – '}
          <time dateTime={a.ends_at}>{formatDateTime(a.ends_at, i18n.language)}</time>
        </dd>
        <dt>{t('activities.page.where')}</dt>
        <dd>
          {place || t('activities.online')}
          {a.online_url && (
            <>
              {' · '}
              <a href={a.online_url} rel="noopener noreferrer" target="_blank">
                {t('activities.page.join')}
              </a>
            </>
          )}
        </dd>
        <dt>{t('activities.form.host')}</dt>
        <dd>{a.host_organisation_name}</dd>
      </dl>
      {a.description && <p className="activity-description prose">{a.description}</p>}

      <section aria-labelledby="activity-agenda" className="card">
        <h2 id="activity-agenda">{t('activities.page.agenda')}</h2>
        {a.agenda.length === 0 ? (
          <p className="muted">{t('activities.page.noAgenda')}</p>
        ) : (
          <ol className="activity-agenda">
            {a.agenda.map((it, i) => (
              <li key={i}>
                <time dateTime={it.at}>{formatDateTime(it.at, i18n.language)}</time> — {it.title}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="activity-practices" className="card">
        <h2 id="activity-practices">{t('activities.page.practices')}</h2>
        {a.practices.length === 0 ? (
          <p className="muted">{t('activities.page.noPractices')}</p>
        ) : (
          <ul>
            {a.practices.map((p) => (
              <li key={p.id}>
                <Link to={`/practices/${p.id}`}>{p.title}</Link> <span className="muted">({countryName(p.country, i18n.language)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="activity-participants" className="card">
        <h2 id="activity-participants">{t('activities.page.participants')}</h2>
        {a.participants.length === 0 ? (
          <p className="muted">{t('activities.page.noParticipants')}</p>
        ) : (
          participantsByCountry(a).map((g) => {
            const name = countryName(g.country, i18n.language);
            return (
              <table key={g.country} className="table activity-participants">
                <caption>{t('activities.page.peopleTotal', { count: g.people, country: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('activities.page.organisation')}</th>
                    <th scope="col">{t('activities.page.role')}</th>
                    <th scope="col">{t('activities.page.people')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.participants.map((p) => (
                    <tr key={p.organisation_id}>
                      <th scope="row">{p.organisation_name}</th>
                      <td>{t(`activities.roles.${p.role}`)}</td>
                      <td>{p.people}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })
        )}
      </section>

      <section aria-labelledby="activity-minutes" className="card">
        <h2 id="activity-minutes">{t('activities.page.minutes')}</h2>
        {a.minutes ? <p className="prose activity-minutes">{a.minutes}</p> : <p className="muted">{t('activities.page.noMinutes')}</p>}
      </section>

      <section aria-labelledby="activity-follow-ups" className="card">
        <h2 id="activity-follow-ups">{t('activities.page.followUps')}</h2>
        {a.follow_ups.length === 0 ? <p className="muted">{t('activities.page.noFollowUps')}</p> : <FollowUps activity={a} />}
      </section>

      {/* A peer-review meeting shows its discussion paper and comment papers as such. */}
      <AttachmentsSection
        subject={{ type: 'activity', id: a.id }}
        canUpload={a.can_edit}
        roles={a.kind === 'peer_review_meeting' ? 'grouped' : 'column'}
      />

      {editing && <EditActivityDialog id={a.id} programmeId={a.programme_id} title={a.title} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={t('activities.deleteTitle', { title: a.title })}
        message={t('activities.deleteBody')}
        confirmLabel={t('activities.delete')}
        pending={remove.isPending}
        error={remove.error ? describeError(remove.error, t) : null}
        onConfirm={() =>
          remove.mutate(a.id, {
            onSuccess: () => {
              toast.show(t('activities.deleted'));
              void navigate(listPath);
            },
          })
        }
      />
    </article>
  );
}

function FollowUps({ activity }: { activity: Activity }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const setStatus = useSetFollowUpStatus(activity.id);
  const [error, setError] = useState<string | null>(null);
  const toggle = (f: FollowUp) => {
    const status = f.status === 'done' ? 'open' : 'done';
    setError(null);
    setStatus.mutate(
      { followUpId: f.id, status },
      {
        onSuccess: () => toast.show(t('activities.page.followUpSaved', { title: f.title, status: t(`activities.followUpStatuses.${status}`) })),
        onError: (e) => setError(describeError(e, t)),
      },
    );
  };
  return (
    <>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <table className="table activity-follow-ups">
        <thead>
          <tr>
            <th scope="col">{t('activities.form.followUpTitle')}</th>
            <th scope="col">{t('activities.page.owner')}</th>
            <th scope="col">{t('activities.page.due')}</th>
            <th scope="col">{t('activities.page.status')}</th>
          </tr>
        </thead>
        <tbody>
          {activity.follow_ups.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.title}</th>
              <td>{f.owner_organisation_name}</td>
              <td>{f.due_on ? formatDate(f.due_on, i18n.language) : <span className="muted">{t('activities.page.noDue')}</span>}</td>
              <td>
                {t(`activities.followUpStatuses.${f.status}`)}
                {f.can_set_status && (
                  <>
                    {' '}
                    <Button
                      variant="secondary"
                      pending={setStatus.isPending && setStatus.variables?.followUpId === f.id}
                      aria-label={t(f.status === 'done' ? 'activities.page.markOpenNamed' : 'activities.page.markDoneNamed', { title: f.title })}
                      onClick={() => toggle(f)}
                    >
                      {t(f.status === 'done' ? 'activities.page.markOpen' : 'activities.page.markDone')}
                    </Button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
