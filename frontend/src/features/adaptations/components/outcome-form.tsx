import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, mapFieldErrors } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormAlert, TextAreaField, TextField } from '@/components/ui/form-fields';
import { describeError } from '@/lib/describe-error';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useAddOutcome } from '../api/adaptations';
import type { OutcomeInput } from '../api/types';

export const OUTCOME_FIELDS = [
  'recorded_on',
  'participants',
  'returned_to_work',
  'in_work_after_6_months',
  'placements_offered',
  'satisfaction',
  'notes',
] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

export interface OutcomeValues {
  recorded_on: string;
  participants: string;
  returned_to_work: string;
  in_work_after_6_months: string;
  placements_offered: string;
  satisfaction: string;
  notes: string;
}

const NOTES_MAX = 5000;
const COUNT_MAX = 1_000_000;

/** Today as a date input's value, in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function parseCount(value: string): number | null | 'invalid' {
  if (!value.trim()) return null;
  if (!/^\d+$/.test(value.trim())) return 'invalid';
  const n = Number(value);
  return n > COUNT_MAX ? 'invalid' : n;
}

/**
 * The server's rules for a follow-up (CheckOutcome): a date that is not in the future, whole
 * counts of zero or more, returned to work and in work after 6 months no more than the
 * participants, satisfaction from 1 to 5. Returns message keys (exchange namespace) by field.
 */
export function checkOutcome(values: OutcomeValues, today: string): Partial<Record<OutcomeField, { key: string; values?: Record<string, unknown> }>> {
  const problems: Partial<Record<OutcomeField, { key: string; values?: Record<string, unknown> }>> = {};
  if (!values.recorded_on) problems.recorded_on = { key: 'validation.required' };
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.recorded_on)) problems.recorded_on = { key: 'validation.date' };
  else if (values.recorded_on > today) problems.recorded_on = { key: 'outcomes.errors.future' };

  const participants = parseCount(values.participants);
  if (participants === null) problems.participants = { key: 'validation.required' };
  else if (participants === 'invalid') problems.participants = { key: 'validation.wholeNumber' };

  const returned = parseCount(values.returned_to_work);
  if (returned === null) problems.returned_to_work = { key: 'validation.required' };
  else if (returned === 'invalid') problems.returned_to_work = { key: 'validation.wholeNumber' };
  else if (typeof participants === 'number' && returned > participants)
    problems.returned_to_work = { key: 'outcomes.errors.moreThanParticipants', values: { max: participants } };

  const inWork = parseCount(values.in_work_after_6_months);
  if (inWork === 'invalid') problems.in_work_after_6_months = { key: 'validation.wholeNumber' };
  else if (typeof inWork === 'number' && typeof participants === 'number' && inWork > participants)
    problems.in_work_after_6_months = { key: 'outcomes.errors.moreThanParticipants', values: { max: participants } };

  const placements = parseCount(values.placements_offered);
  if (placements === 'invalid') problems.placements_offered = { key: 'validation.wholeNumber' };

  if (values.satisfaction.trim()) {
    const s = Number(values.satisfaction.replace(',', '.'));
    if (Number.isNaN(s) || s < 1 || s > 5) problems.satisfaction = { key: 'outcomes.errors.satisfaction' };
  }
  if (values.notes.length > NOTES_MAX) problems.notes = { key: 'validation.maxLength', values: { max: NOTES_MAX } };
  return problems;
}

export function toOutcomeInput(values: OutcomeValues): OutcomeInput {
  const optional = (v: string) => (v.trim() ? Number(v) : null);
  return {
    recorded_on: values.recorded_on,
    participants: Number(values.participants),
    returned_to_work: Number(values.returned_to_work),
    in_work_after_6_months: optional(values.in_work_after_6_months),
    placements_offered: optional(values.placements_offered),
    satisfaction: values.satisfaction.trim() ? Number(values.satisfaction.replace(',', '.')) : null,
    notes: values.notes.trim(),
  };
}

function emptyValues(): OutcomeValues {
  return {
    recorded_on: todayIso(),
    participants: '',
    returned_to_work: '',
    in_work_after_6_months: '',
    placements_offered: '',
    satisfaction: '',
    notes: '',
  };
}

/**
 * "Add a follow-up": the figures at a date (running totals), validated as the server does, with
 * errors under each field and focus on the first one.
 */
