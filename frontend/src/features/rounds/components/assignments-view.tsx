import { useMemo, useState } from 'react';
import type { Round } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useBidCounts, useReviewers, useRoundAssignments } from '../api/assignments';
import { useRoundResults } from '../api/rounds';
import { AddPracticesDialog } from './add-practices-dialog';
import { AssignmentBoard } from './assignment-board';
import { AutoAssignPanel } from './auto-assign-panel';

/** The practices of a round, automatic assignment and the assignment board. */
export function AssignmentsView({ round, canCoordinate }: { round: Round; canCoordinate: boolean }) {
  const { t } = useReviewTranslation();
  // The results list the round's practices with their titles and countries, a page at a time.
  const [page, setPage] = useState(1);
  const results = useRoundResults(round.id, page);
  const reviewers = useReviewers(round.programme_id);
  const assignments = useRoundAssignments(round.id);
  const [adding, setAdding] = useState(false);
  const practices = useMemo(
    () =>
      (results.data?.practices ?? [])
        .map((p) => ({ practice_id: p.practice_id, title: p.title, country: p.country }))
        .sort((a, b) => (a.title ?? '').localeCompare(b.title ?? '')),
    [results.data],
  );
  const titles = useMemo(() => new Map(practices.map((p) => [p.practice_id, p.title ?? ''])), [practices]);
  const inRound = useMemo(() => new Set(practices.map((p) => p.practice_id)), [practices]);
  const pageIds = useMemo(() => practices.map((p) => p.practice_id).sort(), [practices]);
  const bidCounts = useBidCounts(round.id, canCoordinate ? pageIds : []);
  const canAdd = canCoordinate && (round.status === 'draft' || round.status === 'open');

  return (
    <div className="stack-lg">
      <div className="section-header">
        <h2 className="h3">{t('round.practicesInRound', { count: round.practice_count })}</h2>
        {canAdd && (
          <Button variant="primary" onClick={() => setAdding(true)}>
            <span aria-hidden="true">+ </span>
            {t('addPractices.button')}
          </Button>
        )}
      </div>
      {canCoordinate && practices.length > 0 && <AutoAssignPanel round={round} practiceTitles={titles} />}
      {results.isPending || reviewers.isPending || assignments.isPending ? (
        <LoadingState />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : reviewers.isError ? (
        <ErrorState error={reviewers.error} onRetry={() => void reviewers.refetch()} />
      ) : assignments.isError ? (
        <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : (
        <AssignmentBoard
          round={round}
          practices={practices}
          reviewers={reviewers.data}
          assignments={assignments.data}
          bidCounts={bidCounts.data}
          canAssign={canCoordinate}
        />
      )}
      {results.data && results.data.total > results.data.page_size && (
        <Pagination
          page={results.data.page}
          pageSize={results.data.page_size}
          total={results.data.total}
          onPageChange={setPage}
          label={t('results.pagination')}
        />
      )}
      {adding && <AddPracticesDialog round={round} inRound={inRound} onClose={() => setAdding(false)} />}
    </div>
  );
}
