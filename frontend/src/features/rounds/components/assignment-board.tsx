import { useMemo, useState } from 'react';
import { BID_LEVELS, type Assignment, type BidCounts, type Round } from '@/api/review-types';
import type { Member } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextField } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { newIdempotencyKey } from '@/lib/idempotency';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useCreateAssignment, useDeleteAssignment } from '../api/assignments';
import { personName } from '@/lib/person-name';

export interface BoardPractice {
  practice_id: string;
  title?: string;
  country?: string;
}

const STATUS_TONES = { assigned: 'info', accepted: 'accent', submitted: 'success', declined: 'neutral' } as const;

/** A practice's bids in words ("2 eager, 1 conflict"), levels without bids left out. */
function BidSummary({ counts }: { counts: BidCounts | undefined }) {
  const { t } = useReviewTranslation();
  const parts = BID_LEVELS.filter((level) => (counts?.[level] ?? 0) > 0).map((level) => t(`board.bidCount.${level}`, { count: counts?.[level] ?? 0 }));
  return <span className="rv-board-bids">{parts.length > 0 ? t('board.bids', { list: parts.join(', ') }) : t('board.noBids')}</span>;
}

/** The assignment that counts for a cell: an active one, else the last declined one. */
function cellAssignment(list: Assignment[] | undefined): Assignment | undefined {
  if (!list || list.length === 0) return undefined;
  return list.find((a) => a.status !== 'declined') ?? list[list.length - 1];
}

function matches(text: string, q: string): boolean {
  return text.toLocaleLowerCase().includes(q.toLocaleLowerCase());
}

/**
 * The assignment board: practices × reviewers. Each cell shows the assignment's status or an
 * "Assign" button; a refused assignment (409) is explained in words, naming the rule. Reviewers
 * are columns with their country and load; the table scrolls sideways and both axes can be
 * filtered for big rounds.
 */
