import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeText } from '@/lib/vocabulary';
import type { Invitation, Organisation, Programme, Role } from '@/api/types';
import {
  ORGANISATION_FIELDS,
  OrganisationFields,
  organisationBody,
  organisationValues,
  validateOrganisation,
  type OrganisationField,
  type OrganisationValues,
} from '@/components/organisations/organisation-fields';
import { useCreateOrganisation, useOrganisationOptions } from '@/components/organisations/use-organisations';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { CheckboxGroup, FormActions, FormAlert, RequiredNote, SelectField, TextField } from '@/components/ui/form-fields';
import { LocaleField, uiLocale } from '@/components/profile/locale-field';
import { copyText } from '@/lib/clipboard';
import { ROLES } from '@/lib/constants';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';
import { useCreateInvitation } from '../api/invitations';

interface InviteDialogProps {
  programme: Programme;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** "Invite a member": the form, then the one-time invitation link to pass on. */
export function InviteDialog({ programme, open, onOpenChange }: InviteDialogProps) {
  const { t, i18n } = useTranslation();
  const [created, setCreated] = useState<Invitation | null>(null);
  const close = (next: boolean) => {
    if (!next) setCreated(null);
    onOpenChange(next);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={created ? t('invite.createdTitle') : t('invite.title')}
      description={created ? undefined : t('invite.description', { programme: programmeText(programme, i18n.language).name })}
      size="lg"
    >
      {created ? (
        <InviteResult invitation={created} onAnother={() => setCreated(null)} onDone={() => close(false)} />
      ) : (
        <InviteForm programme={programme} onCreated={setCreated} onCancel={() => close(false)} />
      )}
    </Dialog>
  );
}

const FIELDS = ['email', 'name', 'organisation_id', 'roles', 'locale'] as const;

function InviteForm({ programme, onCreated, onCancel }: { programme: Programme; onCreated: (i: Invitation) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useFormErrors(FIELDS);
  const createInvitation = useCreateInvitation();
  const organisations = useOrganisationOptions();
  const idempotency = useIdempotencyKey();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  // The invitee's language, which the new account takes; the inviter's interface language by default.
  const [locale, setLocale] = useState(uiLocale(i18n.language));
  const [addingOrganisation, setAddingOrganisation] = useState(false);
  const [extraOrganisations, setExtraOrganisations] = useState<Organisation[]>([]);
  const [orgNotice, setOrgNotice] = useState<string | null>(null);

  const options = [...(organisations.data?.items ?? [])];
  for (const extra of extraOrganisations) if (!options.some((o) => o.id === extra.id)) options.push(extra);
  options.sort((a, b) => a.name.localeCompare(b.name));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const ok = form.validate(
      compact({
        email: firstError(email, c.required, c.email, c.maxLength(limits.emailMax)),
        name: c.maxLength(limits.nameMax)(name),
        organisation_id: organisationId ? undefined : t('validation.chooseOrganisation'),
        roles: roles.length ? undefined : t('validation.chooseRole'),
      }),
    );
    if (!ok) return;
    const body = { email: email.trim(), name: name.trim(), organisation_id: organisationId, programme_id: programme.id, roles, locale };
    createInvitation.mutate(
      { body, idempotencyKey: idempotency.forBody(body) },
      {
        onSuccess: (invitation) => {
          idempotency.reset();
          onCreated(invitation);
        },
        onError: (error) => form.showServerError(error),
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <RequiredNote />
      <FormAlert message={form.formError} />
      <div className="field-row">
        <TextField
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          maxLength={limits.emailMax}
          value={email}
          error={form.errors.email}
          onChange={(e) => {
            setEmail(e.target.value);
            form.clearError('email');
          }}
        />
        <TextField
          label={t('fields.name')}
          name="name"
          autoComplete="off"
          maxLength={limits.nameMax}
          hint={t('invite.nameHint')}
          value={name}
          error={form.errors.name}
          onChange={(e) => {
            setName(e.target.value);
            form.clearError('name');
          }}
        />
      </div>

      <SelectField
        label={t('fields.organisation')}
        name="organisation_id"
        required
        value={organisationId}
        error={form.errors.organisation_id}
        hint={organisations.isError ? t('invite.organisationsFailed') : undefined}
        disabled={organisations.isPending && extraOrganisations.length === 0}
        onChange={(e) => {
          setOrganisationId(e.target.value);
          form.clearError('organisation_id');
        }}
      >
        <option value="">{organisations.isPending ? t('states.loading') : t('forms.choose')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({o.country})
          </option>
        ))}
      </SelectField>
      <div role="status" className="inline-status">
        {orgNotice}
      </div>
      {addingOrganisation ? (
        <NewOrganisationFields
          onCreated={(organisation) => {
            setExtraOrganisations((all) => [...all, organisation]);
            setOrganisationId(organisation.id);
            form.clearError('organisation_id');
            setAddingOrganisation(false);
            setOrgNotice(t('invite.organisationCreated', { name: organisation.name }));
          }}
          onCancel={() => setAddingOrganisation(false)}
        />
      ) : (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setOrgNotice(null);
            setAddingOrganisation(true);
          }}
        >
          <span aria-hidden="true">+ </span>
          {t('invite.newOrganisation')}
        </Button>
      )}

