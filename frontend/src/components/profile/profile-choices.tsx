import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { CheckboxGroup } from '@/components/ui/form-fields';
import { languageName } from '@/lib/format';
import { type KeyedText, useVocabulary } from '@/lib/vocabulary';

/** The languages a person can say they read: the official languages of the European Union. */
export const PROFILE_LANGUAGES = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];

/** Every theme of the caller's programmes (every programme for an administrator), once per key. */
export function useThemeChoices() {
  return useQuery({
    queryKey: queryKeys.programmes.list({ page: 1, pageSize: 100 }),
    queryFn: () => unwrap(api.GET('/api/v1/programmes', { params: { query: { page: 1, page_size: 100, sort: 'name' } } })),
    select: (page) => {
      const byKey = new Map<string, KeyedText>();
      for (const programme of page.items) for (const theme of programme.themes) if (!byKey.has(theme.key)) byKey.set(theme.key, theme);
      return [...byKey.values()];
    },
  });
}

interface ChoiceProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  /** What the account holds today: kept as a choice even when no longer offered. */
  held: readonly string[];
}

/** The languages a person reads, by their names in the interface language. */
export function LanguageChoices({ value, onChange, error, held }: ChoiceProps) {
  const { t, i18n } = useTranslation();
  const options = useMemo(
    () =>
      [...new Set([...PROFILE_LANGUAGES, ...held])]
        .map((code) => ({ value: code, label: languageName(code, i18n.language) }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [held, i18n.language],
  );
  return (
    <CheckboxGroup
      label={t('fields.languages')}
      name="languages"
      hint={t('account.languagesHint')}
      options={options}
      value={value}
      error={error}
      onChange={onChange}
    />
  );
}

/** A person's expertise: themes of the programmes, by their titles in the interface language. */
export function ExpertiseChoices({ value, onChange, error, held }: ChoiceProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const themes = useThemeChoices();
  const options = useMemo(() => {
    const known = themes.data ?? [];
    // A key held from a theme since removed is shown as it is, so it can be unticked.
    const stale = held.filter((k) => !known.some((theme) => theme.key === k));
    return [...known.map((theme) => ({ value: theme.key, label: vocabulary.title(theme) })), ...stale.map((k) => ({ value: k, label: k }))];
  }, [themes.data, held, vocabulary]);
  if (themes.isSuccess && options.length === 0) return <p className="muted">{t('account.noThemes')}</p>;
  return (
    <CheckboxGroup
      label={t('fields.expertise')}
      name="expertise"
      hint={t('account.expertiseHint')}
      options={options}
      value={value}
      disabled={!themes.isSuccess}
      error={error}
      onChange={onChange}
    />
  );
}
