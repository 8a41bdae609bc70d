import type { NavItem } from '@/components/layout/nav-types';
import type { ProgrammeTab } from '@/lib/programme-context';

/** The main navigation, by role. New features add their entry here. */
export const navItems: NavItem[] = [
  { to: '/programmes', labelKey: 'nav.programmes' },
  { to: '/reviews', labelKey: 'review:nav.myReviews', role: 'reviewer' },
  { to: '/admin', labelKey: 'nav.administration', visible: (user) => user.is_admin },
  { to: '/account', labelKey: 'nav.account' },
];

/** The tabs of a programme page. Practices, reviews, adaptations and the dashboard go here. */
export const programmeTabs: ProgrammeTab[] = [
  { to: '', labelKey: 'programmes.tabs.overview' },
  { to: 'practices', labelKey: 'programmes.tabs.practices' },
  { to: 'calls', labelKey: 'calls.title' },
  { to: 'activities', labelKey: 'activities.title' },
  { to: 'adaptations', labelKey: 'exchange:tabs.adaptations' },
  { to: 'products', labelKey: 'exchange:tabs.products' },
  { to: 'learning', labelKey: 'learning.tabs.profile' },
  { to: 'matches', labelKey: 'learning.tabs.matches' },
  { to: 'learning-map', labelKey: 'learning.tabs.map', visible: (ctx) => ctx.canCoordinate },
  { to: 'members', labelKey: 'programmes.tabs.members' },
  { to: 'rounds', labelKey: 'review:nav.rounds', visible: (ctx) => ctx.canCoordinate },
  { to: 'rubrics', labelKey: 'review:nav.rubrics', visible: (ctx) => ctx.canCoordinate },
  { to: 'dashboard', labelKey: 'exchange:tabs.dashboard', visible: (ctx) => ctx.canCoordinate },
  { to: 'report', labelKey: 'report:report.tab', visible: (ctx) => ctx.canCoordinate },
];
