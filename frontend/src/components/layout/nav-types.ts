import type { Role, User } from '@/api/types';

/** One entry of the main navigation. Features are added by appending to the app's list. */
export interface NavItem {
  to: string;
  /** i18n key of the label. */
  labelKey: string;
  /** Highlight only on an exact match of `to`. */
  end?: boolean;
  /** Shown only when this returns true for the signed-in user. */
  visible?: (user: User) => boolean;
  /** Shown only to people who hold this role in at least one of their programmes. */
  role?: Role;
}
