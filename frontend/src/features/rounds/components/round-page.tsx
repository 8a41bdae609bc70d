import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { programmeText } from '@/lib/vocabulary';
import { isApiError } from '@/api/errors';
import type { Round } from '@/api/review-types';
import { Badge, BadgeList } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { formatDate, formatDateTime } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useRound, useRoundCall, useRoundProgramme, useRoundTransition, useUpdateRound } from '../api/rounds';
import { ReleaseReviewsDialog } from './release-reviews-dialog';
import { useRubric, useRubrics } from '../api/rubrics';
import { AssignmentsView } from './assignments-view';
import { RemindersDialog } from './reminders-dialog';
import { ResultsPanel } from './results-panel';
import { RoundDiscussions } from './round-discussions';
import { RoundForm } from './round-form';
import { ROUND_TONES } from './rounds-tab';
import { TabsNav } from '@/components/ui/tabs-nav';

type View = 'assignments' | 'results';

/**
 * A review round (coordinators): settings, practices, assignment board, results. `/rounds/:roundId`.
 * `practiceDiscussion` renders the reviewers' discussion of one practice (from the review feature)
 * under the results.
 */
export function RoundPage({ practiceDiscussion }: { practiceDiscussion?: (roundId: string, practiceId: string) => ReactNode } = {}) {
  const { t, i18n } = useReviewTranslation();
  const { roundId = '' } = useParams();
  const round = useRound(roundId);
  const programme = useRoundProgramme(round.data?.data.programme_id);
  const { user } = useSession();
  useDocumentTitle(round.data?.data.name ?? t('rounds.title'));

  if (round.isPending) return <LoadingState />;
  if (round.isError) {
    if (isApiError(round.error) && (round.error.status === 404 || round.error.status === 403)) {
      return <EmptyState title={t('rounds.notFound')}>{t('rounds.notFoundText')}</EmptyState>;
    }
    return <ErrorState error={round.error} onRetry={() => void round.refetch()} />;
  }
  const canCoordinate = !!user?.is_admin || !!programme.data?.data.my_roles.includes('coordinator');
  return (
    <RoundContent
      round={round.data.data}
      etag={round.data.etag}
      programmeName={programme.data ? programmeText(programme.data.data, i18n.language).name : undefined}
      canCoordinate={canCoordinate || programme.isPending}
      onStale={() => void round.refetch()}
      practiceDiscussion={practiceDiscussion}
    />
  );
}

