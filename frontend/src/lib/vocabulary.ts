import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The vocabularies a programme defines (its name and texts, themes, target groups, rubric
 * criteria) are written in one original language and carry translations keyed by BCP 47 tag. A
 * reader sees the text in the interface language where there is one and the original everywhere
 * else, text by text: a translation may be partial. The server's `internal/domain/vocabulary.go`
 * picks the same way.
 */

/** The translation for lang: the exact tag, then its language (fr-BE → fr), then any other variant (fr → fr-CA). */
export function pickTranslation<T>(translations: Record<string, T> | undefined, lang: string): T | undefined {
  if (!translations || !lang) return undefined;
  const wanted = lang.toLowerCase();
  const tags = Object.keys(translations).sort();
  const exact = tags.find((tag) => tag.toLowerCase() === wanted);
  if (exact) return translations[exact];
  const base = wanted.split('-')[0];
  const variant = tags.find((tag) => tag.toLowerCase().split('-')[0] === base);
  return variant ? translations[variant] : undefined;
}

function or(text: string | undefined, fallback: string): string {
  return text && text.trim() ? text : fallback;
}

export interface KeyedText {
  key: string;
  title: string;
  titles?: Record<string, string>;
}

/** A theme's or target group's title in lang, or its original title. */
export function keyedTitle(item: KeyedText, lang: string): string {
  return or(pickTranslation(item.titles, lang), item.title);
}

/** The title of key among items in lang; an unknown key is shown as it is. */
export function titleOf(items: readonly KeyedText[] | undefined, key: string, lang: string): string {
  const item = items?.find((x) => x.key === key);
  return item ? keyedTitle(item, lang) : key;
}

export interface ProgrammeTexts {
  name: string;
  description?: string;
  objective?: string;
  translations?: Record<string, { name?: string; description?: string; objective?: string }>;
}

/** A programme's name, description and objective in lang, each falling back to the original. */
export function programmeText(p: ProgrammeTexts, lang: string): { name: string; description: string; objective: string } {
  const t = pickTranslation(p.translations, lang);
  return { name: or(t?.name, p.name), description: or(t?.description, p.description ?? ''), objective: or(t?.objective, p.objective ?? '') };
}

export interface CriterionTexts {
  title: string;
  description?: string;
  levels: { value: number; label: string; descriptor: string }[];
  translations?: Record<string, { title?: string; description?: string; levels?: { value: number; label?: string; descriptor?: string }[] }>;
}

/** The criterion as a reader of lang sees it: title, description and level texts translated where they are. */
export function criterionIn<C extends CriterionTexts>(c: C, lang: string): C {
  const t = pickTranslation(c.translations, lang);
  if (!t) return c;
  return {
    ...c,
    title: or(t.title, c.title),
    description: or(t.description, c.description ?? ''),
    levels: c.levels.map((l) => {
      const tl = t.levels?.find((x) => x.value === l.value);
      return { ...l, label: or(tl?.label, l.label), descriptor: or(tl?.descriptor, l.descriptor) };
    }),
  };
}

/** The vocabulary helpers bound to the interface language. */
export function useVocabulary() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const title = useCallback((item: KeyedText) => keyedTitle(item, lang), [lang]);
  const titleIn = useCallback((items: readonly KeyedText[] | undefined, key: string) => titleOf(items, key, lang), [lang]);
  const programme = useCallback((p: ProgrammeTexts) => programmeText(p, lang), [lang]);
  const criterion = useCallback(<C extends CriterionTexts>(c: C) => criterionIn(c, lang), [lang]);
  return useMemo(() => ({ lang, title, titleIn, programme, criterion }), [lang, title, titleIn, programme, criterion]);
}
