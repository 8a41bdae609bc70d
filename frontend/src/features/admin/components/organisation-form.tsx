import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, OrganisationCreate, OrganisationKind } from '@/api/types';
import { Button } from '@/components/ui/button';
import { CountrySelect } from '@/components/ui/country-select';
import { FormActions, FormAlert, FormNotice, RequiredNote, SelectField, TextField } from '@/components/ui/form-fields';
import { ORGANISATION_KINDS } from '@/lib/constants';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';

const FIELDS = ['name', 'country', 'kind', 'city', 'website'] as const;

interface OrganisationFormProps {
  initial?: Organisation;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: OrganisationCreate) => Promise<unknown>;
  describeFailure?: (error: unknown) => string | undefined;
  onCancel: () => void;
  notice?: string | null;
}

export function OrganisationForm({ initial, submitLabel, pending, onSubmit, describeFailure, onCancel, notice }: OrganisationFormProps) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [name, setName] = useState(initial?.name ?? '');
  const [country, setCountry] = useState(initial?.country ?? '');
  const [kind, setKind] = useState<OrganisationKind | ''>(initial?.kind ?? '');
  const [city, setCity] = useState(initial?.city ?? '');
  const [website, setWebsite] = useState(initial?.website ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const ok = form.validate(
      compact({
        name: firstError(name, c.required, c.maxLength(limits.nameMax)),
        country: firstError(country, c.required, c.country),
        kind: kind ? undefined : t('validation.required'),
        city: c.maxLength(limits.cityMax)(city),
        website: firstError(website.trim(), c.url, c.maxLength(limits.websiteMax)),
      }),
    );
    if (!ok || !kind) return;
    const body: OrganisationCreate = { name: name.trim(), country, kind, city: city.trim() };
    // Creating: an empty website is left out (the contract wants a URI); editing may clear it.
    if (website.trim() || initial) body.website = website.trim();
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
        label={t('fields.organisationName')}
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
      <div className="field-row">
        <CountrySelect
          label={t('fields.country')}
          name="country"
          required
          value={country}
          error={form.errors.country}
          onChange={(e) => {
            setCountry(e.target.value);
            form.clearError('country');
          }}
        />
        <SelectField
          label={t('fields.kind')}
          name="kind"
          required
          value={kind}
          error={form.errors.kind}
          onChange={(e) => {
            setKind(e.target.value as OrganisationKind | '');
            form.clearError('kind');
          }}
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
        <TextField label={t('fields.city')} name="city" maxLength={limits.cityMax} value={city} error={form.errors.city} onChange={(e) => setCity(e.target.value)} />
        <TextField
          label={t('fields.website')}
          name="website"
          type="url"
          placeholder="https://"
          maxLength={limits.websiteMax}
          value={website}
          error={form.errors.website}
          onChange={(e) => {
            setWebsite(e.target.value);
            form.clearError('website');
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
