import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User, UserCreate, UserUpdate } from '@/api/types';
import { useOrganisationOptions } from '@/components/organisations/use-organisations';
import { LocaleField, uiLocale } from '@/components/profile/locale-field';
import { ExpertiseChoices, LanguageChoices } from '@/components/profile/profile-choices';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormActions, FormAlert, FormNotice, RequiredNote, SelectField, TextField } from '@/components/ui/form-fields';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';

const FIELDS = ['email', 'name', 'organisation_id', 'password', 'languages', 'expertise', 'locale', 'is_admin', 'disabled'] as const;

type UserFormProps =
  | {
      mode: 'create';
      initial?: undefined;
      onSubmit: (body: UserCreate) => Promise<unknown>;
    }
  | {
      mode: 'edit';
      initial: User;
      onSubmit: (body: UserUpdate) => Promise<unknown>;
    };

type Props = UserFormProps & {
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
  describeFailure?: (error: unknown) => string | undefined;
  notice?: string | null;
  /** The administrator editing their own account may not take away their own rights. */
  isSelf?: boolean;
};

export function UserForm(props: Props) {
  const { mode, initial, pending, submitLabel, onCancel, describeFailure, notice, isSelf } = props;
  const { t, i18n } = useTranslation();
  const form = useFormErrors(FIELDS);
  const organisations = useOrganisationOptions();
  const [locale, setLocale] = useState(uiLocale(initial?.locale ?? i18n.language));
  const [email, setEmail] = useState(initial?.email ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [organisationId, setOrganisationId] = useState(initial?.organisation_id ?? '');
  const [password, setPassword] = useState('');
  const [languages, setLanguages] = useState<string[]>(initial?.languages ?? []);
  const [expertise, setExpertise] = useState<string[]>(initial?.expertise ?? []);
  const [isAdmin, setIsAdmin] = useState(initial?.is_admin ?? false);
  const [disabled, setDisabled] = useState(initial?.disabled ?? false);

  const options = [...(organisations.data?.items ?? [])];
  if (initial?.organisation && !options.some((o) => o.id === initial.organisation_id)) {
    options.push({ ...initial.organisation } as (typeof options)[number]);
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const languageList = languages;
    const expertiseList = expertise;
    const ok = form.validate(
      compact({
        email: mode === 'create' ? firstError(email, c.required, c.email, c.maxLength(limits.emailMax)) : undefined,
        name: firstError(name, c.required, c.maxLength(limits.nameMax)),
        organisation_id: organisationId ? undefined : t('validation.chooseOrganisation'),
        password:
          mode === 'create'
            ? firstError(password, c.required, c.minLength(limits.passwordMin), c.maxLength(limits.passwordMax))
            : undefined,
        languages: c.languages(languageList),
        expertise: c.expertise(expertiseList),
      }),
    );
    if (!ok) return;
    try {
      if (props.mode === 'create') {
        await props.onSubmit({
          email: email.trim(),
          name: name.trim(),
          organisation_id: organisationId,
          password,
          languages: languageList,
          expertise: expertiseList,
          locale,
          is_admin: isAdmin,
        });
      } else {
        await props.onSubmit({
          name: name.trim(),
          organisation_id: organisationId,
          languages: languageList,
          expertise: expertiseList,
          locale,
          is_admin: isAdmin,
          disabled,
        });
      }
    } catch (error) {
      form.showServerError(error, describeFailure?.(error));
    }
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <FormNotice message={notice} />
      <RequiredNote />
      <FormAlert message={form.formError} />
      {mode === 'create' ? (
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
      ) : (
        <p>
          <strong>{t('fields.email')}:</strong> {initial?.email}
        </p>
      )}
      <TextField
        label={t('fields.name')}
        name="name"
        required
        autoComplete="off"
        maxLength={limits.nameMax}
        value={name}
        error={form.errors.name}
        onChange={(e) => {
          setName(e.target.value);
          form.clearError('name');
        }}
      />
      <SelectField
        label={t('fields.organisation')}
        name="organisation_id"
        required
        value={organisationId}
        error={form.errors.organisation_id}
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
      {mode === 'create' && (
        <TextField
          label={t('fields.initialPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          maxLength={limits.passwordMax}
          hint={t('validation.passwordHint', { min: limits.passwordMin })}
          value={password}
          error={form.errors.password}
          onChange={(e) => {
            setPassword(e.target.value);
            form.clearError('password');
          }}
        />
      )}
      <LanguageChoices
        value={languages}
        held={initial?.languages ?? []}
        error={form.errors.languages}
        onChange={(next) => {
          setLanguages(next);
          form.clearError('languages');
        }}
      />
      <ExpertiseChoices
        value={expertise}
        held={initial?.expertise ?? []}
        error={form.errors.expertise}
        onChange={(next) => {
          setExpertise(next);
          form.clearError('expertise');
        }}
      />
      <LocaleField
        value={locale}
        hint={t('admin.users.localeHint')}
        error={form.errors.locale}
        onChange={(next) => {
          setLocale(next);
          form.clearError('locale');
        }}
      />
      <CheckboxField
        label={t('fields.isAdmin')}
        hint={t('admin.users.isAdminHint')}
        checked={isAdmin}
        disabled={isSelf}
        error={form.errors.is_admin}
        onChange={(e) => setIsAdmin(e.target.checked)}
      />
      {mode === 'edit' && (
        <CheckboxField
          label={t('fields.disabled')}
          hint={t('admin.users.disabledHint')}
          checked={disabled}
          disabled={isSelf}
          error={form.errors.disabled}
          onChange={(e) => setDisabled(e.target.checked)}
        />
      )}
      <FormActions>
        <Button type="submit" variant="primary" pending={pending} pendingLabel={t('actions.saving')}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </FormActions>
    </form>
  );
}
