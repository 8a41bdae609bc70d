import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { Brand } from './brand';
import { LanguageSwitch } from './language-switch';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';

/**
 * The frame of pages for people who are not signed in (sign-in, accepting an invitation, the
 * public catalogue). `wide` gives lists the full width instead of the narrow form column.
 */
export function PublicLayout({ wide = false }: { wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Brand to="/" />
          <nav className="main-nav" aria-label={t('layout.mainNavigation')}>
            <ul>
              <li>
                <NavLink to="/catalogue" className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                  {t('nav.catalogue')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/login" className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                  {t('auth.signIn.title')}
                </NavLink>
              </li>
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className={wide ? 'main' : 'main main-public'}>
        <div className={wide ? 'container' : 'container container-narrow'}>
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          {t('layout.footer')} <Link to="/privacy">{t('layout.privacy')}</Link>
        </div>
      </footer>
    </div>
  );
}
