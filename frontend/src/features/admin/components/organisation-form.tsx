import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, OrganisationCreate } from '@/api/types';
import {
  ORGANISATION_FIELDS,
  OrganisationFields,
  organisationBody,
  organisationValues,
  validateOrganisation,
  type OrganisationValues,
} from '@/components/organisations/organisation-fields';
import { Button } from '@/components/ui/button';
import { FormActions, FormAlert, FormNotice, RequiredNote } from '@/components/ui/form-fields';
import { useFormErrors } from '@/lib/use-form-errors';

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
  const form = useFormErrors(ORGANISATION_FIELDS);
  const [values, setValues] = useState<OrganisationValues>(() => organisationValues(initial));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = form.validate(validateOrganisation(values, t));
    const { kind } = values;
    if (!ok || !kind) return;
    // Editing may clear the website; creating leaves an empty one out.
    const body = organisationBody({ ...values, kind }, !!initial);
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
      <OrganisationFields
        values={values}
        onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
        errors={form.errors}
        clearError={form.clearError}
        named
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
