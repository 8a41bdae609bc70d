import { useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { setLanguage, SUPPORTED_LANGUAGES, type LanguageCode } from '@/i18n';
import { SessionContext } from '@/lib/session';

/**
 * The interface language. For a signed-in person the choice is also their account's locale, the
 * language of their e-mails and exports; saving it is best effort and never blocks the switch.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const session = useContext(SessionContext);
  const id = `language-${useId().replace(/:/g, '')}`;
  const current = (i18n.resolvedLanguage ?? i18n.language ?? 'en').split('-')[0];
  const choose = async (code: LanguageCode) => {
    await setLanguage(code);
    if (session?.status !== 'authenticated' || !session.user || session.user.locale === code) return;
    try {
      const { data } = await api.PATCH('/api/v1/me', { body: { locale: code } });
      if (data) session.updateUser(data);
    } catch {
      // Offline or signed out meanwhile: the interface still switched; the locale follows next time.
    }
  };
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('layout.language')}</label>
      <select id={id} className="input select select-compact" value={current} onChange={(e) => void choose(e.target.value as LanguageCode)}>
        {SUPPORTED_LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
