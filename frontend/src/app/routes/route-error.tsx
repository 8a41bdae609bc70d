import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page fails to render: a calm message and a way back, never a stack trace. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main-content" className="main">
      <div className="container state state-page" role="alert">
        <h1>{notFound ? t('notFound.title') : t('states.crashTitle')}</h1>
        <p className="lead">{notFound ? t('notFound.text') : t('states.crashText')}</p>
        <p>
          <a href="/programmes" className="btn btn-primary">
            {t('notFound.toProgrammes')}
          </a>
        </p>
      </div>
    </main>
  );
}
