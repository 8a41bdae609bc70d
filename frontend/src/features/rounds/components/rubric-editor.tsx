import { useMemo, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '@/api/errors';
import { TIERS, type Criterion, type CriterionTier, type Level, type Rubric, type RubricInput } from '@/api/review-types';
import type { Versioned } from '@/api/types';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormActions, FormAlert, FormNotice, SelectField, TextAreaField, TextField } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { slugKey } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { useCreateRubric, useUpdateRubric } from '../api/rubrics';

interface CriterionDraft extends Criterion {
  uid: number;
}

const KEY_PATTERN = /^[a-z0-9_]{1,40}$/;
let nextUid = 1;

function levelsFor(min: number, max: number, existing: Level[], tier: CriterionTier): Level[] {
  const out: Level[] = [];
  for (let v = min; v <= max && out.length < 11; v++) {
    const found = existing.find((l) => l.value === v);
    out.push(found ?? { value: v, label: tier === 'gate' ? (v === 1 ? 'Passes' : 'Does not pass') : '', descriptor: '' });
  }
  return out;
}

function toDraft(c: Criterion): CriterionDraft {
  return { ...c, description: c.description ?? '', levels: levelsFor(c.scale.min, c.scale.max, c.levels, c.tier), uid: nextUid++ };
}

function newCriterion(tier: CriterionTier): CriterionDraft {
  const scale = tier === 'gate' ? { min: 0, max: 1 } : { min: 1, max: 4 };
  return {
    uid: nextUid++,
    key: '',
    title: '',
    description: '',
    tier,
    weight: tier === 'gate' ? 0 : 1,
    scale,
    levels: levelsFor(scale.min, scale.max, [], tier),
    allow_na: false,
  };
}

/** `criteria[2].levels[0].label` → `criteria.2.levels.0.label`. */
function normalisePath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

type Errors = Record<string, string>;

/**
 * Editing a draft rubric: criteria rows (key, title, description, tier, weight, scale and an
 * anchored descriptor for every level; gates fixed to pass/fail), adding and removing criteria,
 * and the recommendation options. A rubric a round already uses cannot change (409
 * rubric_in_use): the changes can then be saved as a new version instead.
 */
