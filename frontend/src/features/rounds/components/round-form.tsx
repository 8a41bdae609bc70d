import { useState, type FormEvent } from 'react';
import type { Round, RoundInput, Rubric } from '@/api/review-types';
import type { Call } from '@/api/types';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormActions, FormAlert, RequiredNote, SelectField, TextField } from '@/components/ui/form-fields';
import { formatDate } from '@/lib/format';
import { endOfDayIso, toDateInput } from '@/lib/review-format';
import { useFormErrors } from '@/lib/use-form-errors';
import { useReviewTranslation } from '@/lib/use-review-translation';

const FIELDS = ['name', 'rubric_id', 'call_id', 'due_at', 'rebuttal_due_at', 'reviewers_per_practice', 'max_load', 'blind', 'cross_border'] as const;

export interface RoundFormProps {
  rubrics: readonly Rubric[];
  /** The programme's calls, offered when setting up a new round; absent when editing. */
  calls?: readonly Call[];
  /** The call preselected (from a call's "create round" link). */
  initialCallId?: string;
  initial?: Round;
  /** Once a round has opened only its name and deadline can change. */
  rulesLocked?: boolean;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: RoundInput) => Promise<unknown>;
  onCancel: () => void;
  /** A sentence for a failure the form handles itself (e.g. a 412), else undefined. */
  describeFailure?: (error: unknown) => string | undefined;
}

function tomorrowPlus(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return toDateInput(d.toISOString());
}

