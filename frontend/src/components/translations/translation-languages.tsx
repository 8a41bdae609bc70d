import './translations.css';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/form-fields';
import { languageName } from '@/lib/format';

/** The languages a translation editor offers to add: the interface languages and the programme's. */
export const SUGGESTED_LANGUAGES = ['en', 'nl', 'fr', 'de'];

interface TranslationLanguagesProps {
  /** Languages that have (or are getting) a translation, each a choice. */
  languages: string[];
  /** Languages offered to add. */
  suggestions: string[];
  /** How many texts are still missing in lang. */
  missing: (lang: string) => number;
  value: string | null;
  onChange: (lang: string) => void;
  onAdd: (lang: string) => void;
  children?: ReactNode;
}

/**
 * The language a coordinator translates into, one button per language with how many texts are
 * still missing in it, and a choice to add a language.
 */
export function TranslationLanguages({ languages, suggestions, missing, value, onChange, onAdd, children }: TranslationLanguagesProps) {
  const { t, i18n } = useTranslation();
  const id = `tl${useId().replace(/:/g, '')}`;
  const addable = suggestions.filter((l) => !languages.includes(l));
  const [adding, setAdding] = useState('');
  const choice = addable.includes(adding) ? adding : (addable[0] ?? '');
  return (
    <fieldset className="field fieldset translation-editor">
      <legend className="field-label">{t('translations.legend')}</legend>
      <p className="field-hint">{t('translations.hint')}</p>
      {languages.length === 0 ? (
        <p className="muted">{t('translations.none')}</p>
      ) : (
        <div role="group" aria-label={t('translations.language')} className="row-actions translation-languages">
          {languages.map((lang) => {
            const count = missing(lang);
            return (
              <Button key={lang} size="sm" variant={lang === value ? 'primary' : 'secondary'} aria-pressed={lang === value} onClick={() => onChange(lang)}>
                {languageName(lang, i18n.language)}{' '}
                <Badge tone={count === 0 ? 'success' : 'warning'}>
                  {count === 0 ? t('translations.complete') : t('translations.missing', { count })}
                </Badge>
              </Button>
            );
          })}
        </div>
      )}
      {addable.length > 0 && (
        <div className="input-with-button">
          <SelectField id={`${id}-add`} label={t('translations.add')} value={choice} onChange={(e) => setAdding(e.target.value)}>
            {addable.map((lang) => (
              <option key={lang} value={lang}>
                {languageName(lang, i18n.language)}
              </option>
            ))}
          </SelectField>
          <Button size="sm" onClick={() => choice && onAdd(choice)}>
            {t('translations.addButton')}
          </Button>
        </div>
      )}
      {children}
    </fieldset>
  );
}

interface TranslatedFieldProps {
  label: string;
  original: string;
  value: string;
  lang: string;
  onChange: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
  error?: string;
}

/** One text side by side: the original, read-only, and its translation in lang, marked while missing. */
export function TranslatedField({ label, original, value, lang, onChange, maxLength, multiline, error }: TranslatedFieldProps) {
  const { t, i18n } = useTranslation();
  const fieldLabel = t('translations.fieldIn', { field: label, language: languageName(lang, i18n.language) });
  const missing = !!original.trim() && !value.trim();
  const hint = missing ? t('translations.notTranslated') : undefined;
  return (
    <div className="translation-pair">
      <div className="translation-original">
        <span className="field-label">
          {label} <span className="muted">({t('translations.original')})</span>
        </span>
        <p>{original || <span className="muted">{t('translations.emptyOriginal')}</span>}</p>
      </div>
      {multiline ? (
        <TextAreaField label={fieldLabel} lang={lang} rows={2} maxLength={maxLength} value={value} hint={hint} error={error} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <TextField label={fieldLabel} lang={lang} maxLength={maxLength} value={value} hint={hint} error={error} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}
