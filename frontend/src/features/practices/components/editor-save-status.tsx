import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/describe-error';
import { formatTime } from '@/lib/format';
import type { SaveStatus } from '@/lib/use-versioned-autosave';

/** "Saving…", "Saved at 14:02", "Not saved – error": announced politely as it changes. */
export function EditorSaveStatus({ state, creating, unsaved, onRetry }: { state: SaveStatus; creating: boolean; unsaved: boolean; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  let tone = 'neutral';
  let text: string;
  let detail: string | null = null;
  if (creating) {
    text = t('practices.autosave.notCreated');
    detail = t('practices.autosave.notCreatedHint');
  } else {
    switch (state.kind) {
      case 'saving':
        text = t('practices.autosave.saving');
        break;
      case 'saved':
        tone = 'success';
        text = t('practices.autosave.savedAt', { time: formatTime(state.at, i18n.language) });
        break;
      case 'pending':
        text = t('practices.autosave.pending');
        break;
      case 'blocked':
        tone = 'warning';
        text = t('practices.autosave.blocked');
        detail = state.at ? t('practices.autosave.restSavedAt', { time: formatTime(state.at, i18n.language) }) : null;
        break;
      case 'error':
        tone = 'error';
        text = t('practices.autosave.error');
        detail = describeError(state.error, t);
        break;
      case 'conflict':
        tone = 'error';
        text = t('practices.autosave.conflict');
        break;
      case 'locked':
        tone = 'error';
        text = t('practices.autosave.locked');
        break;
      default:
        text = unsaved ? t('practices.autosave.pending') : t('practices.autosave.upToDate');
    }
  }
  return (
    <div className={`save-status save-status-${tone}`}>
      <p className="save-status-text" role="status" aria-live="polite">
        {text}
      </p>
      {detail && <p className="save-status-detail">{detail}</p>}
      {state.kind === 'error' && !creating && (
        <Button size="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      )}
    </div>
  );
}
