import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivitySummary } from '@/api/types';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { countryName, formatDateTime } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useVocabulary } from '@/lib/vocabulary';
import { useActivities } from '../api/activities';
import { ActivityKindBadge, ActivityStatusBadge } from './activity-badges';
import { NewActivityDialog } from './activity-dialogs';
import { byMonth, monthLabel } from './activity-format';

/** The programme's exchange activities as a calendar: `/programmes/:id/activities`, upcoming then past, by month. */
export function ActivitiesTab() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const { programme, canCoordinate } = useProgrammeOutlet();
  // The moment that splits upcoming from past, fixed while the tab is open.
  const [now] = useState(() => new Date().toISOString());
  const upcoming = useActivities(programme.id, 'upcoming', now);
  const past = useActivities(programme.id, 'past', now);
  const [creating, setCreating] = useState(false);
  useDocumentTitle(`${t('activities.title')} · ${vocabulary.programme(programme).name}`);

  return (
    <section aria-labelledby="activities-heading" className="activities-tab">
      <div className="section-header">
        <h2 id="activities-heading">{t('activities.title')}</h2>
        {canCoordinate && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+ </span>
            {t('activities.new')}
          </Button>
        )}
      </div>
      <p className="section-lead muted">{t('activities.lead')}</p>
      <CalendarPart
        id="upcoming"
        heading={t('activities.upcoming')}
        query={upcoming}
        empty={t('activities.emptyUpcoming')}
        hint={canCoordinate ? t('activities.emptyCoordinatorHint') : undefined}
      />
      <CalendarPart
        id="past"
        heading={t('activities.past')}
        query={past}
        empty={t('activities.emptyPast')}
        // An activity under way is upcoming, not past.
        keep={(a) => a.ends_at < now}
      />
      {creating && <NewActivityDialog programmeId={programme.id} onClose={() => setCreating(false)} />}
    </section>
  );
}

function CalendarPart({
  id,
  heading,
  query,
  empty,
  hint,
  keep = () => true,
}: {
  id: string;
  heading: string;
  query: ReturnType<typeof useActivities>;
  empty: string;
  hint?: string;
  keep?: (a: ActivitySummary) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `activities-${id}`;
  return (
    <section aria-labelledby={headingId} className="activities-part">
      <h3 id={headingId}>{heading}</h3>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.filter(keep).length === 0 ? (
        <EmptyState title={empty}>{hint}</EmptyState>
      ) : (
        byMonth(query.data.items.filter(keep)).map((group) => {
          const label = monthLabel(group.month, i18n.language);
          return (
            <div key={group.month} className="activities-month">
              <h4 className="activities-month-title">{label}</h4>
              <ul className="activity-list" aria-label={t('activities.monthCaption', { month: label })}>
                {group.items.map((a) => (
                  <ActivityItem key={a.id} activity={a} />
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}

function ActivityItem({ activity: a }: { activity: ActivitySummary }) {
  const { t, i18n } = useTranslation();
  const place = [a.city, a.country ? countryName(a.country, i18n.language) : ''].filter(Boolean).join(', ');
  return (
    <li className={`activity-item card activity-${a.status}`}>
      <p className="activity-when">
        <time dateTime={a.starts_at}>{formatDateTime(a.starts_at, i18n.language)}</time>
        {' – '}
        <time dateTime={a.ends_at}>{formatDateTime(a.ends_at, i18n.language)}</time>
      </p>
      <p className="activity-title">
        <Link to={`/activities/${a.id}`}>{a.title}</Link>
      </p>
      <p className="activity-meta">
        <ActivityKindBadge kind={a.kind} /> <ActivityStatusBadge status={a.status} />{' '}
        <span className="muted">
          {[place || (a.online_url ? t('activities.online') : ''), t('activities.hostedBy', { name: a.host_organisation_name }),
            t('activities.organisations', { count: a.participant_organisations })]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </p>
    </li>
  );
}
