import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '@/lib/vocabulary';
import { isApiError, mapFieldErrors } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { CountrySelect } from '@/components/ui/country-select';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '@/components/ui/form-fields';
import { RadioCards } from '@/components/ui/radio-cards';
import { describeError } from '@/lib/describe-error';
import { useSourcePractice } from '../api/adaptations';
import type { Adaptation, Fidelity, PracticeSummary, Programme, Stage } from '../api/types';
import {
  ADAPTATION_FIELD_ALIASES,
  ADAPTATION_FIELDS,
  ADAPTATION_LIMITS,
  type AdaptationDraft,
  type AdaptationField,
  checkDraft,
} from './adaptation-draft';
import { type CoreAnswer, deriveFidelity, splitCore } from './fidelity';
import {
  FRAME_CONTENT_MODIFICATIONS,
  FRAME_CONTEXT_MODIFICATIONS,
  FRAME_DECIDED_BY,
  FRAME_FIDELITY,
  FRAME_GOALS,
  FRAME_LEVEL,
  FRAME_PLANNED,
  FRAME_REASONS,
  FRAME_WHAT,
  FRAME_WHEN,
  REASON_LEVELS,
  STAGES,
} from './frame-vocabulary';
import { allowedMoves } from './stage-rules';
import { StringListField } from './string-list-field';

/** The id of a field's control, for links from the error summary and for focus. */
export function fieldId(field: AdaptationField): string {
  return `af-${field.replace(/[._]/g, '-')}`;
}

const SECTIONS = ['source', 'when', 'what', 'core', 'why', 'barriers'] as const;

export interface AdaptationFormProps {
  programme: Programme;
  /** Practices that can be adapted (published ones of the programme). */
  practices: readonly PracticeSummary[];
  initial: AdaptationDraft;
  /** Editing an existing adaptation: its source practice is fixed and stages follow the rules. */
  original?: Adaptation;
  submitLabel: string;
  pending: boolean;
  onSubmit: (draft: AdaptationDraft, coreElements: readonly string[]) => Promise<void>;
  onCancel: () => void;
  /** Turns a failed request into a message of its own (e.g. a 412), or undefined for the usual. */
  describeFailure?: (error: unknown) => ReactNode | undefined;
}

/**
 * The adaptation form, in six sections that follow FRAME and explain every choice in plain words.
 * Fidelity follows from the core elements kept or changed; the partner may choose otherwise only
 * where the rules allow it.
 */
