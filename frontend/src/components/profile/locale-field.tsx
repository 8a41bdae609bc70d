import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/form-fields';
import { SUPPORTED_LANGUAGES, type LanguageCode } from '@/i18n';

/** The language of a person's e-mails, notifications and exports: one of the interface languages. */
export function LocaleField({
  value,
  onChange,
  hint,
  error,
}: {
  value: LanguageCode;
  onChange: (locale: LanguageCode) => void;
  hint?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField label={t('fields.locale')} name="locale" hint={hint} error={error} value={value} onChange={(e) => onChange(e.target.value as LanguageCode)}>
      {SUPPORTED_LANGUAGES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code}>
          {l.label}
        </option>
      ))}
    </SelectField>
  );
}

/** The interface language as a locale, for defaults. */
export function uiLocale(language: string | undefined): LanguageCode {
  const base = (language ?? 'en').split('-')[0];
  return SUPPORTED_LANGUAGES.find((l) => l.code === base)?.code ?? 'en';
}