export function AssignmentBoard({
  round,
  practices,
  reviewers,
  assignments,
  bidCounts,
  canAssign,
}: {
  round: Round;
  practices: BoardPractice[];
  reviewers: Member[];
  assignments: Assignment[];
  /** Bids by level per practice id; absent while loading or for people who may not read them. */
  bidCounts?: Map<string, BidCounts>;
  canAssign: boolean;
}) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const create = useCreateAssignment(round.id);
  const remove = useDeleteAssignment(round.id);
  const [practiceFilter, setPracticeFilter] = useState('');
  const [reviewerFilter, setReviewerFilter] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pendingCell, setPendingCell] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Assignment | null>(null);
  const writable = canAssign && (round.status === 'draft' || round.status === 'open');

  const byCell = useMemo(() => {
    const map = new Map<string, Assignment[]>();
    for (const a of assignments) {
      const key = `${a.practice_id}|${a.reviewer_id}`;
      map.set(key, [...(map.get(key) ?? []), a]);
    }
    return map;
  }, [assignments]);
  const load = useMemo(() => {
    const map = new Map<string, number>();
    for (const a of assignments) if (a.status !== 'declined') map.set(a.reviewer_id, (map.get(a.reviewer_id) ?? 0) + 1);
    return map;
  }, [assignments]);
  const staffed = useMemo(() => {
    const map = new Map<string, number>();
    for (const a of assignments) if (a.status !== 'declined') map.set(a.practice_id, (map.get(a.practice_id) ?? 0) + 1);
    return map;
  }, [assignments]);

  const shownPractices = practices.filter((p) => !practiceFilter || matches(`${p.title ?? ''} ${p.country ?? ''}`, practiceFilter));
  const shownReviewers = reviewers.filter(
    (r) => !reviewerFilter || matches(`${r.name} ${r.organisation.name} ${r.organisation.country}`, reviewerFilter),
  );
  const reviewerName = (id: string) => reviewers.find((r) => r.user_id === id)?.name ?? '';

  const assign = (p: BoardPractice, r: Member) => {
    const cell = `${p.practice_id}|${r.user_id}`;
    setPendingCell(cell);
    setMessage(null);
    create.mutate(
      { practiceId: p.practice_id, reviewerId: r.user_id, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: () => {
          setMessage({ tone: 'success', text: t('board.assigned', { reviewer: r.name, practice: p.title ?? '' }) });
        },
        onError: (error) => {
          setMessage({
            tone: 'error',
            text: t('board.refused', { reviewer: r.name, practice: p.title ?? '', reason: describeError(error, t) }),
          });
        },
        onSettled: () => setPendingCell(null),
      },
    );
  };

  return (
    <section aria-labelledby="board-title" className="rv-board-section">
      <h2 id="board-title">{t('board.title')}</h2>
      <p className="muted">{t('board.lead', { count: round.reviewers_per_practice })}</p>
      {practices.length > 0 && reviewers.length > 0 && (
        <div className="rv-board-filters">
          <TextField
            type="search"
            label={t('board.filterPractices')}
            value={practiceFilter}
            onChange={(e) => setPracticeFilter(e.target.value)}
          />
          <TextField
            type="search"
            label={t('board.filterReviewers')}
            hint={t('board.filterReviewersHint')}
            value={reviewerFilter}
            onChange={(e) => setReviewerFilter(e.target.value)}
          />
        </div>
      )}
      <div role="alert" className={message ? `alert alert-${message.tone}` : 'alert-empty'}>
        {message?.text}
      </div>
      {practices.length === 0 ? (
        <p className="muted">{t('board.noPractices')}</p>
      ) : reviewers.length === 0 ? (
        <p className="muted">{t('board.noReviewers')}</p>
      ) : (
        <div className="table-scroll rv-board-scroll" tabIndex={0} role="region" aria-label={t('board.title')}>
          <table className="table rv-board">
            <caption className="visually-hidden">{t('board.caption', { name: round.name })}</caption>
            <thead>
              <tr>
                <th scope="col" className="rv-board-sticky">
                  {t('board.practice')}
                </th>
                <th scope="col">{t('board.staffing')}</th>
                {shownReviewers.map((r) => (
                  <th scope="col" key={r.user_id} className="rv-board-reviewer">
                    <span className="rv-board-reviewer-name">{personName(r.name)}</span>
                    <span className="rv-board-reviewer-meta">
                      <span className="country-code" title={r.organisation.country}>
                        {r.organisation.country}
                      </span>{' '}
                      {r.organisation.name}
                    </span>
                    <span className="rv-board-reviewer-meta">
                      {t('board.load', { count: load.get(r.user_id) ?? 0, max: round.max_load })}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shownPractices.map((p) => {
                const n = staffed.get(p.practice_id) ?? 0;
                const complete = n >= round.reviewers_per_practice;
                return (
                  <tr key={p.practice_id}>
                    <th scope="row" className="rv-board-sticky">
                      <span className="rv-board-practice">{p.title}</span>
                      {p.country && <span className="country-code">{p.country}</span>}
                      {bidCounts && <BidSummary counts={bidCounts.get(p.practice_id)} />}
                    </th>
                    <td>
                      <Badge tone={complete ? 'success' : n > 0 ? 'warning' : 'neutral'}>
                        {t('board.staffed', { count: n, total: round.reviewers_per_practice })}
                      </Badge>
                    </td>
                    {shownReviewers.map((r) => {
                      const cell = `${p.practice_id}|${r.user_id}`;
                      const a = cellAssignment(byCell.get(cell));
                      return (
                        <td key={r.user_id} className="rv-board-cell">
                          {a ? (
                            <span className="rv-board-status">
                              <Badge tone={STATUS_TONES[a.status]}>{t(`status.assignment.${a.status}`)}</Badge>
                              {writable && (a.status === 'assigned' || a.status === 'accepted') && (
                                <button
                                  type="button"
                                  className="btn btn-ghost btn-icon btn-sm"
                                  aria-label={t('board.removeNamed', { reviewer: r.name, practice: p.title ?? '' })}
                                  title={t('board.remove')}
                                  onClick={() => setRemoving(a)}
                                >
                                  <span aria-hidden="true">×</span>
                                </button>
                              )}
                            </span>
                          ) : writable ? (
                            <Button
                              size="sm"
                              pending={pendingCell === cell}
                              disabled={pendingCell !== null && pendingCell !== cell}
                              aria-label={t('board.assignNamed', { reviewer: r.name, practice: p.title ?? '' })}
                              onClick={() => assign(p, r)}
                            >
                              {t('board.assign')}
                            </Button>
                          ) : (
                            <>
                              <span className="muted" aria-hidden="true">
                                —
                              </span>
                              <span className="visually-hidden">{t('board.notAssigned')}</span>
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={t('board.removeTitle')}
        message={
          removing
            ? t('board.removeText', { reviewer: reviewerName(removing.reviewer_id) || removing.reviewer_name, practice: removing.practice_title ?? '' })
            : ''
        }
        confirmLabel={t('board.remove')}
        pending={remove.isPending}
        error={remove.isError ? describeError(remove.error, t) : null}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => {
              toast.show(t('board.removed'));
              setRemoving(null);
            },
          });
        }}
      />
    </section>
  );
}