function RoundContent({
  round,
  etag,
  programmeName,
  canCoordinate,
  onStale,
  practiceDiscussion,
}: {
  round: Round;
  etag: string;
  programmeName?: string;
  canCoordinate: boolean;
  onStale: () => void;
  practiceDiscussion?: (roundId: string, practiceId: string) => ReactNode;
}) {
  const { t, i18n } = useReviewTranslation();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'results' ? 'results' : 'assignments';
  const rubric = useRubric(round.rubric_id);
  const transition = useRoundTransition(round.id);
  const [confirm, setConfirm] = useState<'open' | 'close' | null>(null);
  const [editing, setEditing] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const [reminding, setReminding] = useState(false);

  const views: { key: View; label: string }[] = [
    { key: 'assignments', label: t('round.views.assignments') },
    { key: 'results', label: t('round.views.results') },
  ];

  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/programmes/${round.programme_id}`}>{programmeName ?? t('panel.programme')}</Link>
          </li>
          <li>
            <Link to={`/programmes/${round.programme_id}/rounds`}>{t('rounds.title')}</Link>
          </li>
          <li aria-current="page">{round.name}</li>
        </ol>
      </nav>
      <PageHeader
        title={round.name}
        meta={
          <>
            <Badge tone={ROUND_TONES[round.status]}>{t(`status.round.${round.status}`)}</Badge>
            <span>{t('round.dueOn', { date: formatDate(round.due_at, i18n.language) })}</span>
          </>
        }
        actions={
          <>
            <Link className="btn btn-secondary" to={`/rounds/${round.id}/bidding`}>
              {t('round.bidding')}
            </Link>
            {canCoordinate && (
            <>
              <Button onClick={() => setEditing(true)}>{t('round.edit')}</Button>
              {(round.status === 'draft' || round.status === 'closed') && (
                <Button variant="primary" onClick={() => setConfirm('open')}>
                  {round.status === 'draft' ? t('round.open') : t('round.reopen')}
                </Button>
              )}
              {round.status === 'open' && <Button onClick={() => setReminding(true)}>{t('reminders.open')}</Button>}
              {round.status === 'open' && <Button onClick={() => setConfirm('close')}>{t('round.close')}</Button>}
              {(round.status === 'open' || round.status === 'closed') && (
                <Button onClick={() => setReleasing(true)}>{t('round.release.action')}</Button>
              )}
            </>
            )}
          </>
        }
      />

      {round.status === 'rebuttal' && (
        <p className="alert alert-info" role="status">
          {round.rebuttal_due_at
            ? t('round.release.inRebuttal', { date: formatDateTime(round.rebuttal_due_at, i18n.language) })
            : t('round.release.inRebuttalNoDate')}
        </p>
      )}
      <section className="card rv-round-settings" aria-labelledby="round-settings">
        <h2 id="round-settings" className="h3">
          {t('round.settings')}
        </h2>
        <dl className="rv-facts">
          <div>
            <dt>{t('rounds.form.rubric')}</dt>
            <dd>
              {rubric.data ? (
                <Link to={`/programmes/${round.programme_id}/rubrics?rubric=${round.rubric_id}`}>
                  {rubric.data.data.title} ({t('rubrics.versionN', { number: rubric.data.data.number })})
                </Link>
              ) : (
                '…'
              )}
            </dd>
          </div>
          <div>
            <dt>{t('rounds.form.due')}</dt>
            <dd>{formatDateTime(round.due_at, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('rounds.form.rebuttalDue')}</dt>
            <dd>{round.rebuttal_due_at ? formatDateTime(round.rebuttal_due_at, i18n.language) : t('round.release.noDeadline')}</dd>
          </div>
          {round.reviews_released_at && (
            <div>
              <dt>{t('round.release.releasedAt')}</dt>
              <dd>{formatDateTime(round.reviews_released_at, i18n.language)}</dd>
            </div>
          )}
          <div>
            <dt>{t('rounds.form.perPractice')}</dt>
            <dd>{round.reviewers_per_practice}</dd>
          </div>
          <div>
            <dt>{t('rounds.form.maxLoad')}</dt>
            <dd>{round.max_load}</dd>
          </div>
          <div>
            <dt>{t('round.rules')}</dt>
            <dd>
              <BadgeList>
                <Badge tone={round.blind ? 'accent' : 'neutral'}>{round.blind ? t('rounds.blind') : t('rounds.named')}</Badge>
                <Badge tone={round.cross_border ? 'accent' : 'neutral'}>
                  {round.cross_border ? t('rounds.crossBorder') : t('rounds.anyCountry')}
                </Badge>
              </BadgeList>
            </dd>
          </div>
          <div>
            <dt>{t('rounds.practices')}</dt>
            <dd>{t('rounds.practiceCount', { count: round.practice_count })}</dd>
          </div>
          {round.call_id && <RoundCallFact programmeId={round.programme_id} callId={round.call_id} />}
        </dl>
      </section>

      <TabsNav label={t('round.sections')}>
        {views.map((v) => (
          <li key={v.key}>
            <Link
              to={v.key === 'assignments' ? `/rounds/${round.id}` : `/rounds/${round.id}?view=${v.key}`}
              className={view === v.key ? 'tab active' : 'tab'}
              aria-current={view === v.key ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                setParams(v.key === 'assignments' ? {} : { view: v.key });
              }}
            >
              {v.label}
            </Link>
          </li>
        ))}
      </TabsNav>
      <div className="tab-panel">
        {view === 'assignments' ? (
          <AssignmentsView round={round} canCoordinate={canCoordinate} />
        ) : (
          <>
            <ResultsPanel round={round} rubric={rubric.data?.data} canCoordinate={canCoordinate} />
            {canCoordinate && practiceDiscussion && (
              <RoundDiscussions round={round} render={(practiceId) => practiceDiscussion(round.id, practiceId)} />
            )}
          </>
        )}
      </div>

      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => {
          if (!open) {
            setConfirm(null);
            transition.reset();
          }
        }}
        title={confirm === 'close' ? t('round.closeTitle') : t('round.openTitle')}
        message={confirm === 'close' ? t('round.closeText') : t('round.openText', { count: round.practice_count })}
        confirmLabel={confirm === 'close' ? t('round.close') : round.status === 'draft' ? t('round.open') : t('round.reopen')}
        tone={confirm === 'close' ? 'danger' : 'primary'}
        pending={transition.isPending}
        error={transition.isError ? describeError(transition.error, t) : null}
        onConfirm={() => {
          if (!confirm) return;
          transition.mutate(confirm, {
            onSuccess: (result) => {
              toast.show(
                result.data.status === 'open' ? t('round.opened', { name: round.name }) : t('round.closed', { name: round.name }),
              );
              setConfirm(null);
            },
          });
        }}
      />
      {releasing && (
        <ReleaseReviewsDialog
          round={round}
          onClose={() => setReleasing(false)}
          onEdit={() => {
            setReleasing(false);
            setEditing(true);
          }}
        />
      )}
      {reminding && <RemindersDialog roundId={round.id} open={reminding} onOpenChange={setReminding} />}
      {editing && <EditRoundDialog round={round} etag={etag} onClose={() => setEditing(false)} onStale={onStale} />}
    </>
  );
}

function EditRoundDialog({ round, etag, onClose, onStale }: { round: Round; etag: string; onClose: () => void; onStale: () => void }) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const rubrics = useRubrics(round.programme_id);
  const update = useUpdateRound(round.id);
  const locked = round.status !== 'draft';
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('round.editTitle')} size="lg">
      {locked && <p className="alert alert-info">{t('round.lockedNote')}</p>}
      {rubrics.isPending ? (
        <LoadingState />
      ) : rubrics.isError ? (
        <ErrorState error={rubrics.error} onRetry={() => void rubrics.refetch()} />
      ) : (
        <RoundForm
          key={round.version}
          rubrics={rubrics.data.items}
          initial={round}
          rulesLocked={locked}
          submitLabel={t('actions.saveChanges')}
          pending={update.isPending}
          onCancel={onClose}
          onSubmit={async (body) => {
            const patch = locked ? { name: body.name, due_at: body.due_at, rebuttal_due_at: body.rebuttal_due_at } : body;
            await update.mutateAsync({ body: patch, etag });
            toast.show(t('round.saved'));
            onClose();
          }}
          describeFailure={(error) => {
            if (isApiError(error) && (error.status === 412 || error.status === 428)) {
              onStale();
              return t('round.stale');
            }
            return undefined;
          }}
        />
      )}
    </Dialog>
  );
}

/** The call a round was set up from: practices submitted to it later join while the round is a draft or open. */
function RoundCallFact({ programmeId, callId }: { programmeId: string; callId: string }) {
  const { t } = useReviewTranslation();
  const call = useRoundCall(callId);
  return (
    <div>
      <dt>{t('rounds.form.call')}</dt>
      <dd>{call.data ? <Link to={`/programmes/${programmeId}/calls`}>{call.data.data.title}</Link> : '…'}</dd>
    </div>
  );
}
