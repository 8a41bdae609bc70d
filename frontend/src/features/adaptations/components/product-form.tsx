import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, mapFieldErrors } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { CountrySelect } from '@/components/ui/country-select';
import { CheckboxGroup, FormAlert, SelectField, TextAreaField, TextField } from '@/components/ui/form-fields';
import { RadioCards } from '@/components/ui/radio-cards';
import { describeError } from '@/lib/describe-error';
import { countryName } from '@/lib/format';
import type { AdaptationSummary, NewProduct, NewProductInput, NewProductStatus, Organisation, PracticeSummary, ProductKind } from '../api/types';
import { NEW_PRODUCT_STATUSES, PRODUCT_KINDS } from './frame-vocabulary';

export const PRODUCT_FIELDS = [
  'title',
  'kind',
  'description',
  'status',
  'organisation_ids',
  'countries',
  'inspired_by_practice_ids',
  'derived_from_adaptation_ids',
  'link',
] as const;
type ProductField = (typeof PRODUCT_FIELDS)[number];

interface Values {
  title: string;
  kind: ProductKind;
  description: string;
  status: NewProductStatus;
  organisationIds: string[];
  countries: string[];
  practiceIds: string[];
  adaptationIds: string[];
  link: string;
}

function initialValues(product: NewProduct | undefined, ownOrganisation: string | undefined): Values {
  return {
    title: product?.title ?? '',
    kind: product?.kind ?? 'guidance',
    description: product?.description ?? '',
    status: product?.status ?? 'idea',
    organisationIds: product ? [...product.organisation_ids] : ownOrganisation ? [ownOrganisation] : [],
    countries: product ? [...product.countries] : [],
    practiceIds: product ? [...product.inspired_by_practice_ids] : [],
    adaptationIds: product ? [...product.derived_from_adaptation_ids] : [],
    link: product?.link ?? '',
  };
}

/** Checks the register's rules before sending: a title, provenance, a web address that works. */
export function checkProduct(v: Values): Partial<Record<ProductField, { key: string; values?: Record<string, unknown> }>> {
  const out: Partial<Record<ProductField, { key: string; values?: Record<string, unknown> }>> = {};
  if (!v.title.trim()) out.title = { key: 'validation.required' };
  else if (v.title.trim().length > 200) out.title = { key: 'validation.maxLength', values: { max: 200 } };
  if (v.description.length > 10000) out.description = { key: 'validation.maxLength', values: { max: 10000 } };
  if (v.practiceIds.length === 0 && v.adaptationIds.length === 0) out.inspired_by_practice_ids = { key: 'newProducts.errors.provenance' };
  if (v.organisationIds.length > 30) out.organisation_ids = { key: 'validation.maxItems', values: { max: 30 } };
  if (v.link.trim()) {
    try {
      const u = new URL(v.link.trim());
      if (u.protocol !== 'http:' && u.protocol !== 'https:') out.link = { key: 'validation.url' };
    } catch {
      out.link = { key: 'validation.url' };
    }
  }
  return out;
}