export function AdaptationForm({
  programme,
  practices,
  initial,
  original,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  describeFailure,
}: AdaptationFormProps) {
  const { t } = useTranslation('exchange');
  const { t: tc } = useTranslation();
  const vocabulary = useVocabulary();
  const [draft, setDraft] = useState<AdaptationDraft>(initial);
  const [errors, setErrors] = useState<Partial<Record<AdaptationField, string>>>({});
  const [formError, setFormError] = useState<ReactNode>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const source = useSourcePractice(draft.sourcePracticeId || undefined);

  const products = useMemo(() => source.data?.products ?? [], [source.data]);
  const product = products.find((p) => p.id === draft.productId);
  const coreElements = useMemo(() => product?.core_elements ?? [], [product]);

  // A prefilled or stored product that the practice does not have falls back to the whole practice.
  useEffect(() => {
    if (source.data && draft.productId && !products.some((p) => p.id === draft.productId)) {
      setDraft((d) => ({ ...d, productId: '', coreAnswers: {} }));
    }
  }, [source.data, products, draft.productId]);

  useEffect(() => {
    if (!focusRequest) return;
    const target = formRef.current?.querySelector<HTMLElement>(
      'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], [tabindex][aria-invalid="true"]',
    );
    if (target) target.focus();
    else formRef.current?.querySelector<HTMLElement>('.form-error-summary')?.focus();
  }, [focusRequest]);

  const set = <K extends keyof AdaptationDraft>(key: K, value: AdaptationDraft[K], field?: AdaptationField) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (field) clearError(field);
  };
  const clearError = (field: AdaptationField) =>
    setErrors((prev) => {
      if (!prev[field]) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });

  const derived = deriveFidelity(coreElements, draft.coreAnswers);
  const fidelity: Fidelity = draft.fidelityChoice ?? derived;
  const split = splitCore(coreElements, draft.coreAnswers);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkDraft(draft, coreElements);
    const found: Partial<Record<AdaptationField, string>> = {};
    for (const [field, p] of Object.entries(problems) as [AdaptationField, { key: string; values?: Record<string, unknown> }][]) {
      found[field] = t(p.key, p.values);
    }
    const count = Object.keys(found).length;
    setErrors(found);
    if (count > 0) {
      setFormError(t('form.fixErrors', { count }));
      setFocusRequest((n) => n + 1);
      return;
    }
    setFormError(null);
    try {
      await onSubmit(draft, coreElements);
    } catch (error) {
      const special = describeFailure?.(error);
      if (special) {
        setFormError(special);
        setFocusRequest((n) => n + 1);
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { fields, unmatched } = mapFieldErrors(error, ADAPTATION_FIELDS, ADAPTATION_FIELD_ALIASES);
        setErrors(fields);
        const n = Object.keys(fields).length;
        const extra = unmatched.map((u) => `${u.field}: ${u.message}`).join(' ');
        setFormError([n > 0 ? t('form.fixErrors', { count: n }) : describeError(error, tc), extra].filter(Boolean).join(' '));
      } else {
        setErrors({});
        setFormError(describeError(error, tc));
      }
      setFocusRequest((n) => n + 1);
    }
  };

  const choosePractice = (id: string) => {
    setDraft((d) => ({ ...d, sourcePracticeId: id, productId: '', coreAnswers: {}, fidelityChoice: null }));
    clearError('source_practice_id');
  };
  const chooseProduct = (id: string) => {
    setDraft((d) => ({ ...d, productId: id, coreAnswers: {}, fidelityChoice: null }));
    clearError('product_id');
    clearError('frame.core_elements');
    clearError('frame.fidelity');
  };
  const answerCore = (element: string, answer: CoreAnswer) => {
    setDraft((d) => ({ ...d, coreAnswers: { ...d.coreAnswers, [element]: answer } }));
    clearError('frame.core_elements');
    clearError('frame.fidelity');
  };

  const errorList = Object.entries(errors) as [AdaptationField, string][];
  const stageOptions: readonly Stage[] = original ? [original.stage, ...allowedMoves(original.stage)] : STAGES;

  return (
    <form ref={formRef} className="adaptation-form" onSubmit={submit} noValidate aria-describedby="af-intro">
      <div className="adaptation-form-layout">
        <div className="adaptation-form-main">
          <p id="af-intro" className="lead">
            {t('form.intro')}
          </p>
          <div role="alert" className={formError ? 'alert alert-error form-error-summary' : 'alert-empty'} tabIndex={formError ? -1 : undefined}>
            {formError && (
              <>
                <p className="form-error-title">{formError}</p>
                {errorList.length > 0 && (
                  <ul className="form-error-links">
                    {errorList.map(([field, message]) => (
                      <li key={field}>
                        <a href={`#${fieldId(field)}`}>
                          {t(`form.fieldNames.${field.replace('.', '_')}`)}: {message}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>

          <FormSection id="source" number={1} title={t('form.sections.source.title')} lead={t('form.sections.source.lead')}>
            <SelectField
              id={fieldId('source_practice_id')}
              label={t('form.practice.label')}
              hint={original ? t('form.practice.fixed') : t('form.practice.hint')}
              required
              value={draft.sourcePracticeId}
              disabled={!!original}
              error={errors.source_practice_id}
              onChange={(e) => choosePractice(e.target.value)}
            >
              <option value="">{t('form.choose')}</option>
              {practices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title} — {p.organisation.name} ({p.country})
                </option>
              ))}
              {original && !practices.some((p) => p.id === original.source_practice_id) && (
                <option value={original.source_practice_id}>{original.source_practice_title ?? original.source_practice_id}</option>
              )}
            </SelectField>
            <SelectField
              id={fieldId('product_id')}
              label={t('form.product.label')}
              hint={t('form.product.hint')}
              value={draft.productId}
              disabled={!draft.sourcePracticeId || source.isPending}
              error={errors.product_id}
              onChange={(e) => chooseProduct(e.target.value)}
            >
              <option value="">{t('form.product.whole')}</option>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({t(`productKinds.${p.kind}`)})
                </option>
              ))}
            </SelectField>
            {source.isError && <p className="field-error">{describeError(source.error, tc)}</p>}
            <TextField
              id={fieldId('title')}
              label={t('form.title.label')}
              hint={t('form.title.hint')}
              required
              value={draft.title}
              maxLength={ADAPTATION_LIMITS.titleMax + 20}
              error={errors.title}
              onChange={(e) => set('title', e.target.value, 'title')}
            />
            <CountrySelect
              id={fieldId('country')}
              label={t('form.country.label')}
              hint={t('form.country.hint')}
              value={draft.country}
              error={errors.country}
              onChange={(e) => set('country', e.target.value, 'country')}
            />
            <TextAreaField
              id={fieldId('context_description')}
              label={t('form.context.label')}
              hint={t('form.context.hint')}
              rows={4}
              value={draft.contextDescription}
              error={errors.context_description}
              onChange={(e) => set('contextDescription', e.target.value, 'context_description')}
            />
            {programme.target_groups.length > 0 && (
              <CheckboxGroup
                id={fieldId('target_groups')}
                name="target_groups"
                label={t('form.targetGroups.label')}
                hint={t('form.targetGroups.hint')}
                options={programme.target_groups.map((g) => ({ value: g.key, label: vocabulary.title(g) }))}
                value={draft.targetGroups}
                error={errors.target_groups}
                onChange={(v) => set('targetGroups', v, 'target_groups')}
              />
            )}
            <RadioCards
              id={fieldId('stage')}
              name="stage"
              legend={t('form.stage.label')}
              description={original ? t('form.stage.editHint') : t('form.stage.hint')}
              options={stageOptions.map((s) => ({ value: s, label: t(`stages.${s}`), description: t(`stageHelp.${s}`) }))}
              value={draft.stage}
              error={errors.stage}
              onChange={(v) => set('stage', v as Stage, 'stage')}
            />
          </FormSection>

          <FormSection id="when" number={2} title={t('form.sections.when.title')} lead={t('form.sections.when.lead')}>
            <SingleChoice field="frame.when" name="when" options={FRAME_WHEN} value={draft.when} error={errors['frame.when']} onChange={(v) => set('when', v, 'frame.when')} />
            <SingleChoice
              field="frame.planned"
              name="planned"
              options={FRAME_PLANNED}
              value={draft.planned}
              error={errors['frame.planned']}
              onChange={(v) => set('planned', v, 'frame.planned')}
            />
            <MultiChoice
              field="frame.decided_by"
              name="decided_by"
              options={FRAME_DECIDED_BY}
              value={draft.decidedBy}
              error={errors['frame.decided_by']}
              onChange={(v) => set('decidedBy', v, 'frame.decided_by')}
            />
          </FormSection>

          <FormSection id="what" number={3} title={t('form.sections.what.title')} lead={t('form.sections.what.lead')}>
            <MultiChoice field="frame.what" name="what" options={FRAME_WHAT} value={draft.what} error={errors['frame.what']} onChange={(v) => set('what', v, 'frame.what')} />
            <SingleChoice field="frame.level" name="level" options={FRAME_LEVEL} value={draft.level} error={errors['frame.level']} onChange={(v) => set('level', v, 'frame.level')} />
            <MultiChoice
              field="frame.context_modifications"
              name="context_modifications"
              options={FRAME_CONTEXT_MODIFICATIONS}
              value={draft.contextModifications}
              error={errors['frame.context_modifications']}
              onChange={(v) => set('contextModifications', v, 'frame.context_modifications')}
            />
            <MultiChoice
              field="frame.content_modifications"
              name="content_modifications"
              options={FRAME_CONTENT_MODIFICATIONS}
              value={draft.contentModifications}
              error={errors['frame.content_modifications']}
              onChange={(v) => set('contentModifications', v, 'frame.content_modifications')}
            />
          </FormSection>

          <FormSection id="core" number={4} title={t('form.sections.core.title')} lead={t('form.sections.core.lead')}>
            {!draft.productId ? (
              <p className="muted" id={fieldId('frame.core_elements')}>
                {t('core.noProduct')}
              </p>
            ) : coreElements.length === 0 ? (
              <p className="muted" id={fieldId('frame.core_elements')}>
                {t('core.noneDeclared', { product: product?.name ?? '' })}
              </p>
            ) : (
              <div className="core-answers" id={fieldId('frame.core_elements')}>
                <p className="field-hint">{t('core.hint', { product: product?.name ?? '' })}</p>
                {coreElements.map((element, index) => (
                  <RadioCards
                    key={element}
                    id={`af-core-${index}`}
                    name={`core-${index}`}
                    legend={element}
                    layout="row"
                    className="core-answer"
                    options={(['kept', 'changed', 'unsure'] as const).map((a) => ({ value: a, label: t(`core.answers.${a}`) }))}
                    value={draft.coreAnswers[element] ?? 'unsure'}
                    error={index === 0 ? errors['frame.core_elements'] : undefined}
                    onChange={(v) => answerCore(element, v as CoreAnswer)}
                  />
                ))}
              </div>
            )}
            <FidelityField
              fidelity={fidelity}
              derived={derived}
              chosen={draft.fidelityChoice !== null}
              keptCount={split.kept.length}
              changedCount={split.changed.length}
              coreCount={coreElements.length}
              hasProduct={!!draft.productId}
              error={errors['frame.fidelity']}
              onChoose={(v) => {
                set('fidelityChoice', v, 'frame.fidelity');
              }}
              onFollow={() => set('fidelityChoice', null, 'frame.fidelity')}
            />
          </FormSection>

          <FormSection id="why" number={5} title={t('form.sections.why.title')} lead={t('form.sections.why.lead')}>
            <MultiChoice field="frame.goals" name="goals" options={FRAME_GOALS} value={draft.goals} error={errors['frame.goals']} onChange={(v) => set('goals', v, 'frame.goals')} />
            <fieldset className="field fieldset reasons-fieldset" id={fieldId('frame.reasons')} tabIndex={errors['frame.reasons'] ? -1 : undefined} aria-invalid={errors['frame.reasons'] ? true : undefined}>
              <legend className="field-label">{t('frame.reasons.legend')}</legend>
              <p className="field-hint">{t('frame.reasons.help')}</p>
              <div className="reasons-grid">
                {REASON_LEVELS.map((level) => (
                  <CheckboxGroup
                    key={level}
                    id={`af-reasons-${level}`}
                    name={`reasons-${level}`}
                    label={t(`frame.reasons.levels.${level}.label`)}
                    hint={t(`frame.reasons.levels.${level}.hint`)}
                    options={FRAME_REASONS[level].map((r) => ({
                      value: r,
                      label: t(`frame.reasons.options.${r}.label`),
                      hint: t(`frame.reasons.options.${r}.hint`),
                    }))}
                    value={draft.reasons[level]}
                    onChange={(v) => {
                      setDraft((d) => ({ ...d, reasons: { ...d.reasons, [level]: v } }));
                      clearError('frame.reasons');
                    }}
                  />
                ))}
              </div>
              {errors['frame.reasons'] && (
                <p className="field-error">
                  <span aria-hidden="true">⚠ </span>
                  {errors['frame.reasons']}
                </p>
              )}
            </fieldset>
          </FormSection>

          <FormSection id="barriers" number={6} title={t('form.sections.barriers.title')} lead={t('form.sections.barriers.lead')}>
            <StringListField
              id={fieldId('barriers')}
              legend={t('form.barriers.label')}
              hint={t('form.barriers.hint')}
              inputLabel={t('form.barriers.input')}
              addLabel={t('form.barriers.add')}
              emptyText={t('form.barriers.empty')}
              items={draft.barriers}
              maxItems={ADAPTATION_LIMITS.listMax}
              maxLength={ADAPTATION_LIMITS.listItemMax}
              error={errors.barriers}
              onChange={(v) => set('barriers', v, 'barriers')}
            />
            <StringListField
              id={fieldId('facilitators')}
              legend={t('form.facilitators.label')}
              hint={t('form.facilitators.hint')}
              inputLabel={t('form.facilitators.input')}
              addLabel={t('form.facilitators.add')}
              emptyText={t('form.facilitators.empty')}
              items={draft.facilitators}
              maxItems={ADAPTATION_LIMITS.listMax}
              maxLength={ADAPTATION_LIMITS.listItemMax}
              error={errors.facilitators}
              onChange={(v) => set('facilitators', v, 'facilitators')}
            />
          </FormSection>

          <div className="form-actions adaptation-form-actions">
            <Button type="submit" variant="primary" pending={pending} pendingLabel={t('actions.saving')}>
              {submitLabel}
            </Button>
            <Button onClick={onCancel}>{t('actions.cancel')}</Button>
          </div>
        </div>
        <aside className="adaptation-form-aside">
          <nav aria-label={t('form.toc')} className="adaptation-form-toc">
            <p className="adaptation-form-toc-title">{t('form.toc')}</p>
            <ol>
              {SECTIONS.map((s) => (
                <li key={s}>
                  <a href={`#af-section-${s}`}>{t(`form.sections.${s}.title`)}</a>
                </li>
              ))}
            </ol>
          </nav>
          <div className="adaptation-form-summary" aria-hidden="true">
            <p className="adaptation-form-toc-title">{t('fidelity.label')}</p>
            <p className={`fidelity-pill fidelity-${fidelity}`}>{t(`fidelity.values.${fidelity}`)}</p>
          </div>
        </aside>
      </div>
    </form>
  );
}