export function RubricEditor({
  programmeId,
  rubric,
  onDone,
  onStale,
  onCreated,
}: {
  programmeId: string;
  rubric: Versioned<Rubric>;
  onDone: () => void;
  onStale: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useReviewTranslation();
  const toast = useToast();
  const update = useUpdateRubric(programmeId);
  const create = useCreateRubric(programmeId);
  const idempotency = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(rubric.data.title);
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() => rubric.data.criteria.map(toDraft));
  const [options, setOptions] = useState<string[]>(rubric.data.recommendation_options);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [inUse, setInUse] = useState(false);

  const err = (path: string) => errors[path];
  const focusFirstInvalid = () =>
    window.setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const setCriterion = (uid: number, change: (c: CriterionDraft) => CriterionDraft) =>
    setCriteria((all) => all.map((c) => (c.uid === uid ? change(c) : c)));

  const body = useMemo<RubricInput>(
    () => ({
      title: title.trim(),
      criteria: criteria.map(({ uid: _uid, ...c }) => ({
        ...c,
        key: c.key.trim(),
        title: c.title.trim(),
        description: c.description?.trim() ?? '',
        weight: c.tier === 'gate' ? 0 : Number(c.weight),
        levels: c.levels.map((l) => ({ value: l.value, label: l.label.trim(), descriptor: l.descriptor.trim() })),
      })),
      recommendation_options: options.map((o) => o.trim()).filter(Boolean),
    }),
    [title, criteria, options],
  );

  const validate = (): Errors => {
    const found: Errors = {};
    if (!body.title) found.title = t('validation.required');
    const keys = new Set<string>();
    let weighted = false;
    (body.criteria ?? []).forEach((c, i) => {
      const p = `criteria.${i}`;
      if (!KEY_PATTERN.test(c.key)) found[`${p}.key`] = t('rubrics.editor.keyPattern');
      else if (keys.has(c.key)) found[`${p}.key`] = t('rubrics.editor.keyTwice');
      keys.add(c.key);
      if (!c.title) found[`${p}.title`] = t('validation.required');
      if (c.tier !== 'gate') {
        if (!(c.scale.min < c.scale.max)) found[`${p}.scale`] = t('rubrics.editor.scaleOrder');
        else if (c.scale.max - c.scale.min > 10) found[`${p}.scale`] = t('rubrics.editor.scaleSize');
        if (!(c.weight >= 0)) found[`${p}.weight`] = t('rubrics.editor.weightPositive');
        if (c.weight > 0) weighted = true;
      }
      c.levels.forEach((l, j) => {
        if (!l.label) found[`${p}.levels.${j}.label`] = t('validation.required');
        if (!l.descriptor) found[`${p}.levels.${j}.descriptor`] = t('validation.required');
      });
    });
    if ((body.criteria ?? []).length === 0) found.criteria = t('rubrics.editor.needCriterion');
    else if (!weighted) found.criteria = t('rubrics.editor.needWeight');
    if ((body.recommendation_options ?? []).length === 0) found.recommendation_options = t('rubrics.editor.needOption');
    (body.recommendation_options ?? []).forEach((o, i) => {
      if (!KEY_PATTERN.test(o)) found[`recommendation_options.${i}`] = t('rubrics.editor.keyPattern');
    });
    return found;
  };

  const showServer = (error: unknown) => {
    if (isApiError(error) && error.fieldErrors.length > 0) {
      const found: Errors = {};
      for (const fe of error.fieldErrors) found[normalisePath(fe.field)] = fe.message;
      setErrors(found);
      setFormError(t('forms.fixErrors', { count: error.fieldErrors.length }));
      focusFirstInvalid();
      return;
    }
    setFormError(describeError(error, t));
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('forms.fixErrors', { count: Object.keys(found).length }));
      focusFirstInvalid();
      return;
    }
    setFormError(null);
    update.mutate(
      { id: rubric.data.id, body, etag: rubric.etag },
      {
        onSuccess: () => {
          toast.show(t('rubrics.editor.saved'));
          onDone();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'rubric_in_use') {
            setInUse(true);
            setFormError(null);
          } else if (isApiError(error) && (error.status === 412 || error.status === 428)) {
            setNotice(t('rubrics.editor.stale'));
            onStale();
          } else showServer(error);
        },
      },
    );
  };

  const saveAsNewVersion = () => {
    const input: RubricInput = { ...body, based_on: rubric.data.id };
    create.mutate(
      { body: input, idempotencyKey: idempotency.forBody(input) },
      {
        onSuccess: (result) => {
          idempotency.reset();
          toast.show(t('rubrics.versionCreated', { number: result.data.number }));
          onCreated(result.data.id);
        },
        onError: showServer,
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={save} noValidate className="form rv-rubric-editor" aria-labelledby="rubric-editor-title">
      <h3 id="rubric-editor-title">{t('rubrics.editor.title', { number: rubric.data.number })}</h3>
      <FormNotice message={notice} />
      <FormAlert message={formError} />
      {inUse && (
        <div role="alert" className="alert alert-warning">
          <p>{t('rubrics.editor.inUse')}</p>
          <Button variant="primary" size="sm" pending={create.isPending} onClick={saveAsNewVersion}>
            {t('rubrics.editor.saveAsNew')}
          </Button>
        </div>
      )}
      <TextField
        label={t('rubrics.editor.rubricTitle')}
        required
        maxLength={200}
        value={title}
        error={err('title')}
        onChange={(e) => setTitle(e.target.value)}
      />

      <h4>{t('rubrics.editor.criteria')}</h4>
      {err('criteria') && (
        <p className="field-error" role="alert">
          {err('criteria')}
        </p>
      )}
      <ol className="rv-criterion-editors">
        {criteria.map((c, i) => {
          const p = `criteria.${i}`;
          const gate = c.tier === 'gate';
          const name = c.title || t('rubrics.editor.criterionN', { number: i + 1 });
          return (
            <li key={c.uid}>
              <fieldset className="subform rv-criterion-editor">
                <legend>{t('rubrics.editor.criterionLegend', { number: i + 1, name })}</legend>
                <div className="field-row">
                  <TextField
                    label={t('rubrics.editor.title2')}
                    required
                    maxLength={200}
                    value={c.title}
                    error={err(`${p}.title`)}
                    onChange={(e) => {
                      const value = e.target.value;
                      setCriterion(c.uid, (x) => ({ ...x, title: value }));
                    }}
                    onBlur={() => setCriterion(c.uid, (x) => (x.key ? x : { ...x, key: slugKey(x.title) }))}
                  />
                  <TextField
                    label={t('rubrics.editor.key')}
                    hint={t('rubrics.editor.keyHint')}
                    required
                    maxLength={40}
                    spellCheck={false}
                    autoCapitalize="none"
                    value={c.key}
                    error={err(`${p}.key`)}
                    onChange={(e) => {
                      const value = e.target.value;
                      setCriterion(c.uid, (x) => ({ ...x, key: value }));
                    }}
                  />
                </div>
                <TextAreaField
                  label={t('rubrics.editor.description')}
                  rows={2}
                  maxLength={2000}
                  value={c.description ?? ''}
                  error={err(`${p}.description`)}
                  onChange={(e) => {
                    const value = e.target.value;
                    setCriterion(c.uid, (x) => ({ ...x, description: value }));
                  }}
                />
                <div className="field-row">
                  <SelectField
                    label={t('rubrics.editor.tier')}
                    hint={t(`rubrics.editor.tierHints.${c.tier}`)}
                    value={c.tier}
                    error={err(`${p}.tier`)}
                    onChange={(e) => {
                      const tier = e.target.value as CriterionTier;
                      setCriterion(c.uid, (x) => {
                        const scale = tier === 'gate' ? { min: 0, max: 1 } : x.tier === 'gate' ? { min: 1, max: 4 } : x.scale;
                        return {
                          ...x,
                          tier,
                          scale,
                          weight: tier === 'gate' ? 0 : x.weight || 1,
                          allow_na: tier === 'gate' ? false : x.allow_na,
                          levels: levelsFor(scale.min, scale.max, x.tier === tier ? x.levels : [], tier),
                        };
                      });
                    }}
                  >
                    {TIERS.map((tier) => (
                      <option key={tier} value={tier}>
                        {t(`rubrics.tier.${tier}`)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    type="number"
                    label={t('rubrics.editor.weight')}
                    hint={gate ? t('rubrics.editor.gateWeight') : undefined}
                    min={0}
                    max={100}
                    step="any"
                    disabled={gate}
                    value={String(c.weight)}
                    error={err(`${p}.weight`)}
                    onChange={(e) => {
                      const value = e.target.value;
                      setCriterion(c.uid, (x) => ({ ...x, weight: value === '' ? 0 : Number(value) }));
                    }}
                  />
                  <TextField
                    type="number"
                    label={t('rubrics.editor.scaleMin')}
                    min={0}
                    max={100}
                    disabled={gate}
                    value={String(c.scale.min)}
                    error={err(`${p}.scale`)}
                    onChange={(e) => {
                      const min = Math.max(0, Math.min(100, Number(e.target.value) || 0));
                      setCriterion(c.uid, (x) => ({ ...x, scale: { ...x.scale, min }, levels: levelsFor(min, x.scale.max, x.levels, x.tier) }));
                    }}
                  />
                  <TextField
                    type="number"
                    label={t('rubrics.editor.scaleMax')}
                    min={1}
                    max={100}
                    disabled={gate}
                    value={String(c.scale.max)}
                    onChange={(e) => {
                      const max = Math.max(0, Math.min(100, Number(e.target.value) || 0));
                      setCriterion(c.uid, (x) => ({ ...x, scale: { ...x.scale, max }, levels: levelsFor(x.scale.min, max, x.levels, x.tier) }));
                    }}
                  />
                </div>
                {gate && <p className="field-hint">{t('rubrics.editor.gateScale')}</p>}
                {!gate && (
                  <CheckboxField
                    label={t('rubrics.editor.allowNa')}
                    hint={t('rubrics.editor.allowNaHint')}
                    checked={!!c.allow_na}
                    onChange={(e) => {
                      const checked = e.target.checked;
                      setCriterion(c.uid, (x) => ({ ...x, allow_na: checked }));
                    }}
                  />
                )}
                <fieldset className="rv-levels-editor">
                  <legend className="field-label">{t('rubrics.editor.levels')}</legend>
                  {err(`${p}.levels`) && <p className="field-error">{err(`${p}.levels`)}</p>}
                  {c.levels.map((l, j) => (
                    <div key={l.value} className="rv-level-row">
                      <span className="rv-level-value" aria-hidden="true">
                        {l.value}
                      </span>
                      <TextField
                        label={t('rubrics.editor.levelLabel', { value: l.value })}
                        required
                        maxLength={100}
                        value={l.label}
                        error={err(`${p}.levels.${j}.label`)}
                        onChange={(e) => {
                          const value = e.target.value;
                          setCriterion(c.uid, (x) => ({ ...x, levels: x.levels.map((y, k) => (k === j ? { ...y, label: value } : y)) }));
                        }}
                      />
                      <TextAreaField
                        label={t('rubrics.editor.levelDescriptor', { value: l.value })}
                        required
                        rows={2}
                        maxLength={1000}
                        value={l.descriptor}
                        error={err(`${p}.levels.${j}.descriptor`)}
                        onChange={(e) => {
                          const value = e.target.value;
                          setCriterion(c.uid, (x) => ({
                            ...x,
                            levels: x.levels.map((y, k) => (k === j ? { ...y, descriptor: value } : y)),
                          }));
                        }}
                      />
                    </div>
                  ))}
                </fieldset>
                <div className="row-actions">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={i === 0}
                    aria-label={t('rubrics.editor.moveUpNamed', { name })}
                    onClick={() =>
                      setCriteria((all) => {
                        const next = [...all];
                        [next[i - 1], next[i]] = [next[i], next[i - 1]];
                        return next;
                      })
                    }
                  >
                    {t('rubrics.editor.moveUp')}
                  </Button>
                  <Button
                    size="sm"
                    variant="danger"
                    aria-label={t('rubrics.editor.removeNamed', { name })}
                    onClick={() => setCriteria((all) => all.filter((x) => x.uid !== c.uid))}
                  >
                    {t('actions.remove')}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="row-actions">
        {TIERS.map((tier) => (
          <Button key={tier} size="sm" onClick={() => setCriteria((all) => [...all, newCriterion(tier)])}>
            <span aria-hidden="true">+ </span>
            {t(`rubrics.editor.add.${tier}`)}
          </Button>
        ))}
      </div>

      <fieldset className="subform">
        <legend>{t('rubrics.recommendations')}</legend>
        <p className="field-hint">{t('rubrics.editor.optionsHint')}</p>
        {err('recommendation_options') && <p className="field-error">{err('recommendation_options')}</p>}
        {options.map((o, i) => (
          <div key={i} className="input-with-button">
            <TextField
              label={t('rubrics.editor.optionN', { number: i + 1 })}
              value={o}
              spellCheck={false}
              autoCapitalize="none"
              maxLength={40}
              error={err(`recommendation_options.${i}`)}
              onChange={(e) => {
                const value = e.target.value;
                setOptions((all) => all.map((x, k) => (k === i ? value : x)));
              }}
            />
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('rubrics.editor.removeOption', { number: i + 1 })}
              onClick={() => setOptions((all) => all.filter((_, k) => k !== i))}
            >
              {t('actions.remove')}
            </Button>
          </div>
        ))}
        <Button size="sm" onClick={() => setOptions((all) => [...all, ''])} disabled={options.length >= 10}>
          <span aria-hidden="true">+ </span>
          {t('rubrics.editor.addOption')}
        </Button>
      </fieldset>

      <FormActions>
        <Button type="submit" variant="primary" pending={update.isPending} pendingLabel={t('actions.saving')}>
          {t('actions.saveChanges')}
        </Button>
        <Button onClick={onDone}>{t('actions.cancel')}</Button>
      </FormActions>
    </form>
  );
}
