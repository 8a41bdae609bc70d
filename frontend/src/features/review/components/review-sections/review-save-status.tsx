import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/describe-error';
import { formatTime } from '@/lib/format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import type { SaveStatus } from '@/lib/use-versioned-autosave';

/** "Saving…", "Saved at 14:02", "Not saved – error": announced politely as it changes. */
export function ReviewSaveStatus({ state, dirty, onRetry }: { state: SaveStatus; dirty: boolean; onRetry: () => void }) {
  const { t, i18n } = useReviewTranslation();
  let text: ReactNode;
  let tone = 'muted';
  switch (state.kind) {
    case 'idle':
      text = dirty ? t('form.save.unsaved') : t('form.save.noChanges');
      break;
    case 'pending':
    case 'blocked':
      text = t('form.save.unsaved');
      break;
    case 'saving':
      text = t('form.save.saving');
      break;
    case 'saved':
      text = t('form.save.savedAt', { time: formatTime(state.at, i18n.language) });
      tone = 'success';
      break;
    case 'conflict':
      text = t('form.save.conflict');
      tone = 'warning';
      break;
    case 'locked':
      text = t('form.save.locked');
      tone = 'warning';
      break;
    case 'error':
      text = t('form.save.failed', { reason: describeError(state.error, t) });
      tone = 'error';
      break;
  }
  return (
    <div className={`rv-save-status rv-save-${tone}`}>
      <p role="status" aria-live="polite">
        {text}
      </p>
      {state.kind === 'error' && (
        <Button size="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      )}
    </div>
  );
}
