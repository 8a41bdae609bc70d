import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Brand } from './brand';
import { LanguageSwitch } from './language-switch';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';

/** The frame of pages for people who are not signed in (sign-in, accepting an invitation). */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Brand to="/" />
          <div className="header-tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="main main-public">
        <div className="container container-narrow">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">{t('layout.footer')}</div>
      </footer>
    </div>
  );
}
