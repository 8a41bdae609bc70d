import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '@/lib/session';
import { useProgrammeRoles } from '@/lib/use-programme-roles';
import { Button } from '../ui/button';
import { Brand } from './brand';
import { LanguageSwitch } from './language-switch';
import type { NavItem } from './nav-types';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';

/**
 * The signed-in frame: skip link, header with navigation by role, main content, footer.
 * `headerTools` are extra controls in the header (the notification bell).
 */
export function AppLayout({ navItems, headerTools }: { navItems: NavItem[]; headerTools?: ReactNode }) {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [signingOut, setSigningOut] = useState(false);

  // After navigating, move focus to the main content so screen-reader users hear the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  const roles = useProgrammeRoles(!!user && navItems.some((item) => item.role));
  const items = navItems.filter(
    (item) => (!item.visible || (user && item.visible(user))) && (!item.role || roles.has(item.role)),
  );

  return (
    <div className="app-shell">
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Brand to="/programmes" />
          <nav className="main-nav" aria-label={t('layout.mainNavigation')}>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            {user && headerTools}
            <LanguageSwitch />
            {user && (
              <span className="current-user" title={user.email}>
                <span className="visually-hidden">{t('layout.signedInAs')} </span>
                {user.name}
              </span>
            )}
            <Button
              variant="secondary"
              size="sm"
              pending={signingOut}
              onClick={async () => {
                setSigningOut(true);
                try {
                  await signOut();
                } finally {
                  setSigningOut(false);
                }
                // A fresh sign-in page: the next person should not land on this one's last page.
                navigate('/login', { replace: true, state: null });
              }}
            >
              {t('auth.signOut')}
            </Button>
          </div>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className="main">
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">{t('layout.footer')}</div>
      </footer>
    </div>
  );
}
