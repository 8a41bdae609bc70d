import type { TFunction } from 'i18next';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, OrganisationCreate, OrganisationKind } from '@/api/types';
import { CountrySelect } from '@/components/ui/country-select';
import { SelectField, TextField } from '@/components/ui/form-fields';
import { ORGANISATION_KINDS } from '@/lib/constants';
import { checks, compact, firstError, limits } from '@/lib/validation';

/** The fields of an organisation, in the order they are shown and validated. */
export const ORGANISATION_FIELDS = ['name', 'country', 'kind', 'city', 'website'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

export interface OrganisationValues {
  name: string;
  country: string;
  kind: OrganisationKind | '';
  city: string;
  website: string;
}

export function organisationValues(initial?: Organisation): OrganisationValues {
  return {
    name: initial?.name ?? '',
    country: initial?.country ?? '',
    kind: initial?.kind ?? '',
    city: initial?.city ?? '',
    website: initial?.website ?? '',
  };
}

/** The messages to show next to the fields; empty when the values can be sent. */
export function validateOrganisation(v: OrganisationValues, t: TFunction) {
  const c = checks(t);
  return compact<OrganisationField>({
    name: firstError(v.name, c.required, c.maxLength(limits.nameMax)),
    country: firstError(v.country, c.required, c.country),
    kind: v.kind ? undefined : t('validation.required'),
    city: c.maxLength(limits.cityMax)(v.city),
    website: firstError(v.website.trim(), c.url, c.maxLength(limits.websiteMax)),
  });
}

/**
 * The request body. An empty website is left out when creating (the contract wants a URI);
 * `keepEmptyWebsite` (editing) sends it, to clear it.
 */
export function organisationBody(v: OrganisationValues & { kind: OrganisationKind }, keepEmptyWebsite = false): OrganisationCreate {
  const body: OrganisationCreate = { name: v.name.trim(), country: v.country, kind: v.kind, city: v.city.trim() };
  if (v.website.trim() || keepEmptyWebsite) body.website = v.website.trim();
  return body;
}

interface OrganisationFieldsProps {
  values: OrganisationValues;
  onChange: <K extends OrganisationField>(field: K, value: OrganisationValues[K]) => void;
  errors: Partial<Record<OrganisationField, string>>;
  clearError: (field: OrganisationField) => void;
  /** Gives the controls `name` attributes (in a form of its own). */
  named?: boolean;
  firstFieldRef?: Ref<HTMLInputElement>;
}

/** Name, country, kind, city and website: registering or editing an organisation. */
export function OrganisationFields({ values, onChange, errors, clearError, named = false, firstFieldRef }: OrganisationFieldsProps) {
  const { t } = useTranslation();
  const nameOf = (field: OrganisationField) => (named ? field : undefined);
  /** A new value also clears the field's message. */
  const change = <K extends OrganisationField>(field: K, value: OrganisationValues[K]) => {
    onChange(field, value);
    clearError(field);
  };
  return (
    <>
      <TextField
        ref={firstFieldRef}
        label={t('fields.organisationName')}
        name={nameOf('name')}
        required
        maxLength={limits.nameMax}
        value={values.name}
        error={errors.name}
        onChange={(e) => change('name', e.target.value)}
      />
      <div className="field-row">
        <CountrySelect
          label={t('fields.country')}
          name={nameOf('country')}
          required
          value={values.country}
          error={errors.country}
          onChange={(e) => change('country', e.target.value)}
        />
        <SelectField
          label={t('fields.kind')}
          name={nameOf('kind')}
          required
          value={values.kind}
          error={errors.kind}
          onChange={(e) => change('kind', e.target.value as OrganisationKind | '')}
        >
          <option value="">{t('forms.choose')}</option>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`organisationKinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field-row">
        <TextField
          label={t('fields.city')}
          name={nameOf('city')}
          maxLength={limits.cityMax}
          value={values.city}
          error={errors.city}
          onChange={(e) => onChange('city', e.target.value)}
        />
        <TextField
          label={t('fields.website')}
          name={nameOf('website')}
          type="url"
          placeholder="https://"
          maxLength={limits.websiteMax}
          value={values.website}
          error={errors.website}
          onChange={(e) => change('website', e.target.value)}
        />
      </div>
    </>
  );
}
