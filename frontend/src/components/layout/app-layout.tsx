import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
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
 *
 * The header is one row whenever its content fits: the navigation, the language, the person and
 * "sign out" next to the brand. When it does not (a phone, or long labels in some languages with
 * many menu items), they move into a menu opened by a button, so the header stays one short row.
 */
export function AppLayout({ navItems, headerTools }: { navItems: NavItem[]; headerTools?: ReactNode }) {
  const { t, i18n } = useTranslation();
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

  const menu = useHeaderMenu(`${i18n.language}|${items.map((i) => i.to).join()}|${user?.name ?? ''}`);

  return (
    <div className="app-shell">
      <SkipLink />
      <header className="site-header" data-compact={menu.compact || undefined}>
        <div className="site-header-inner" ref={menu.innerRef}>
          <Brand to="/programmes" />
          <div className="header-menu" id={menu.panelId} ref={menu.panelRef} hidden={menu.compact && !menu.open}>
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
          {user && headerTools && <div className="header-pinned">{headerTools}</div>}
          {menu.compact && (
            <button
              ref={menu.buttonRef}
              type="button"
              className="btn btn-secondary btn-sm menu-button"
              aria-expanded={menu.open}
              aria-controls={menu.panelId}
              onClick={() => menu.setOpen(!menu.open)}
            >
              <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                {menu.open ? (
                  <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
                ) : (
                  <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
                )}
              </svg>
              {t('layout.menu')}
            </button>
          )}
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className="main">
        <div className="container">
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

/**
 * Whether the header's content needs the menu button (it does not fit one row), and the menu's
 * open state: it closes on navigation, on Escape (focus returns to the button) and on a click
 * outside; opening it moves focus to its first link. `contentKey` changes when the header's
 * content does (language, menu items, person), which measures it afresh.
 */
function useHeaderMenu(contentKey: string) {
  const innerRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = `menu${useId().replace(/:/g, '')}`;
  const [compact, setCompact] = useState(false);
  const [open, setOpen] = useState(false);
  // The width the one-row header needed when it last overflowed: wide enough again, it returns.
  const neededWidth = useRef(0);
  const location = useLocation();

  // New content: try one row again (before paint, so there is no flash).
  useLayoutEffect(() => {
    neededWidth.current = 0;
    setCompact(false);
  }, [contentKey]);

  useLayoutEffect(() => {
    const inner = innerRef.current;
    if (!inner) return;
    const measure = () => {
      if (!compact) {
        if (inner.scrollWidth > inner.clientWidth + 1) {
          neededWidth.current = inner.scrollWidth;
          setCompact(true);
        }
      } else if (neededWidth.current > 0 && inner.clientWidth >= neededWidth.current) {
        setCompact(false);
        setOpen(false);
      }
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(inner);
    return () => observer.disconnect();
  }, [compact, contentKey]);

  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>('a[href], button, select')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return { innerRef, panelRef, buttonRef, panelId, compact, open: compact && open, setOpen };
}