      <CheckboxGroup
        name="roles"
        label={t('fields.roles')}
        required
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`), hint: t(`roles.${r}Hint`) }))}
        value={roles}
        onChange={(next) => {
          setRoles(next);
          form.clearError('roles');
        }}
        error={form.errors.roles}
      />
      <LocaleField
        value={locale}
        hint={t('invite.localeHint')}
        error={form.errors.locale}
        onChange={(next) => {
          setLocale(next);
          form.clearError('locale');
        }}
      />

      <FormActions>
        <Button type="submit" variant="primary" pending={createInvitation.isPending} pendingLabel={t('invite.pending')}>
          {t('invite.submit')}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </FormActions>
    </form>
  );
}

/** Registers an organisation without leaving the invitation (a section, not a nested form). */
function NewOrganisationFields({ onCreated, onCancel }: { onCreated: (o: Organisation) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors<OrganisationField, HTMLFieldSetElement>(ORGANISATION_FIELDS);
  const create = useCreateOrganisation();
  const idempotency = useIdempotencyKey();
  const [values, setValues] = useState<OrganisationValues>(() => organisationValues());
  const firstFieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstFieldRef.current?.focus(), []);

  const save = () => {
    const ok = form.validate(validateOrganisation(values, t));
    const { kind } = values;
    if (!ok || !kind) return;
    const body = organisationBody({ ...values, kind });
    create.mutate(
      { body, idempotencyKey: idempotency.forBody(body) },
      {
        onSuccess: (organisation) => {
          idempotency.reset();
          onCreated(organisation);
        },
        onError: (error) => form.showServerError(error),
      },
    );
  };

  // Enter inside these fields creates the organisation instead of sending the invitation.
  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      save();
    }
  };

  return (
    <fieldset ref={form.formRef} className="subform" onKeyDown={onKeyDown}>
      <legend>{t('invite.newOrganisation')}</legend>
      <FormAlert message={form.formError} />
      <OrganisationFields
        values={values}
        onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
        errors={form.errors}
        clearError={form.clearError}
        firstFieldRef={firstFieldRef}
      />
      <FormActions>
        <Button onClick={save} pending={create.isPending} pendingLabel={t('actions.saving')}>
          {t('invite.createOrganisation')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
      </FormActions>
    </fieldset>
  );
}

function InviteResult({ invitation, onAnother, onDone }: { invitation: Invitation; onAnother: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const linkRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const url = invitation.invite_url ?? '';

  useEffect(() => {
    linkRef.current?.focus();
    linkRef.current?.select();
  }, []);

  const copy = async () => {
    const ok = await copyText(url);
    if (ok) {
      setCopyStatus(t('invite.copied'));
    } else {
      setCopyStatus(t('invite.copyFailed'));
      linkRef.current?.focus();
      linkRef.current?.select();
    }
  };

  return (
    <div className="form">
      <p className="alert alert-success">{t('invite.createdText', { email: invitation.email })}</p>
      <div className="field">
        <label htmlFor="invite-url" className="field-label">
          {t('invite.link')}
        </label>
        <div className="input-with-button">
          <input
            id="invite-url"
            ref={linkRef}
            className="input input-mono"
            type="text"
            readOnly
            value={url}
            aria-describedby="invite-url-hint"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button variant="primary" onClick={() => void copy()}>
            {t('invite.copy')}
          </Button>
        </div>
        <p id="invite-url-hint" className="field-hint">
          {t('invite.linkHint')}
        </p>
      </div>
      <div role="status" aria-live="polite" className="inline-status">
        {copyStatus}
      </div>
      <FormActions>
        <Button variant="secondary" onClick={onAnother}>
          {t('invite.another')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('actions.done')}
        </Button>
      </FormActions>
    </div>
  );
}
