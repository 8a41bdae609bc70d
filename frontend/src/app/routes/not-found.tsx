import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="state state-page">
      <p className="eyebrow">404</p>
      <h1>{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.text')}</p>
      <p>
        {status === 'authenticated' ? (
          <Link to="/programmes" className="btn btn-primary">
            {t('notFound.toProgrammes')}
          </Link>
        ) : (
          <Link to="/login" className="btn btn-primary">
            {t('notFound.toSignIn')}
          </Link>
        )}
      </p>
    </div>
  );
}
