import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormAlert, TextField } from '@/components/ui/form-fields';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';
import { useConfirmPasswordReset } from '../api/auth';

const FIELDS = ['password', 'confirm'] as const;

function InvalidLink() {
  const { t } = useTranslation();
  return (
    <div className="card auth-card" role="alert">
      <h1>{t('auth.reset.invalidTitle')}</h1>
      <p>{t('auth.reset.invalidText')}</p>
      <p>
        <Link to="/forgot-password">{t('auth.reset.askAgain')}</Link>
      </p>
    </div>
  );
}

/** Sets a new password with the token from the e-mailed link (`/reset-password?token=…`). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Read once, then taken out of the address bar, so the browser's history does not keep a live token.
  const [token] = useState(() => params.get('token') ?? '');
  useEffect(() => {
    if (params.has('token')) setParams({}, { replace: true });
  }, [params, setParams]);
  const confirmReset = useConfirmPasswordReset();
  const form = useFormErrors(FIELDS);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [invalid, setInvalid] = useState(false);
  useDocumentTitle(t('auth.reset.title'));

  if (!token || invalid) return <InvalidLink />;

  if (confirmReset.isSuccess) {
    return (
      <div className="auth-card card">
        <h1>{t('auth.reset.doneTitle')}</h1>
        <p role="status">{t('auth.reset.done')}</p>
        <p>
          <Link to="/login">{t('auth.reset.goToSignIn')}</Link>
        </p>
      </div>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const ok = form.validate(
      compact({
        password: firstError(password, c.required, c.minLength(limits.passwordMin), c.maxLength(limits.passwordMax)),
        confirm: firstError(confirm, c.required) ?? (confirm !== password ? t('validation.passwordsDiffer') : undefined),
      }),
    );
    if (!ok) return;
    confirmReset.mutate(
      { token, password },
      {
        onError: (error) => {
          if (isApiError(error) && (error.code === 'reset_token_invalid' || error.status === 410)) setInvalid(true);
          else form.showServerError(error);
        },
      },
    );
  };

  return (
    <div className="auth-card card">
      <h1>{t('auth.reset.title')}</h1>
      <p className="lead">{t('auth.reset.lead')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormAlert message={form.formError} />
        <TextField
          label={t('fields.newPassword')}
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
        <Button type="submit" variant="primary" className="btn-block" pending={confirmReset.isPending} pendingLabel={t('actions.saving')}>
          {t('auth.reset.submit')}
        </Button>
      </form>
    </div>
  );
}
