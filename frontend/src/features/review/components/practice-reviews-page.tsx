import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { usePracticeDetail } from '../api/practice-reviews';
import { PracticeReviewsPanel } from './practice-reviews-panel';

/** The reviews of a practice on a page of their own: `/practices/:id/reviews`. */
export function PracticeReviewsPage() {
  const { t } = useReviewTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const practice = usePracticeDetail(id);
  useDocumentTitle(practice.data ? t('panel.documentTitle', { practice: practice.data.data.title }) : t('panel.title'));

  if (practice.isPending) return <LoadingState />;
  if (practice.isError) {
    if (isApiError(practice.error) && practice.error.status === 404) {
      return <EmptyState title={t('panel.notFound')}>{t('panel.notFoundText')}</EmptyState>;
    }
    return <ErrorState error={practice.error} onRetry={() => void practice.refetch()} />;
  }
  const p = practice.data.data;
  // "Your organisation's response" only to the practice's own organisation; others read about the owner.
  const own = !!user && p.organisation.id === user.organisation_id;
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/programmes/${p.programme_id}`}>{p.programme_name ?? t('panel.programme')}</Link>
          </li>
          <li>
            <Link to={`/practices/${p.id}`}>{p.title}</Link>
          </li>
          <li aria-current="page">{t('panel.title')}</li>
        </ol>
      </nav>
      <PageHeader title={p.title} lead={t(own ? 'panel.pageLead' : 'panel.pageLeadOther')} />
      <PracticeReviewsPanel practiceId={id} />
    </>
  );
}
