import { useTranslation } from 'react-i18next';
import { SUGGESTED_LANGUAGES, TranslatedField, TranslationLanguages } from '@/components/translations/translation-languages';
import { limits } from '@/lib/validation';
import type { KeyedRow } from './keyed-rows-field';

export type ProgrammeTexts = Record<string, { name?: string; description?: string; objective?: string }>;

interface ProgrammeTranslationsProps {
  original: { name: string; description: string; objective: string };
  translations: ProgrammeTexts;
  onTranslations: (next: ProgrammeTexts) => void;
  themes: KeyedRow[];
  onThemes: (rows: KeyedRow[]) => void;
  targetGroups: KeyedRow[];
  onTargetGroups: (rows: KeyedRow[]) => void;
  /** Languages with a tab: those translated so far and those added in this edit. */
  languages: string[];
  onLanguages: (languages: string[]) => void;
  /** The programme's own languages, offered first to add. */
  programmeLanguages: string[];
  current: string | null;
  onCurrent: (lang: string) => void;
}

/** The languages a programme's texts, themes and target groups are translated into. */
export function translatedLanguages(translations: ProgrammeTexts, rows: KeyedRow[]): string[] {
  const found = new Set(Object.keys(translations));
  for (const row of rows) for (const [lang, title] of Object.entries(row.titles)) if (title.trim()) found.add(lang);
  return [...found].sort();
}

/**
 * The programme's name, description, objective and every theme and target-group title side by
 * side with its translation in one language at a time; each language says how many are missing.
 */
export function ProgrammeTranslations(props: ProgrammeTranslationsProps) {
  const { t } = useTranslation();
  const { original, translations, onTranslations, themes, onThemes, targetGroups, onTargetGroups, current } = props;
  const missing = (lang: string) => {
    const tr = translations[lang] ?? {};
    let n = 0;
    for (const field of ['name', 'description', 'objective'] as const) if (original[field].trim() && !tr[field]?.trim()) n++;
    for (const row of [...themes, ...targetGroups]) if (row.title.trim() && !row.titles[lang]?.trim()) n++;
    return n;
  };
  const setText = (lang: string, field: 'name' | 'description' | 'objective', value: string) =>
    onTranslations({ ...translations, [lang]: { ...translations[lang], [field]: value } });
  const setTitle = (rows: KeyedRow[], onRows: (rows: KeyedRow[]) => void, index: number, lang: string, value: string) =>
    onRows(rows.map((row, i) => (i === index ? { ...row, titles: { ...row.titles, [lang]: value } } : row)));
  const suggestions = [...new Set([...props.programmeLanguages, ...SUGGESTED_LANGUAGES])];

  return (
    <TranslationLanguages
      languages={props.languages}
      suggestions={suggestions}
      missing={missing}
      value={current}
      onChange={props.onCurrent}
      onAdd={(lang) => {
        props.onLanguages([...props.languages, lang]);
        props.onCurrent(lang);
      }}
    >
      {current && (
        <div className="stack">
          <TranslatedField label={t('fields.name')} original={original.name} lang={current} maxLength={limits.nameMax}
            value={translations[current]?.name ?? ''} onChange={(v) => setText(current, 'name', v)} />
          <TranslatedField label={t('fields.description')} original={original.description} lang={current} maxLength={limits.descriptionMax} multiline
            value={translations[current]?.description ?? ''} onChange={(v) => setText(current, 'description', v)} />
          <TranslatedField label={t('fields.objective')} original={original.objective} lang={current} maxLength={limits.objectiveMax} multiline
            value={translations[current]?.objective ?? ''} onChange={(v) => setText(current, 'objective', v)} />
          {themes.length > 0 && (
            <div className="translation-group">
              <h3 className="h4">{t('fields.themes')}</h3>
              {themes.map((row, i) => (
                <TranslatedField key={row.rowId} label={t('programmes.form.themeN', { n: i + 1 })} original={row.title} lang={current} maxLength={limits.nameMax}
                  value={row.titles[current] ?? ''} onChange={(v) => setTitle(themes, onThemes, i, current, v)} />
              ))}
            </div>
          )}
          {targetGroups.length > 0 && (
            <div className="translation-group">
              <h3 className="h4">{t('fields.targetGroups')}</h3>
              {targetGroups.map((row, i) => (
                <TranslatedField key={row.rowId} label={t('programmes.form.targetGroupN', { n: i + 1 })} original={row.title} lang={current} maxLength={limits.nameMax}
                  value={row.titles[current] ?? ''} onChange={(v) => setTitle(targetGroups, onTargetGroups, i, current, v)} />
              ))}
            </div>
          )}
        </div>
      )}
    </TranslationLanguages>
  );
}
