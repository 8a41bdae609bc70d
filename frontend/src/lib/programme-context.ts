import { useOutletContext } from 'react-router';
import type { Programme } from '@/api/types';

/**
 * What the programme page gives the tabs rendered inside it (members today; practices,
 * reviews, adaptations and the dashboard later).
 */
export interface ProgrammeOutletContext {
  programme: Programme;
  /** The programme's ETag, for If-Match. */
  etag: string;
  /** The caller may manage the programme: a coordinator of it, or an administrator. */
  canCoordinate: boolean;
}

export function useProgrammeOutlet(): ProgrammeOutletContext {
  return useOutletContext<ProgrammeOutletContext>();
}

/** A tab of the programme page. The app's router lists them; later features add their own. */
export interface ProgrammeTab {
  /** Path relative to the programme (`''` for the overview, `members`, …). */
  to: string;
  /** i18n key of the label. */
  labelKey: string;
  /** Shown only when this returns true. */
  visible?: (ctx: ProgrammeOutletContext) => boolean;
}