function FormSection({ id, number, title, lead, children }: { id: string; number: number; title: string; lead: string; children: ReactNode }) {
  return (
    <section id={`af-section-${id}`} className="adaptation-form-section" aria-labelledby={`af-section-${id}-title`}>
      <h2 id={`af-section-${id}-title`}>
        <span className="section-number" aria-hidden="true">
          {number}
        </span>
        {title}
      </h2>
      <p className="section-lead">{lead}</p>
      <div className="adaptation-form-fields">{children}</div>
    </section>
  );
}

type FrameChoiceField = 'frame.when' | 'frame.planned' | 'frame.level';
type FrameMultiField = 'frame.decided_by' | 'frame.what' | 'frame.context_modifications' | 'frame.content_modifications' | 'frame.goals';

/** One FRAME question with a single answer, each option explained; the answer can be cleared. */
function SingleChoice({
  field,
  name,
  options,
  value,
  error,
  onChange,
}: {
  field: FrameChoiceField;
  name: string;
  options: readonly string[];
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('exchange');
  const key = field.replace('frame.', '');
  return (
    <RadioCards
      id={fieldId(field)}
      name={name}
      legend={t(`frame.${key}.legend`)}
      description={t(`frame.${key}.help`)}
      options={options.map((o) => ({ value: o, label: t(`frame.${key}.options.${o}.label`), description: t(`frame.${key}.options.${o}.hint`) }))}
      value={value || null}
      error={error}
      onChange={onChange}
    >
      {value && (
        <Button size="sm" variant="link" className="clear-answer" onClick={() => onChange('')}>
          {t('form.clearAnswer')}
        </Button>
      )}
    </RadioCards>
  );
}

/** One FRAME question with several answers, each option with a one-line example. */
function MultiChoice({
  field,
  name,
  options,
  value,
  error,
  onChange,
}: {
  field: FrameMultiField;
  name: string;
  options: readonly string[];
  value: string[];
  error?: string;
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation('exchange');
  const key = field.replace('frame.', '');
  return (
    <CheckboxGroup
      id={fieldId(field)}
      name={name}
      label={t(`frame.${key}.legend`)}
      hint={t(`frame.${key}.help`)}
      options={options.map((o) => ({ value: o, label: t(`frame.${key}.options.${o}.label`), hint: t(`frame.${key}.options.${o}.hint`) }))}
      value={value}
      error={error}
      onChange={onChange}
    />
  );
}

/**
 * Fidelity to the original: what the answers about core elements say, in words, and the
 * partner's choice, checked against them.
 */
function FidelityField({
  fidelity,
  derived,
  chosen,
  keptCount,
  changedCount,
  coreCount,
  hasProduct,
  error,
  onChoose,
  onFollow,
}: {
  fidelity: Fidelity;
  derived: Fidelity;
  chosen: boolean;
  keptCount: number;
  changedCount: number;
  coreCount: number;
  hasProduct: boolean;
  error?: string;
  onChoose: (value: Fidelity) => void;
  onFollow: () => void;
}) {
  const { t } = useTranslation('exchange');
  const reason =
    changedCount > 0
      ? t('fidelity.because.changed', { count: changedCount })
      : coreCount > 0 && keptCount === coreCount
        ? t('fidelity.because.allKept', { count: coreCount })
        : coreCount > 0
          ? t('fidelity.because.unanswered', { count: coreCount - keptCount })
          : hasProduct
            ? t('fidelity.because.noCore')
            : t('fidelity.because.noProduct');
  return (
    <div className="fidelity-block">
      <div className="fidelity-derived" role="status" aria-live="polite" aria-atomic="true">
        <p>
          <strong>{t('fidelity.derived', { value: t(`fidelity.values.${derived}`) })}</strong> {reason}
        </p>
        {chosen && fidelity !== derived && <p className="fidelity-override">{t('fidelity.overridden', { value: t(`fidelity.values.${fidelity}`) })}</p>}
      </div>
      <RadioCards
        id={fieldId('frame.fidelity')}
        name="fidelity"
        layout="row"
        legend={t('fidelity.legend')}
        description={t('fidelity.help')}
        required
        options={FRAME_FIDELITY.map((f) => ({ value: f, label: t(`fidelity.values.${f}`), description: t(`fidelity.explain.${f}`) }))}
        value={fidelity}
        error={error}
        onChange={(v) => onChoose(v as Fidelity)}
      >
        {chosen && (
          <Button size="sm" variant="link" className="clear-answer" onClick={onFollow}>
            {t('fidelity.follow')}
          </Button>
        )}
      </RadioCards>
    </div>
  );
}
