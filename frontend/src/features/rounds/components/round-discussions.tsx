import { useState, type ReactNode } from 'react';
import type { Round } from '@/api/review-types';
import { SelectField } from '@/components/ui/form-fields';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useRoundResults } from '../api/rounds';

/**
 * The reviewers' discussions of a round (coordinators): choose a practice, read and write in its
 * discussion. The discussion itself comes from the review feature, composed by the app.
 */
export function RoundDiscussions({ round, render }: { round: Round; render: (practiceId: string) => ReactNode }) {
  const { t } = useReviewTranslation();
  const results = useRoundResults(round.id);
  const practices = results.data?.practices ?? [];
  const [chosen, setChosen] = useState('');
  const practiceId = chosen || practices[0]?.practice_id || '';
  if (practices.length === 0) return null;
  return (
    <section className="rv-round-discussions" aria-label={t('round.discussions')}>
      <SelectField label={t('round.discussionPractice')} value={practiceId} onChange={(e) => setChosen(e.target.value)}>
        {practices.map((p) => (
          <option key={p.practice_id} value={p.practice_id}>
            {p.title}
          </option>
        ))}
      </SelectField>
      {practiceId && <div key={practiceId}>{render(practiceId)}</div>}
    </section>
  );
}
