import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call, CallInput, Keyed } from '@/api/types';
import { Button } from '@/components/ui/button';
import { CheckboxGroup, FormActions, FormAlert, FormNotice, RequiredNote, TextAreaField, TextField } from '@/components/ui/form-fields';
import { endOfDayIso, toDateInput } from '@/lib/review-format';
import { useFormErrors } from '@/lib/use-form-errors';
import { useVocabulary } from '@/lib/vocabulary';

const FIELDS = ['title', 'description', 'themes', 'opens_at', 'closes_at'] as const;

/** A date input's value as the start of that day in local time, in RFC 3339. */
function startOfDayIso(date: string): string {
  const local = new Date(`${date}T00:00:00`);
  return Number.isNaN(local.getTime()) ? date : local.toISOString();
}

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return toDateInput(d.toISOString());
}

export interface CallFormProps {
  /** The programme's themes, the only ones a call may name. */
  themes: readonly Keyed[];
  initial?: Call;
  /** A sentence above the form, e.g. after someone else changed the call. */
  notice?: string | null;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: CallInput) => Promise<unknown>;
  onCancel: () => void;
  /** A sentence for a failure the form handles itself (e.g. a 412), else undefined. */
  describeFailure?: (error: unknown) => string | undefined;
}

/**
 * Publishing or changing a call for practices: its title, what it asks for, the programme themes
 * it covers, and the days it takes submissions (from the start of the first day to the end of the
 * last, in the coordinator's time zone).
 */
export function CallForm({ themes, initial, notice, submitLabel, pending, onSubmit, onCancel, describeFailure }: CallFormProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const form = useFormErrors(FIELDS);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [chosen, setChosen] = useState<string[]>(initial?.themes ?? []);
  const [opens, setOpens] = useState(initial ? toDateInput(initial.opens_at) : inDays(0));
  const [closes, setCloses] = useState(initial ? toDateInput(initial.closes_at) : inDays(42));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!title.trim()) found.title = t('validation.required');
    else if (title.length > 200) found.title = t('validation.maxLength', { max: 200 });
    if (description.length > 5000) found.description = t('validation.maxLength', { max: 5000 });
    if (!opens) found.opens_at = t('validation.required');
    if (!closes) found.closes_at = t('validation.required');
    else if (opens && closes < opens) found.closes_at = t('calls.form.closesAfterOpens');
    if (!form.validate(found)) return;
    const body: CallInput = {
      title: title.trim(),
      description: description.trim(),
      themes: chosen,
      opens_at: startOfDayIso(opens),
      closes_at: endOfDayIso(closes),
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
      <FormAlert message={form.formError} />
      <RequiredNote />
      <TextField
        label={t('calls.form.title')}
        hint={t('calls.form.titleHint')}
        required
        maxLength={200}
        value={title}
        error={form.errors.title}
        onChange={(e) => {
          setTitle(e.target.value);
          form.clearError('title');
        }}
      />
      <TextAreaField
        label={t('calls.form.description')}
        hint={t('calls.form.descriptionHint')}
        rows={4}
        maxLength={5000}
        value={description}
        error={form.errors.description}
        onChange={(e) => {
          setDescription(e.target.value);
          form.clearError('description');
        }}
      />
      {themes.length > 0 && (
        <CheckboxGroup
          name="themes"
          label={t('calls.form.themes')}
          hint={t('calls.form.themesHint')}
          options={themes.map((th) => ({ value: th.key, label: vocabulary.title(th) }))}
          value={chosen}
          error={form.errors.themes}
          onChange={(next) => {
            setChosen(next);
            form.clearError('themes');
          }}
        />
      )}
      <div className="field-row">
        <TextField
          type="date"
          label={t('calls.form.opens')}
          hint={t('calls.form.opensHint')}
          required
          value={opens}
          error={form.errors.opens_at}
          onChange={(e) => {
            setOpens(e.target.value);
            form.clearError('opens_at');
          }}
        />
        <TextField
          type="date"
          label={t('calls.form.closes')}
          hint={t('calls.form.closesHint')}
          required
          value={closes}
          error={form.errors.closes_at}
          onChange={(e) => {
            setCloses(e.target.value);
            form.clearError('closes_at');
          }}
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" pending={pending} pendingLabel={t('actions.saving')}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </FormActions>
    </form>
  );
}
