import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import type { Practice, Programme, TranslationInput } from '@/api/types';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormActions, FormAlert, RequiredNote, SelectField } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { languageName } from '@/lib/format';
import { useFormErrors } from '@/lib/use-form-errors';
import { fetchPractice, putTranslation, storePractice } from '../api/practices';
import { CountedTextArea, CountedTextField } from '@/components/ui/counted-fields';
import { PRACTICE_LIMITS } from './practice-draft';
import { PRACTICE_LANGUAGES } from './practice-vocabulary';

type TextKey = 'title' | 'summary' | 'context' | 'approach' | 'resources' | 'outcomes' | 'transferability' | 'lessons_learned';

interface TranslationDraft {
  status: 'machine' | 'verified';
  text: Record<TextKey, string>;
  learning_questions: string[];
  products: Record<string, { name: string; description: string }>;
}

const TEXT_KEYS: TextKey[] = ['title', 'summary', 'context', 'approach', 'resources', 'outcomes', 'transferability', 'lessons_learned'];

const LIMITS: Record<TextKey, number> = {
  title: PRACTICE_LIMITS.title,
  summary: PRACTICE_LIMITS.summary,
  context: PRACTICE_LIMITS.longText,
  approach: PRACTICE_LIMITS.longText,
  resources: PRACTICE_LIMITS.resources,
  outcomes: PRACTICE_LIMITS.longText,
  transferability: PRACTICE_LIMITS.longText,
  lessons_learned: PRACTICE_LIMITS.longText,
};

const LABEL_KEYS: Record<TextKey, string> = {
  title: 'fields.title',
  summary: 'practices.fields.summary',
  context: 'practices.sections.context',
  approach: 'practices.sections.approach',
  resources: 'practices.fields.resources',
  outcomes: 'practices.sections.outcomes',
  transferability: 'practices.sections.transferability',
  lessons_learned: 'practices.sections.lessonsLearned',
};

function draftFor(practice: Practice, lang: string): TranslationDraft {
  const existing = practice.translations.find((tr) => tr.language === lang);
  const text = Object.fromEntries(TEXT_KEYS.map((k) => [k, existing?.[k] ?? ''])) as Record<TextKey, string>;
  return {
    status: existing?.status ?? 'machine',
    text,
    learning_questions: (practice.learning_questions ?? []).map((_, i) => existing?.learning_questions?.[i] ?? ''),
    products: Object.fromEntries(
      practice.products.map((p) => {
        const tp = existing?.products?.find((x) => x.id === p.id);
        return [p.id, { name: tp?.name ?? '', description: tp?.description ?? '' }];
      }),
    ),
  };
}

function toBody(d: TranslationDraft, practice: Practice): TranslationInput {
  return {
    status: d.status,
    ...d.text,
    learning_questions: d.learning_questions.map((q) => q.trim()).some(Boolean) ? d.learning_questions.map((q) => q.trim()) : [],
    products: practice.products
      .map((p) => ({ id: p.id, name: d.products[p.id]?.name.trim() ?? '', description: d.products[p.id]?.description ?? '' }))
      .filter((p) => p.name || p.description),
  };
}

interface TranslationDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  practice: Practice;
  /** The practice's ETag: a translation is part of the practice. */
  etag: string;
  programme?: Programme;
}

/** Writes or corrects a translation of a practice, field by field next to the original. */
export function TranslationDialog({ open, onOpenChange, practice, etag, programme }: TranslationDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('practices.translate.title')} description={t('practices.translate.description')} size="lg">
      {/* A fresh form each time it opens. */}
      {open && <TranslationForm practice={practice} etag={etag} programme={programme} onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}

