import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormActions, FormAlert, TextField } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';
import { useChangePassword } from '../api/me';

const FIELDS = ['current_password', 'new_password', 'confirm'] as const;

export function PasswordForm({ email }: { email?: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const change = useChangePassword();
  const form = useFormErrors(FIELDS);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const ok = form.validate(
      compact({
        current_password: firstError(current, c.required, c.maxLength(limits.passwordMax)),
        new_password:
          firstError(next, c.required, c.minLength(limits.passwordMin), c.maxLength(limits.passwordMax)) ??
          (next === current ? t('validation.passwordUnchanged') : undefined),
        confirm: firstError(confirm, c.required) ?? (confirm !== next ? t('validation.passwordsDiffer') : undefined),
      }),
    );
    if (!ok) return;
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          form.reset();
          toast.show(t('account.passwordChanged'));
        },
        onError: (error) => {
          const wrongCurrent =
            isApiError(error) &&
            (error.fieldErrors.some((f) => f.field === 'current_password') || error.status === 401 || error.status === 403);
          // Said in the interface language, on the field it concerns.
          if (wrongCurrent) form.validate({ current_password: t('account.currentPasswordWrong') });
          else form.showServerError(error);
        },
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <p className="muted">{t('account.passwordLead')}</p>
      <FormAlert message={form.formError} />
      <input type="hidden" name="username" autoComplete="username" value={email ?? ''} />
      <TextField
        label={t('fields.currentPassword')}
        name="current_password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={limits.passwordMax}
        value={current}
        error={form.errors.current_password}
        onChange={(e) => {
          setCurrent(e.target.value);
          form.clearError('current_password');
        }}
      />
      <TextField
        label={t('fields.newPassword')}
        name="new_password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={limits.passwordMax}
        hint={t('validation.passwordHint', { min: limits.passwordMin })}
        value={next}
        error={form.errors.new_password}
        onChange={(e) => {
          setNext(e.target.value);
          form.clearError('new_password');
        }}
      />
      <TextField
        label={t('fields.confirmPassword')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        maxLength={limits.passwordMax}
        value={confirm}
        error={form.errors.confirm}
        onChange={(e) => {
          setConfirm(e.target.value);
          form.clearError('confirm');
        }}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={change.isPending} pendingLabel={t('actions.saving')}>
          {t('account.changePassword')}
        </Button>
      </FormActions>
    </form>
  );
}
