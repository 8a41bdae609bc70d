import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePublicPractice } from '../api/public';
import { PracticeBody, PracticeHeader, useReadingLanguage } from './practice-page';

/** `/catalogue/:id`: a published practice as anyone may read it (no contact e-mail, no reviews). */
export function PublicPracticePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const practice = usePublicPractice(id);
  // Read in the reader's language first, where the practice has a translation into it.
  const [lang, setLang] = useReadingLanguage(practice.data, i18n.resolvedLanguage ?? i18n.language);
  useDocumentTitle(practice.data?.title ?? t('catalogue.title'));

  if (practice.isPending) return <LoadingState />;
  if (practice.isError) {
    if (isApiError(practice.error) && practice.error.status === 404) {
      return (
        <EmptyState
          title={t('catalogue.notFound')}
          action={
            <Link to="/catalogue" className="btn btn-primary">
              {t('catalogue.back')}
            </Link>
          }
        >
          {t('catalogue.notFoundText')}
        </EmptyState>
      );
    }
    return <ErrorState error={practice.error} onRetry={() => void practice.refetch()} />;
  }
  const p = practice.data;
  return (
    <article className="practice-page" aria-labelledby="practice-title">
      <nav className="breadcrumb" aria-label={t('practices.breadcrumb')}>
        <ol>
          <li>
            <Link to="/catalogue">{t('catalogue.title')}</Link>
          </li>
          {p.programme_name && <li>{p.programme_name}</li>}
        </ol>
      </nav>
      <PracticeHeader practice={p} lang={lang} showStatus={false} />
      <PracticeBody practice={p} lang={lang} onLang={setLang} />
    </article>
  );
}