/** Setting up (or changing) a review round, with a plain-language help text for every rule. */
export function RoundForm({ rubrics, calls, initialCallId, initial, rulesLocked = false, submitLabel, pending, onSubmit, onCancel, describeFailure }: RoundFormProps) {
  const { t, i18n } = useReviewTranslation();
  const form = useFormErrors(FIELDS);
  const usable = rubrics.filter((r) => r.status !== 'retired' || r.id === initial?.rubric_id);
  const active = usable.find((r) => r.status === 'active');
  const preselected = calls?.find((c) => c.id === initialCallId);
  const [name, setName] = useState(initial?.name ?? preselected?.title ?? '');
  const [callId, setCallId] = useState(preselected?.id ?? '');
  const [rubricId, setRubricId] = useState(initial?.rubric_id ?? active?.id ?? usable[0]?.id ?? '');
  const [due, setDue] = useState(initial ? toDateInput(initial.due_at) : tomorrowPlus(28));
  const [rebuttalDue, setRebuttalDue] = useState(initial?.rebuttal_due_at ? toDateInput(initial.rebuttal_due_at) : '');
  const [perPractice, setPerPractice] = useState(String(initial?.reviewers_per_practice ?? 2));
  const [maxLoad, setMaxLoad] = useState(String(initial?.max_load ?? 3));
  const [blind, setBlind] = useState(initial?.blind ?? true);
  const [crossBorder, setCrossBorder] = useState(initial?.cross_border ?? true);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!name.trim()) found.name = t('validation.required');
    else if (name.length > 200) found.name = t('validation.maxLength', { max: 200 });
    if (!rulesLocked && !rubricId) found.rubric_id = t('rounds.form.rubricRequired');
    if (!due) found.due_at = t('validation.required');
    else if (new Date(endOfDayIso(due)).getTime() <= Date.now()) found.due_at = t('rounds.form.dueFuture');
    if (rebuttalDue && due && new Date(endOfDayIso(rebuttalDue)).getTime() <= new Date(endOfDayIso(due)).getTime()) {
      found.rebuttal_due_at = t('rounds.form.rebuttalAfterDue');
    }
    const rebuttal = rebuttalDue ? endOfDayIso(rebuttalDue) : null;
    const per = Number(perPractice);
    if (!Number.isInteger(per) || per < 1 || per > 10) found.reviewers_per_practice = t('rounds.form.between', { min: 1, max: 10 });
    const load = Number(maxLoad);
    if (!Number.isInteger(load) || load < 1 || load > 100) found.max_load = t('rounds.form.between', { min: 1, max: 100 });
    if (!form.validate(found)) return;
    const body: RoundInput = rulesLocked
      ? { name: name.trim(), due_at: endOfDayIso(due), rebuttal_due_at: rebuttal, reviewers_per_practice: per, max_load: load, blind, cross_border: crossBorder }
      : {
          name: name.trim(),
          rubric_id: rubricId,
          due_at: endOfDayIso(due),
          rebuttal_due_at: rebuttal,
          reviewers_per_practice: per,
          max_load: load,
          blind,
          cross_border: crossBorder,
          ...(callId ? { call_id: callId } : {}),
        };
    try {
      await onSubmit(body);
    } catch (error) {
      const handled = describeFailure?.(error);
      form.showServerError(error, handled);
    }
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <FormAlert message={form.formError} />
      <RequiredNote />
      <TextField
        label={t('rounds.form.name')}
        hint={t('rounds.form.nameHint')}
        required
        maxLength={200}
        value={name}
        error={form.errors.name}
        onChange={(e) => {
          setName(e.target.value);
          form.clearError('name');
        }}
      />
      <SelectField
        label={t('rounds.form.rubric')}
        hint={rulesLocked ? t('rounds.form.lockedHint') : t('rounds.form.rubricHint')}
        required
        disabled={rulesLocked}
        value={rubricId}
        error={form.errors.rubric_id}
        onChange={(e) => {
          setRubricId(e.target.value);
          form.clearError('rubric_id');
        }}
      >
        {usable.length === 0 && <option value="">{t('rounds.form.noRubric')}</option>}
        {usable.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title} ({t('rubrics.versionN', { number: r.number })}
            {r.status === 'active' ? `, ${t('rubrics.status.active')}` : ''})
          </option>
        ))}
      </SelectField>
      {calls && calls.length > 0 && (
        <SelectField
          label={t('rounds.form.call')}
          hint={t('rounds.form.callHint')}
          value={callId}
          error={form.errors.call_id}
          onChange={(e) => {
            setCallId(e.target.value);
            form.clearError('call_id');
          }}
        >
          <option value="">{t('rounds.form.noCall')}</option>
          {calls.map((c) => (
            <option key={c.id} value={c.id}>
              {t('rounds.form.callOption', {
                title: c.title,
                count: c.submitted_practices,
                to: formatDate(c.closes_at, i18n.language),
              })}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        type="date"
        label={t('rounds.form.due')}
        hint={t('rounds.form.dueHint')}
        required
        value={due}
        error={form.errors.due_at}
        onChange={(e) => {
          setDue(e.target.value);
          form.clearError('due_at');
        }}
      />
      <TextField
        type="date"
        label={t('rounds.form.rebuttalDue')}
        hint={t('rounds.form.rebuttalDueHint')}
        value={rebuttalDue}
        error={form.errors.rebuttal_due_at}
        onChange={(e) => {
          setRebuttalDue(e.target.value);
          form.clearError('rebuttal_due_at');
        }}
      />
      <div className="field-row">
        <TextField
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          label={t('rounds.form.perPractice')}
          hint={t('rounds.form.perPracticeHint')}
          required
          disabled={rulesLocked}
          value={perPractice}
          error={form.errors.reviewers_per_practice}
          onChange={(e) => {
            setPerPractice(e.target.value);
            form.clearError('reviewers_per_practice');
          }}
        />
        <TextField
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          label={t('rounds.form.maxLoad')}
          hint={t('rounds.form.maxLoadHint')}
          required
          disabled={rulesLocked}
          value={maxLoad}
          error={form.errors.max_load}
          onChange={(e) => {
            setMaxLoad(e.target.value);
            form.clearError('max_load');
          }}
        />
      </div>
      <CheckboxField
        label={t('rounds.form.blind')}
        hint={t('rounds.form.blindHint')}
        checked={blind}
        disabled={rulesLocked}
        onChange={(e) => setBlind(e.target.checked)}
        error={form.errors.blind}
      />
      <CheckboxField
        label={t('rounds.form.crossBorder')}
        hint={t('rounds.form.crossBorderHint')}
        checked={crossBorder}
        disabled={rulesLocked}
        onChange={(e) => setCrossBorder(e.target.checked)}
        error={form.errors.cross_border}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={pending} pendingLabel={t('actions.saving')}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </FormActions>
    </form>
  );
}
