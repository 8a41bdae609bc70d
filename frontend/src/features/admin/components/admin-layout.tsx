import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

/** Administration: a sub-navigation between organisations and accounts. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <>
      <p className="eyebrow">{t('admin.title')}</p>
      <nav className="tabs" aria-label={t('admin.sections')}>
        <ul>
          <li>
            <NavLink to="/admin/organisations" className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
              {t('admin.organisations.title')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/users" className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
              {t('admin.users.title')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
