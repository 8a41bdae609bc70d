import type { PracticeDraft } from '../practice-draft';
import type { RequestFocus } from '../editor-fields';

/** What every group of editor sections gets from the editing session. */
export interface SectionProps {
  draft: PracticeDraft;
  set: <K extends keyof PracticeDraft>(key: K, value: PracticeDraft[K]) => void;
  errorFor: (path: string) => string | undefined;
  requestFocus: RequestFocus;
}
