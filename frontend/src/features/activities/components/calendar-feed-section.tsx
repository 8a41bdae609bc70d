import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { copyText } from '@/lib/clipboard';
import { describeError } from '@/lib/describe-error';
import { useCreateCalendarToken, useRevokeCalendarToken } from '../api/activities';

/**
 * The account page's calendar feed: a personal address for calendar apps, shown once when made
 * (only its digest is kept), to copy, replace or revoke.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateCalendarToken();
  const revoke = useRevokeCalendarToken();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const make = () => {
    setError(null);
    create.mutate(undefined, { onSuccess: (token) => setUrl(token.url), onError: (e) => setError(describeError(e, t)) });
  };
  const end = () => {
    setError(null);
    revoke.mutate(undefined, {
      onSuccess: () => {
        setUrl(null);
        toast.show(t('activities.calendar.revoked'));
      },
      onError: (e) => setError(describeError(e, t)),
    });
  };
  const copy = async () => {
    if (url && (await copyText(url))) toast.show(t('activities.calendar.copied'));
    else setError(t('activities.calendar.copyFailed'));
  };

  return (
    <section className="card calendar-feed" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t('activities.calendar.title')}</h2>
      <p className="muted">{t('activities.calendar.lead')}</p>
      <FormAlert message={error} />
      {url ? (
        <div className="field">
          <label className="field-label" htmlFor="calendar-feed-url">
            {t('activities.calendar.url')}
          </label>
          <input id="calendar-feed-url" className="input" readOnly value={url} aria-describedby="calendar-feed-once" onFocus={(e) => e.target.select()} />
          <p id="calendar-feed-once" className="field-hint">
            {t('activities.calendar.onceHint')}
          </p>
          <div className="form-actions">
            <Button variant="primary" onClick={() => void copy()}>
              {t('activities.calendar.copy')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="form-actions">
        <Button variant={url ? 'secondary' : 'primary'} onClick={make} pending={create.isPending} pendingLabel={t('actions.working')}>
          {url ? t('activities.calendar.regenerate') : t('activities.calendar.create')}
        </Button>
        <Button variant="danger" onClick={end} pending={revoke.isPending} pendingLabel={t('actions.working')}>
          {t('activities.calendar.revoke')}
        </Button>
      </div>
      <p className="field-hint">{t('activities.calendar.regenerateHint')}</p>
    </section>
  );
}
