import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { languageName } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useVocabulary } from '@/lib/vocabulary';
import { usePublicPractice, usePublicProgramme } from '../api/public';
import { ContactForm } from './contact-form';
import { PracticeBody, PracticeHeader, useReadingLanguage } from './practice-page';
import { RecognitionBadge } from './recognition-badge';

/**
 * `/catalogue/:id`: a published practice as anyone may read it (no contact e-mail, no reviews):
 * the label its decision gave it and the round, the text in the reader's language first with
 * the way back to the original, and a form to write to its contact.
 */
export function PublicPracticePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const readerLanguage = i18n.resolvedLanguage ?? i18n.language;
  const practice = usePublicPractice(id);
  const programme = usePublicProgramme(practice.data?.programme_id, readerLanguage);
  const { programme: programmeText } = useVocabulary();
  // Read in the reader's language first, where the practice has a translation into it.
  const [lang, setLang] = useReadingLanguage(practice.data, readerLanguage);
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
  const prog = programme.data;
  const programmeName = prog ? programmeText(prog).name : p.programme_name;
  const contactName = p.contact?.name ?? '';
  return (
    <article className="practice-page" aria-labelledby="practice-title">
      <nav className="breadcrumb" aria-label={t('practices.breadcrumb')}>
        <ol>
          <li>
            <Link to="/catalogue">{t('catalogue.title')}</Link>
          </li>
          {programmeName && (
            <li>
              <Link to={`/catalogue?programme_id=${encodeURIComponent(p.programme_id)}`}>{programmeName}</Link>
            </li>
          )}
        </ol>
      </nav>
      <PracticeHeader practice={p} lang={lang} showStatus={false} />
      {p.recognition && <RecognitionBadge recognition={p.recognition} className="recognition recognition-page" />}
      {lang !== p.language && (
        <p className="read-original">
          <Link to={`?lang=${encodeURIComponent(p.language)}`} replace preventScrollReset>
            {t('catalogue.readOriginal', { language: languageName(p.language, i18n.language) })}
          </Link>
        </p>
      )}
      <PracticeBody practice={p} programme={prog} lang={lang} onLang={setLang} />
      {p.contact_available && (
        <section className="card contact-card" aria-labelledby="contact-title">
          <h2 id="contact-title" className="h3">
            {t('catalogue.contact.title')}
          </h2>
          <p className="muted">{t('catalogue.contact.lead', { name: contactName || t('catalogue.contact.theContact') })}</p>
          <ContactForm practiceId={p.id} contactName={contactName} />
        </section>
      )}
    </article>
  );
}
