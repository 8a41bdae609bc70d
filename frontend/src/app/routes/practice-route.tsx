import { PracticeLineagePanel } from '@/features/adaptations/components/practice-lineage-panel';
import { PracticePage } from '@/features/practices/components/practice-page';
import { PracticeSheetLink } from '@/features/report/components/practice-sheet-link';
import { PracticeReviewsPanel } from '@/features/review/components/practice-reviews-panel';
import { NotFoundPage } from './not-found';

/**
 * The practice page as the app shows it: the practice itself, then its reviews (as far as the
 * reader may see them), a link to its printable sheet, and how it travelled to other countries. Composed here so that the
 * practices, review and adaptations features stay independent of each other.
 */
export function PracticeRoute() {
  return (
    <PracticePage
      notFound={<NotFoundPage />}
      extra={(practice) => (
        <>
          {practice.status !== 'draft' && <PracticeSheetLink practiceId={practice.id} />}
          {practice.status !== 'draft' && (
            <div className="practice-panel">
              <PracticeReviewsPanel practiceId={practice.id} />
            </div>
          )}
          {practice.status === 'published' && (
            <div className="practice-panel">
              <PracticeLineagePanel practiceId={practice.id} />
            </div>
          )}
        </>
      )}
    />
  );
}