function TranslationForm({ practice, etag, programme, onDone }: { practice: Practice; etag: string; programme?: Programme; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const programmeLanguages = (programme?.languages ?? []).filter((l) => l !== practice.language);
  const otherLanguages = PRACTICE_LANGUAGES.filter((l) => l !== practice.language && !programmeLanguages.includes(l));
  const ui = i18n.language.split('-')[0];
  const [lang, setLang] = useState(() => (programmeLanguages.includes(ui) ? ui : (programmeLanguages[0] ?? '')));
  // One draft per language, so switching languages never throws away what was typed.
  const [drafts, setDrafts] = useState<Record<string, TranslationDraft>>({});
  const [pending, setPending] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const draft = lang ? (drafts[lang] ?? draftFor(practice, lang)) : null;

  const fieldNames = useMemo(
    () => [
      'language',
      'status',
      ...TEXT_KEYS,
      ...(practice.learning_questions ?? []).map((_, i) => `learning_questions[${i}]`),
      ...practice.products.flatMap((_, i) => [`products[${i}].name`, `products[${i}].description`]),
    ],
    [practice],
  );
  const form = useFormErrors<string>(fieldNames);

  const update = (change: (d: TranslationDraft) => TranslationDraft) => {
    if (!lang || !draft) return;
    setDrafts((all) => ({ ...all, [lang]: change(all[lang] ?? draft) }));
  };

  const validate = (d: TranslationDraft): boolean => {
    const errors: Record<string, string> = {};
    if (!lang) errors.language = t('practices.translate.chooseLanguage');
    if (!d.text.title.trim()) errors.title = t('validation.required');
    for (const key of TEXT_KEYS) if (d.text[key].length > LIMITS[key]) errors[key] = t('validation.maxLength', { max: LIMITS[key] });
    d.learning_questions.forEach((q, i) => {
      if (q.length > PRACTICE_LIMITS.learningQuestion) errors[`learning_questions[${i}]`] = t('validation.maxLength', { max: PRACTICE_LIMITS.learningQuestion });
    });
    practice.products.forEach((p, i) => {
      const tp = d.products[p.id];
      if (tp && tp.name.length > PRACTICE_LIMITS.productName) errors[`products[${i}].name`] = t('validation.maxLength', { max: PRACTICE_LIMITS.productName });
      if (tp && tp.description.length > PRACTICE_LIMITS.productDescription)
        errors[`products[${i}].description`] = t('validation.maxLength', { max: PRACTICE_LIMITS.productDescription });
    });
    return form.validate(errors);
  };

  const save = async (withEtag: string) => {
    if (!draft || !lang) return;
    setPending(true);
    try {
      await putTranslation(practice.id, lang, toBody(draft, practice), withEtag);
      storePractice(queryClient, await fetchPractice(practice.id));
      toast.show(t('practices.translate.saved', { language: languageName(lang, i18n.language) }));
      onDone();
    } catch (error) {
      if (isApiError(error) && (error.status === 412 || error.status === 428)) {
        setConflict(true);
        form.setFormError(null);
      } else {
        form.showServerError(error);
      }
    } finally {
      setPending(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft || !validate(draft)) return;
    void save(etag);
  };

  /** Keeps the text typed here: reads the practice's latest version and saves over it. */
  const keepMine = async () => {
    setPending(true);
    try {
      const latest = await fetchPractice(practice.id);
      storePractice(queryClient, latest);
      setConflict(false);
      await save(latest.etag);
    } catch (error) {
      form.showServerError(error);
      setPending(false);
    }
  };

  /** Drops the text typed for this language and shows the latest saved translation. */
  const discardMine = async () => {
    setPending(true);
    try {
      const latest = await fetchPractice(practice.id);
      storePractice(queryClient, latest);
      setDrafts((all) => ({ ...all, [lang]: draftFor(latest.data, lang) }));
      setConflict(false);
      setConfirmDiscard(false);
    } catch (error) {
      form.showServerError(error);
    } finally {
      setPending(false);
    }
  };

  const original = (text: string | undefined, key: string): ReactNode =>
    text && text.trim() ? (
      <details className="original-text" key={key}>
        <summary>{t('practices.translate.showOriginal', { language: languageName(practice.language, i18n.language) })}</summary>
        <p lang={practice.language} className="prose-paragraph">
          {text}
        </p>
      </details>
    ) : null;

  const existing = new Set(practice.translations.map((tr) => tr.language));
  const langOption = (l: string) => (
    <option key={l} value={l}>
      {languageName(l, i18n.language)} ({l}){existing.has(l) ? ` — ${t('practices.translate.exists')}` : ''}
    </option>
  );

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form translation-form">
      <RequiredNote />
      {conflict && (
        <div className="alert alert-warning" role="alert">
          <p>{t('practices.translate.conflict')}</p>
          {confirmDiscard ? (
            <>
              <p>{t('practices.translate.discardConfirm')}</p>
              <div className="form-actions">
                <Button variant="danger" onClick={() => void discardMine()} pending={pending} pendingLabel={t('actions.working')}>
                  {t('practices.translate.discard')}
                </Button>
                <Button onClick={() => setConfirmDiscard(false)}>{t('actions.cancel')}</Button>
              </div>
            </>
          ) : (
            <div className="form-actions">
              <Button variant="primary" onClick={() => void keepMine()} pending={pending} pendingLabel={t('actions.working')}>
                {t('practices.translate.keepMine')}
              </Button>
              <Button onClick={() => setConfirmDiscard(true)}>{t('practices.translate.discard')}</Button>
            </div>
          )}
        </div>
      )}
      <FormAlert message={form.formError} />
      <div className="field-row">
        <SelectField
          label={t('practices.translate.language')}
          required
          value={lang}
          error={form.errors.language}
          hint={t('practices.translate.languageHint', { language: languageName(practice.language, i18n.language) })}
          onChange={(e) => {
            setLang(e.target.value);
            form.reset();
            setConflict(false);
          }}
        >
          <option value="">{t('forms.choose')}</option>
          {programmeLanguages.length > 0 && <optgroup label={t('practices.editor.programmeLanguages')}>{programmeLanguages.map(langOption)}</optgroup>}
          <optgroup label={t('practices.editor.otherLanguages')}>{otherLanguages.map(langOption)}</optgroup>
        </SelectField>
        {draft && (
          <fieldset className="field fieldset">
            <legend className="field-label">{t('practices.translate.kind')}</legend>
            <div className="checkbox-options">
              {(['machine', 'verified'] as const).map((status) => (
                <div className="checkbox-option" key={status}>
                  <input
                    id={`translation-status-${status}`}
                    type="radio"
                    className="checkbox"
                    name="translation-status"
                    checked={draft.status === status}
                    onChange={() => update((d) => ({ ...d, status }))}
                  />
                  <label htmlFor={`translation-status-${status}`}>
                    {t(`practices.translationStatus.${status}`)}
                    <span className="checkbox-hint">{t(`practices.translate.${status}Hint`)}</span>
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
      </div>

      {draft && (
        <div>
          {TEXT_KEYS.filter((key) => key === 'title' || key === 'summary' || (practice[key] ?? '').trim()).map((key) => {
            const common = {
              label: t(LABEL_KEYS[key]),
              lang,
              value: draft.text[key],
              max: LIMITS[key],
              error: form.errors[key],
              onChange: (e: { target: { value: string } }) => {
                const value = e.target.value;
                update((d) => ({ ...d, text: { ...d.text, [key]: value } }));
                form.clearError(key);
              },
            };
            return (
              <div key={key} className="translation-field">
                {key === 'title' ? <CountedTextField {...common} required /> : <CountedTextArea {...common} rows={key === 'summary' ? 3 : 5} />}
                {original(practice[key] ?? '', `${key}-original`)}
              </div>
            );
          })}

          {(practice.learning_questions ?? []).length > 0 && (
            <fieldset className="field fieldset translation-group">
              <legend className="field-label">{t('practices.sections.learningQuestions')}</legend>
              {(practice.learning_questions ?? []).map((question, i) => (
                <div key={i} className="translation-field">
                  <CountedTextArea
                    label={t('practices.fields.questionN', { n: i + 1 })}
                    rows={2}
                    lang={lang}
                    value={draft.learning_questions[i] ?? ''}
                    max={PRACTICE_LIMITS.learningQuestion}
                    error={form.errors[`learning_questions[${i}]`]}
                    onChange={(e) => {
                      const value = e.target.value;
                      update((d) => ({ ...d, learning_questions: d.learning_questions.map((q, j) => (j === i ? value : q)) }));
                    }}
                  />
                  {original(question, `q${i}`)}
                </div>
              ))}
            </fieldset>
          )}

          {practice.products.map((product, i) => (
            <fieldset key={product.id} className="field fieldset translation-group">
              <legend className="field-label">
                {t('practices.fields.productN', { n: i + 1 })}: <span lang={practice.language}>{product.name}</span>
              </legend>
              <CountedTextField
                label={t('fields.name')}
                lang={lang}
                value={draft.products[product.id]?.name ?? ''}
                max={PRACTICE_LIMITS.productName}
                error={form.errors[`products[${i}].name`]}
                onChange={(e) => {
                  const value = e.target.value;
                  update((d) => ({ ...d, products: { ...d.products, [product.id]: { ...d.products[product.id], name: value } } }));
                }}
              />
              {product.description && (
                <>
                  <CountedTextArea
                    label={t('fields.description')}
                    rows={3}
                    lang={lang}
                    value={draft.products[product.id]?.description ?? ''}
                    max={PRACTICE_LIMITS.productDescription}
                    error={form.errors[`products[${i}].description`]}
                    onChange={(e) => {
                      const value = e.target.value;
                      update((d) => ({ ...d, products: { ...d.products, [product.id]: { ...d.products[product.id], description: value } } }));
                    }}
                  />
                  {original(product.description, `p${i}`)}
                </>
              )}
            </fieldset>
          ))}
        </div>
      )}

      <FormActions>
        <Button type="submit" variant="primary" pending={pending && !conflict} pendingLabel={t('actions.saving')} disabled={!draft || conflict}>
          {t('practices.translate.save')}
        </Button>
        <Button onClick={onDone}>{t('actions.cancel')}</Button>
      </FormActions>
    </form>
  );
}
