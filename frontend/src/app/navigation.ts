import type { NavItem } from '@/components/layout/nav-types';
import type { ProgrammeTab } from '@/lib/programme-context';

/** The main navigation, by role. New features add their entry here. */
export const navItems: NavItem[] = [
  { to: '/programmes', labelKey: 'nav.programmes' },
  { to: '/admin', labelKey: 'nav.administration', visible: (user) => user.is_admin },
  { to: '/account', labelKey: 'nav.account' },
];

/** The tabs of a programme page. Practices, reviews, adaptations and the dashboard go here. */
export const programmeTabs: ProgrammeTab[] = [
  { to: '', labelKey: 'programmes.tabs.overview' },
  { to: 'members', labelKey: 'programmes.tabs.members' },
];
