import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useLineage } from '../api/lineage';
import { Crumbs } from './crumbs';
import { PracticeLineagePanel } from './practice-lineage-panel';

/** /practices/:id/lineage — the lineage panel on a page of its own. */
export function LineagePage() {
  const { t } = useTranslation('exchange');
  const { id = '' } = useParams();
  const lineage = useLineage(id);
  const title = lineage.data?.practice.title;
  useDocumentTitle(title ? t('lineage.pageTitle', { title }) : t('lineage.title'));

  if (lineage.isPending) return <LoadingState />;
  if (lineage.isError) {
    if (isApiError(lineage.error) && lineage.error.status === 404) {
      return <EmptyState title={t('lineage.notFoundTitle')}>{t('lineage.notFound')}</EmptyState>;
    }
    return <ErrorState error={lineage.error} onRetry={() => void lineage.refetch()} />;
  }
  const p = lineage.data.practice;
  return (
    <>
      <Crumbs
        items={[
          { to: `/programmes/${p.programme_id}`, label: p.programme_name ?? t('lineage.programme') },
          { to: `/practices/${p.id}`, label: p.title },
        ]}
      />
      <PageHeader title={t('lineage.pageTitle', { title: p.title })} lead={t('lineage.pageLead')} />
      <PracticeLineagePanel practiceId={id} />
    </>
  );
}
