import { useState, type FormEvent } from 'react';
import type { EmailPreference } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { FormActions, FormAlert } from '@/components/ui/form-fields';
import { RadioCards } from '@/components/ui/radio-cards';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useNotificationPreferences, useSetNotificationPreferences } from '../api/notifications';

const CHOICES: readonly EmailPreference[] = ['immediate', 'daily', 'off'];

/** The e-mail preference for notifications: immediately, a daily digest, or none. */
export function NotificationPreferencesForm() {
  const { t } = useReviewTranslation();
  const prefs = useNotificationPreferences();
  if (prefs.isPending) return <LoadingState />;
  if (prefs.isError) return <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />;
  return <PreferencesForm key={prefs.data.email} initial={prefs.data.email} lead={t('preferences.lead')} />;
}

function PreferencesForm({ initial, lead }: { initial: EmailPreference; lead: string }) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const save = useSetNotificationPreferences();
  const [email, setEmail] = useState<EmailPreference>(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(email, { onSuccess: () => toast.show(t('preferences.saved')) });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert message={save.isError ? describeError(save.error, t) : null} />
      <RadioCards
        name="email-preference"
        legend={t('preferences.legend')}
        description={lead}
        options={CHOICES.map((c) => ({ value: c, label: t(`preferences.${c}`), description: t(`preferences.${c}Hint`) }))}
        value={email}
        onChange={(v) => setEmail(v as EmailPreference)}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={save.isPending} pendingLabel={t('actions.saving')}>
          {t('preferences.save')}
        </Button>
      </FormActions>
    </form>
  );
}

/** The preference as a section of the account page. */
export function NotificationPreferencesSection() {
  const { t } = useReviewTranslation();
  return (
    <section className="card" aria-labelledby="notification-preferences-heading">
      <h2 id="notification-preferences-heading">{t('preferences.title')}</h2>
      <NotificationPreferencesForm />
    </section>
  );
}
