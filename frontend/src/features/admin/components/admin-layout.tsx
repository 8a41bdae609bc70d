import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { TabsNav } from '@/components/ui/tabs-nav';

/** Administration: a sub-navigation between organisations and accounts. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <>
      <p className="eyebrow">{t('admin.title')}</p>
      <TabsNav label={t('admin.sections')}>
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
      </TabsNav>
      <Outlet />
    </>
  );
}