export function OutcomeForm({ adaptationId, onSaved, onCancel }: { adaptationId: string; onSaved?: () => void; onCancel?: () => void }) {
  const { t } = useTranslation('exchange');
  const { t: tc } = useTranslation();
  const add = useAddOutcome(adaptationId);
  const idempotency = useIdempotencyKey();
  const [values, setValues] = useState<OutcomeValues>(emptyValues);
  const [errors, setErrors] = useState<Partial<Record<OutcomeField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayIso();

  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const set = (field: OutcomeField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((prev) => {
      if (!prev[field]) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkOutcome(values, today);
    const found: Partial<Record<OutcomeField, string>> = {};
    for (const [field, p] of Object.entries(problems) as [OutcomeField, { key: string; values?: Record<string, unknown> }][]) {
      found[field] = t(p.key, p.values);
    }
    setErrors(found);
    const count = Object.keys(found).length;
    if (count > 0) {
      setFormError(t('form.fixErrors', { count }));
      setFocusRequest((n) => n + 1);
      return;
    }
    setFormError(null);
    const body = toOutcomeInput(values);
    add.mutate(
      { body, idempotencyKey: idempotency.forBody(body) },
      {
        onSuccess: () => {
          idempotency.reset();
          setValues(emptyValues());
          onSaved?.();
        },
        onError: (error) => {
          if (isApiError(error) && error.fieldErrors.length > 0) {
            const { fields, unmatched } = mapFieldErrors(error, OUTCOME_FIELDS);
            setErrors(fields);
            setFormError([t('form.fixErrors', { count: Math.max(1, Object.keys(fields).length) }), ...unmatched.map((u) => `${u.field}: ${u.message}`)].join(' '));
            setFocusRequest((n) => n + 1);
          } else {
            setFormError(describeError(error, tc));
          }
        },
      },
    );
  };

  return (
    <form ref={formRef} className="outcome-form" onSubmit={submit} noValidate aria-labelledby="outcome-form-title">
      <h3 id="outcome-form-title">{t('outcomes.addTitle')}</h3>
      <p className="muted">{t('outcomes.addLead')}</p>
      <FormAlert message={formError} />
      <div className="field-row">
        <TextField
          id="outcome-recorded-on"
          label={t('outcomes.fields.recorded_on')}
          hint={t('outcomes.hints.recorded_on')}
          type="date"
          required
          max={today}
          value={values.recorded_on}
          error={errors.recorded_on}
          onChange={(e) => set('recorded_on', e.target.value)}
        />
        <TextField
          id="outcome-participants"
          label={t('outcomes.fields.participants')}
          hint={t('outcomes.hints.participants')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          required
          value={values.participants}
          error={errors.participants}
          onChange={(e) => set('participants', e.target.value)}
        />
        <TextField
          id="outcome-returned"
          label={t('outcomes.fields.returned_to_work')}
          hint={t('outcomes.hints.returned_to_work')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          required
          value={values.returned_to_work}
          error={errors.returned_to_work}
          onChange={(e) => set('returned_to_work', e.target.value)}
        />
      </div>
      <div className="field-row">
        <TextField
          id="outcome-in-work"
          label={t('outcomes.fields.in_work_after_6_months')}
          hint={t('outcomes.hints.optional')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={values.in_work_after_6_months}
          error={errors.in_work_after_6_months}
          onChange={(e) => set('in_work_after_6_months', e.target.value)}
        />
        <TextField
          id="outcome-placements"
          label={t('outcomes.fields.placements_offered')}
          hint={t('outcomes.hints.optional')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={values.placements_offered}
          error={errors.placements_offered}
          onChange={(e) => set('placements_offered', e.target.value)}
        />
        <TextField
          id="outcome-satisfaction"
          label={t('outcomes.fields.satisfaction')}
          hint={t('outcomes.hints.satisfaction')}
          type="number"
          inputMode="decimal"
          min={1}
          max={5}
          step={0.1}
          value={values.satisfaction}
          error={errors.satisfaction}
          onChange={(e) => set('satisfaction', e.target.value)}
        />
      </div>
      <TextAreaField
        id="outcome-notes"
        label={t('outcomes.fields.notes')}
        rows={3}
        value={values.notes}
        error={errors.notes}
        onChange={(e) => set('notes', e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={add.isPending} pendingLabel={t('actions.saving')}>
          {t('outcomes.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('actions.cancel')}</Button>}
      </div>
    </form>
  );
}