/** Registers or changes a new product, with where it came from (practices and adaptations). */
export function ProductForm({
  product,
  ownOrganisation,
  practices,
  adaptations,
  organisations,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
  describeFailure,
}: {
  product?: NewProduct;
  ownOrganisation?: string;
  practices: readonly PracticeSummary[];
  adaptations: readonly AdaptationSummary[];
  organisations: readonly Organisation[];
  pending: boolean;
  submitLabel: string;
  onSubmit: (body: NewProductInput) => Promise<void>;
  onCancel: () => void;
  describeFailure?: (error: unknown) => string | undefined;
}) {
  const { t, i18n } = useTranslation('exchange');
  const { t: tc } = useTranslation();
  const [v, setV] = useState<Values>(() => initialValues(product, ownOrganisation));
  const [errors, setErrors] = useState<Partial<Record<ProductField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [countryToAdd, setCountryToAdd] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!focusRequest) return;
    formRef.current
      ?.querySelector<HTMLElement>('input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], [tabindex][aria-invalid="true"]')
      ?.focus();
  }, [focusRequest]);

  const set = <K extends keyof Values>(key: K, value: Values[K], field: ProductField) => {
    setV((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => {
      const next = { ...prev };
      delete next[field];
      if (field === 'derived_from_adaptation_ids') delete next.inspired_by_practice_ids;
      return next;
    });
  };

  const orgCountries = new Set(organisations.filter((o) => v.organisationIds.includes(o.id)).map((o) => o.country));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkProduct(v);
    const found: Partial<Record<ProductField, string>> = {};
    for (const [field, p] of Object.entries(problems) as [ProductField, { key: string; values?: Record<string, unknown> }][]) found[field] = t(p.key, p.values);
    setErrors(found);
    const count = Object.keys(found).length;
    if (count) {
      setFormError(t('form.fixErrors', { count }));
      setFocusRequest((n) => n + 1);
      return;
    }
    setFormError(null);
    const body: NewProductInput = {
      title: v.title.trim(),
      kind: v.kind,
      description: v.description.trim(),
      status: v.status,
      organisation_ids: v.organisationIds,
      countries: v.countries,
      inspired_by_practice_ids: v.practiceIds,
      derived_from_adaptation_ids: v.adaptationIds,
      ...(v.link.trim() || product ? { link: v.link.trim() } : {}),
    };
    try {
      await onSubmit(body);
    } catch (error) {
      const special = describeFailure?.(error);
      if (special) {
        setFormError(special);
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { fields, unmatched } = mapFieldErrors(error, PRODUCT_FIELDS);
        setErrors(fields);
        setFormError([t('form.fixErrors', { count: Math.max(1, Object.keys(fields).length) }), ...unmatched.map((u) => `${u.field}: ${u.message}`)].join(' '));
        setFocusRequest((n) => n + 1);
      } else setFormError(describeError(error, tc));
    }
  };

  return (
    <form ref={formRef} className="form product-form" onSubmit={submit} noValidate>
      <FormAlert message={formError} />
      <TextField id="np-title" label={t('newProducts.fields.title')} required value={v.title} error={errors.title} onChange={(e) => set('title', e.target.value, 'title')} />
      <div className="field-row">
        <SelectField id="np-kind" label={t('newProducts.fields.kind')} value={v.kind} error={errors.kind} onChange={(e) => set('kind', e.target.value as ProductKind, 'kind')}>
          {PRODUCT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`productKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="np-link"
          type="url"
          label={t('newProducts.fields.link')}
          hint={t('newProducts.hints.link')}
          value={v.link}
          error={errors.link}
          onChange={(e) => set('link', e.target.value, 'link')}
        />
      </div>
      <RadioCards
        id="np-status"
        name="np-status"
        legend={t('newProducts.fields.status')}
        layout="row"
        options={NEW_PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`newProducts.statuses.${s}`), description: t(`newProducts.statusHelp.${s}`) }))}
        value={v.status}
        error={errors.status}
        onChange={(s) => set('status', s as NewProductStatus, 'status')}
      />
      <TextAreaField
        id="np-description"
        label={t('newProducts.fields.description')}
        rows={4}
        value={v.description}
        error={errors.description}
        onChange={(e) => set('description', e.target.value, 'description')}
      />
      <fieldset className="field fieldset provenance-fieldset">
        <legend className="field-label">{t('newProducts.provenance')}</legend>
        <p className="field-hint">{t('newProducts.hints.provenance')}</p>
        {practices.length === 0 ? (
          <p className="muted">{t('newProducts.noPractices')}</p>
        ) : (
          <CheckboxGroup
            id="np-practices"
            name="np-practices"
            label={t('newProducts.fields.inspired_by_practice_ids')}
            options={practices.map((p) => ({ value: p.id, label: p.title, hint: `${p.organisation.name} (${p.country})` }))}
            value={v.practiceIds}
            error={errors.inspired_by_practice_ids}
            onChange={(ids) => set('practiceIds', ids, 'inspired_by_practice_ids')}
          />
        )}
        {adaptations.length === 0 ? (
          <p className="muted">{t('newProducts.noAdaptations')}</p>
        ) : (
          <CheckboxGroup
            id="np-adaptations"
            name="np-adaptations"
            label={t('newProducts.fields.derived_from_adaptation_ids')}
            options={adaptations.map((a) => ({ value: a.id, label: a.title, hint: `${a.adopting_organisation.name} (${a.country})` }))}
            value={v.adaptationIds}
            error={errors.derived_from_adaptation_ids}
            onChange={(ids) => set('adaptationIds', ids, 'derived_from_adaptation_ids')}
          />
        )}
      </fieldset>
      <CheckboxGroup
        id="np-organisations"
        name="np-organisations"
        label={t('newProducts.fields.organisation_ids')}
        hint={t('newProducts.hints.organisations')}
        options={organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.country})` }))}
        value={v.organisationIds}
        error={errors.organisation_ids}
        onChange={(ids) => set('organisationIds', ids, 'organisation_ids')}
      />
      <fieldset className="field fieldset">
        <legend className="field-label">{t('newProducts.fields.countries')}</legend>
        <p className="field-hint">{t('newProducts.hints.countries')}</p>
        {orgCountries.size + v.countries.length > 0 && (
          <ul className="chip-list">
            {[...orgCountries].filter((c) => !v.countries.includes(c)).map((c) => (
              <li key={`org-${c}`} className="chip">
                {countryName(c, i18n.language)}
              </li>
            ))}
            {v.countries.map((c) => (
              <li key={c} className="chip chip-removable">
                {countryName(c, i18n.language)}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('newProducts.removeCountry', { country: countryName(c, i18n.language) })}
                  onClick={() => set('countries', v.countries.filter((x) => x !== c), 'countries')}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="input-with-button">
          <CountrySelect
            id="np-country-add"
            label={t('newProducts.addCountry')}
            value={countryToAdd}
            error={errors.countries}
            onChange={(e) => setCountryToAdd(e.target.value)}
          />
          <Button
            onClick={() => {
              if (countryToAdd && !v.countries.includes(countryToAdd)) set('countries', [...v.countries, countryToAdd], 'countries');
              setCountryToAdd('');
            }}
          >
            {t('newProducts.add')}
          </Button>
        </div>
      </fieldset>
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={pending} pendingLabel={t('actions.saving')}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </div>
    </form>
  );
}
