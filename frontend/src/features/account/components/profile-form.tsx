import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/types';
import { Button } from '@/components/ui/button';
import { ExpertiseChoices, LanguageChoices } from '@/components/profile/profile-choices';
import { FormActions, FormAlert, TextField } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { useSession } from '@/lib/session';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';
import { useUpdateMe } from '../api/me';

const FIELDS = ['name', 'languages', 'expertise'] as const;

export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { updateUser } = useSession();
  const update = useUpdateMe();
  const form = useFormErrors(FIELDS);
  const [name, setName] = useState(user.name);
  const [languages, setLanguages] = useState<string[]>(user.languages);
  const [expertise, setExpertise] = useState<string[]>(user.expertise);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const languageList = languages;
    const expertiseList = expertise;
    const ok = form.validate(
      compact({
        name: firstError(name, c.required, c.maxLength(limits.nameMax)),
        languages: c.languages(languageList),
        expertise: c.expertise(expertiseList),
      }),
    );
    if (!ok) return;
    update.mutate(
      { name: name.trim(), languages: languageList, expertise: expertiseList },
      {
        onSuccess: (saved) => {
          updateUser(saved);
          toast.show(t('account.profileSaved'));
        },
        onError: (error) => form.showServerError(error),
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <FormAlert message={form.formError} />
      <p className="muted">
        {t('fields.email')}: {user.email}
        {user.organisation && (
          <>
            <br />
            {t('fields.organisation')}: {user.organisation.name} ({user.organisation.country})
          </>
        )}
      </p>
      <TextField
        label={t('fields.name')}
        name="name"
        autoComplete="name"
        required
        maxLength={limits.nameMax}
        value={name}
        error={form.errors.name}
        onChange={(e) => {
          setName(e.target.value);
          form.clearError('name');
        }}
      />
      <LanguageChoices
        value={languages}
        held={user.languages}
        error={form.errors.languages}
        onChange={(next) => {
          setLanguages(next);
          form.clearError('languages');
        }}
      />
      <ExpertiseChoices
        value={expertise}
        held={user.expertise}
        error={form.errors.expertise}
        onChange={(next) => {
          setExpertise(next);
          form.clearError('expertise');
        }}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={update.isPending} pendingLabel={t('actions.saving')}>
          {t('actions.saveChanges')}
        </Button>
      </FormActions>
    </form>
  );
}
