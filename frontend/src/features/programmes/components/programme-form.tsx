import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme, ProgrammeCreate } from '@/api/types';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormActions, FormAlert, FormNotice, RequiredNote, TextAreaField, TextField } from '@/components/ui/form-fields';
import { splitList } from '@/lib/format';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';
import { fromKeyedRow, KeyedRowsField, toKeyedRows, validateKeyedRows, type KeyedRow, type KeyedRowErrors } from './keyed-rows-field';
import { ProgrammeTranslations, translatedLanguages, type ProgrammeTexts } from './programme-translations';

const FIELDS = ['name', 'description', 'objective', 'languages', 'starts_on', 'ends_on', 'themes', 'target_groups'] as const;

interface ProgrammeFormProps {
  initial?: Programme;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** Sends the body; a rejection is shown in the form (`describeFailure` may reword it). */
  onSubmit: (body: ProgrammeCreate) => Promise<unknown>;
  describeFailure?: (error: unknown) => string | undefined;
  onCancel?: () => void;
  notice?: string | null;
}

/** Translations as the API takes them: trimmed, without blank texts or empty languages. */
function keptTranslations(all: ProgrammeTexts): ProgrammeTexts {
  const out: ProgrammeTexts = {};
  for (const [lang, tr] of Object.entries(all)) {
    const kept = Object.fromEntries(Object.entries(tr).filter(([, v]) => v?.trim()).map(([k, v]) => [k, v!.trim()]));
    if (Object.keys(kept).length > 0) out[lang] = kept;
  }
  return out;
}

/** The fields of a programme, for opening one (admins) and editing it (coordinators), with their translations. */
export function ProgrammeForm({ initial, submitLabel, pendingLabel, pending, onSubmit, describeFailure, onCancel, notice }: ProgrammeFormProps) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [objective, setObjective] = useState(initial?.objective ?? '');
  const [languages, setLanguages] = useState((initial?.languages ?? []).join(', '));
  const [publicCatalogue, setPublicCatalogue] = useState(initial?.public_catalogue ?? false);
  const [startsOn, setStartsOn] = useState(initial?.starts_on ?? '');
  const [endsOn, setEndsOn] = useState(initial?.ends_on ?? '');
  const [themes, setThemes] = useState<KeyedRow[]>(() => toKeyedRows(initial?.themes));
  const [targetGroups, setTargetGroups] = useState<KeyedRow[]>(() => toKeyedRows(initial?.target_groups));
  const [themeErrors, setThemeErrors] = useState<KeyedRowErrors[]>([]);
  const [groupErrors, setGroupErrors] = useState<KeyedRowErrors[]>([]);
  const [translations, setTranslations] = useState<ProgrammeTexts>(() => structuredClone(initial?.translations ?? {}));
  const [translationLanguages, setTranslationLanguages] = useState<string[]>(() =>
    translatedLanguages(initial?.translations ?? {}, [...themes, ...targetGroups]),
  );
  const [translating, setTranslating] = useState<string | null>(() => translationLanguages[0] ?? null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const languageList = splitList(languages.toLowerCase());
    const themeCheck = validateKeyedRows(themes, t);
    const groupCheck = validateKeyedRows(targetGroups, t);
    setThemeErrors(themeCheck.rows);
    setGroupErrors(groupCheck.rows);
    const ok = form.validate(
      compact({
        name: firstError(name, c.required, c.maxLength(limits.nameMax)),
        description: c.maxLength(limits.descriptionMax)(description),
        objective: c.maxLength(limits.objectiveMax)(objective),
        languages: c.languages(languageList),
        ends_on: startsOn && endsOn && endsOn < startsOn ? t('validation.endBeforeStart') : undefined,
        themes: themeCheck.message,
        target_groups: groupCheck.message,
      }),
    );
    if (!ok) return;
    const body: ProgrammeCreate = {
      name: name.trim(),
      description,
      objective,
      languages: languageList,
      public_catalogue: publicCatalogue,
      starts_on: startsOn || null,
      ends_on: endsOn || null,
      themes: themes.map(fromKeyedRow),
      target_groups: targetGroups.map(fromKeyedRow),
      translations: keptTranslations(translations),
    };
    try {
      await onSubmit(body);
    } catch (error) {
      form.showServerError(error, describeFailure?.(error));
    }
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <FormNotice message={notice} />
      <RequiredNote />
      <FormAlert message={form.formError} />
      <TextField
        label={t('fields.name')}
        name="name"
        required
        maxLength={limits.nameMax}
        value={name}
        error={form.errors.name}
        onChange={(e) => {
          setName(e.target.value);
          form.clearError('name');
        }}
      />
      <TextAreaField
        label={t('fields.description')}
        name="description"
        rows={5}
        maxLength={limits.descriptionMax}
        value={description}
        error={form.errors.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextAreaField
        label={t('fields.objective')}
        name="objective"
        rows={3}
        maxLength={limits.objectiveMax}
        value={objective}
        error={form.errors.objective}
        onChange={(e) => setObjective(e.target.value)}
      />
      <div className="field-row">
        <TextField
          label={t('fields.startsOn')}
          name="starts_on"
          type="date"
          value={startsOn}
          error={form.errors.starts_on}
          onChange={(e) => setStartsOn(e.target.value)}
        />
        <TextField
          label={t('fields.endsOn')}
          name="ends_on"
          type="date"
          value={endsOn}
          min={startsOn || undefined}
          error={form.errors.ends_on}
          onChange={(e) => {
            setEndsOn(e.target.value);
            form.clearError('ends_on');
          }}
        />
      </div>
      <TextField
        label={t('fields.languages')}
        name="languages"
        hint={t('programmes.form.languagesHint')}
        value={languages}
        spellCheck={false}
        autoCapitalize="none"
        error={form.errors.languages}
        onChange={(e) => {
          setLanguages(e.target.value);
          form.clearError('languages');
        }}
      />
      <CheckboxField
        label={t('fields.publicCatalogue')}
        hint={t('programmes.form.publicCatalogueHint')}
        checked={publicCatalogue}
        onChange={(e) => setPublicCatalogue(e.target.checked)}
      />
      <KeyedRowsField
        legend={t('fields.themes')}
        hint={t('programmes.form.keyedHint')}
        itemLabel={(i) => t('programmes.form.themeN', { n: i + 1 })}
        addLabel={t('programmes.form.addTheme')}
        rows={themes}
        onChange={(rows) => {
          setThemes(rows);
          form.clearError('themes');
        }}
        error={form.errors.themes}
        rowErrors={themeErrors}
      />
      <KeyedRowsField
        legend={t('fields.targetGroups')}
        itemLabel={(i) => t('programmes.form.targetGroupN', { n: i + 1 })}
        addLabel={t('programmes.form.addTargetGroup')}
        rows={targetGroups}
        onChange={(rows) => {
          setTargetGroups(rows);
          form.clearError('target_groups');
        }}
        error={form.errors.target_groups}
        rowErrors={groupErrors}
      />
      <ProgrammeTranslations
        original={{ name, description, objective }}
        translations={translations}
        onTranslations={setTranslations}
        themes={themes}
        onThemes={setThemes}
        targetGroups={targetGroups}
        onTargetGroups={setTargetGroups}
        languages={translationLanguages}
        onLanguages={setTranslationLanguages}
        programmeLanguages={splitList(languages.toLowerCase())}
        current={translating}
        onCurrent={setTranslating}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('actions.cancel')}</Button>}
      </FormActions>
    </form>
  );
}
