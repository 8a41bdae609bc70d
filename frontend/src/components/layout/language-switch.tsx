import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage, SUPPORTED_LANGUAGES, type LanguageCode } from '@/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = `language-${useId().replace(/:/g, '')}`;
  const current = (i18n.resolvedLanguage ?? i18n.language ?? 'en').split('-')[0];
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('layout.language')}</label>
      <select id={id} className="input select select-compact" value={current} onChange={(e) => void setLanguage(e.target.value as LanguageCode)}>
        {SUPPORTED_LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
