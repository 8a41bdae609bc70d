import { useState, type FormEvent } from 'react';
import { isApiError } from '@/api/errors';
import type { Criterion, Rubric } from '@/api/review-types';
import type { Versioned } from '@/api/types';
import { SUGGESTED_LANGUAGES, TranslatedField, TranslationLanguages } from '@/components/translations/translation-languages';
import { Button } from '@/components/ui/button';
import { FormActions, FormAlert, FormNotice } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useUpdateRubric } from '../api/rubrics';

type CriterionTexts = NonNullable<Criterion['translations']>[string];

/** The languages a rubric's criteria are translated into. */
function translatedLanguages(criteria: Criterion[]): string[] {
  return [...new Set(criteria.flatMap((c) => Object.keys(c.translations ?? {})))].sort();
}

/** How many texts of the criteria are still missing in lang: titles, descriptions, level labels and descriptors. */
export function missingTexts(criteria: Criterion[], lang: string): number {
  let n = 0;
  for (const c of criteria) {
    const tr = c.translations?.[lang];
    if (c.title.trim() && !tr?.title?.trim()) n++;
    if (c.description?.trim() && !tr?.description?.trim()) n++;
    for (const l of c.levels) {
      const tl = tr?.levels?.find((x) => x.value === l.value);
      if (l.label.trim() && !tl?.label?.trim()) n++;
      if (l.descriptor.trim() && !tl?.descriptor?.trim()) n++;
    }
  }
  return n;
}

/** Translations as the API takes them: trimmed, without blank texts, untranslated levels or empty languages. */
function tidy(criteria: Criterion[]): Criterion[] {
  return criteria.map((c) => {
    const translations: Record<string, CriterionTexts> = {};
    for (const [lang, tr] of Object.entries(c.translations ?? {})) {
      const levels = (tr.levels ?? [])
        .map((l) => ({ value: l.value, label: l.label?.trim() ?? '', descriptor: l.descriptor?.trim() ?? '' }))
        .filter((l) => l.label || l.descriptor);
      const kept: CriterionTexts = { title: tr.title?.trim() ?? '', description: tr.description?.trim() ?? '', levels };
      if (kept.title || kept.description || levels.length > 0) translations[lang] = kept;
    }
    return { ...c, translations };
  });
}

/**
 * Translating a rubric's criteria, one language at a time: every title, description, level label
 * and descriptor beside its original, with how many are still missing per language. Translations
 * change nothing reviewers judge, so this works on a rubric a round already uses.
 */
export function RubricTranslationsEditor({
  programmeId,
  rubric,
  onDone,
  onStale,
}: {
  programmeId: string;
  rubric: Versioned<Rubric>;
  onDone: () => void;
  onStale: () => void;
}) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const update = useUpdateRubric(programmeId);
  const [criteria, setCriteria] = useState<Criterion[]>(() => structuredClone(rubric.data.criteria));
  const [languages, setLanguages] = useState<string[]>(() => translatedLanguages(rubric.data.criteria));
  const [current, setCurrent] = useState<string | null>(() => languages[0] ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const change = (index: number, lang: string, edit: (tr: CriterionTexts) => CriterionTexts) =>
    setCriteria((all) =>
      all.map((c, i) => (i === index ? { ...c, translations: { ...c.translations, [lang]: edit(c.translations?.[lang] ?? {}) } } : c)),
    );
  const setLevel = (index: number, lang: string, value: number, field: 'label' | 'descriptor', text: string) =>
    change(index, lang, (tr) => {
      const levels = [...(tr.levels ?? [])];
      const at = levels.findIndex((l) => l.value === value);
      if (at >= 0) levels[at] = { ...levels[at], [field]: text };
      else levels.push({ value, [field]: text });
      return { ...tr, levels };
    });

  const save = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    update.mutate(
      { id: rubric.data.id, body: { criteria: tidy(criteria) }, etag: rubric.etag },
      {
        onSuccess: () => {
          toast.show(t('rubrics.translations.saved'));
          onDone();
        },
        onError: (error) => {
          if (isApiError(error) && (error.status === 412 || error.status === 428)) {
            setNotice(t('rubrics.translations.stale'));
            onStale();
          } else setFormError(describeError(error, t));
        },
      },
    );
  };

  return (
    <form onSubmit={save} noValidate className="form" aria-labelledby="rubric-translations-title">
      <h3 id="rubric-translations-title">{t('rubrics.translations.title', { number: rubric.data.number })}</h3>
      <p className="muted">{t('rubrics.translations.lead')}</p>
      <FormNotice message={notice} />
      <FormAlert message={formError} />
      <TranslationLanguages
        languages={languages}
        suggestions={SUGGESTED_LANGUAGES}
        missing={(lang) => missingTexts(criteria, lang)}
        value={current}
        onChange={setCurrent}
        onAdd={(lang) => {
          setLanguages((all) => [...all, lang]);
          setCurrent(lang);
        }}
      >
        {current && (
          <ol className="rv-criterion-editors">
            {criteria.map((c, i) => {
              const tr = c.translations?.[current] ?? {};
              const levelText = (value: number) => tr.levels?.find((l) => l.value === value);
              return (
                <li key={c.key}>
                  <fieldset className="subform">
                    <legend>{c.title}</legend>
                    <TranslatedField
                      label={t('rubrics.translations.criterionTitle')}
                      original={c.title}
                      lang={current}
                      maxLength={200}
                      value={tr.title ?? ''}
                      onChange={(v) => change(i, current, (x) => ({ ...x, title: v }))}
                    />
                    <TranslatedField
                      label={t('rubrics.translations.description')}
                      original={c.description ?? ''}
                      lang={current}
                      maxLength={2000}
                      multiline
                      value={tr.description ?? ''}
                      onChange={(v) => change(i, current, (x) => ({ ...x, description: v }))}
                    />
                    {c.levels.map((l) => (
                      <div key={l.value} className="translation-group">
                        <TranslatedField
                          label={t('rubrics.translations.levelLabel', { value: l.value })}
                          original={l.label}
                          lang={current}
                          maxLength={100}
                          value={levelText(l.value)?.label ?? ''}
                          onChange={(v) => setLevel(i, current, l.value, 'label', v)}
                        />
                        <TranslatedField
                          label={t('rubrics.translations.levelDescriptor', { value: l.value })}
                          original={l.descriptor}
                          lang={current}
                          maxLength={1000}
                          multiline
                          value={levelText(l.value)?.descriptor ?? ''}
                          onChange={(v) => setLevel(i, current, l.value, 'descriptor', v)}
                        />
                      </div>
                    ))}
                  </fieldset>
                </li>
              );
            })}
          </ol>
        )}
      </TranslationLanguages>
      <FormActions>
        <Button type="submit" variant="primary" pending={update.isPending} pendingLabel={t('actions.saving')}>
          {t('actions.saveChanges')}
        </Button>
        <Button onClick={onDone}>{t('actions.cancel')}</Button>
      </FormActions>
    </form>
  );
}
