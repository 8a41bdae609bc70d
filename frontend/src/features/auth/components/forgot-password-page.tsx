import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { FormAlert, TextField } from '@/components/ui/form-fields';
import { describeError } from '@/lib/describe-error';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';
import { useRequestPasswordReset } from '../api/auth';

const FIELDS = ['email'] as const;

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account, so
 * the page says what happens *if* it has one.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useFormErrors(FIELDS);
  const [email, setEmail] = useState('');
  useDocumentTitle(t('auth.forgot.title'));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const ok = form.validate(compact({ email: firstError(email, c.required, c.maxLength(limits.emailMax)) }));
    if (!ok) return;
    request.mutate(email.trim(), {
      onError: (error) => form.showServerError(error, describeError(error, t)),
    });
  };

  if (request.isSuccess) {
    return (
      <div className="auth-card card">
        <h1>{t('auth.forgot.sentTitle')}</h1>
        <p role="status">{t('auth.forgot.sent', { email: email.trim() })}</p>
        <p className="muted">{t('auth.forgot.sentHint')}</p>
        <p className="auth-card-footer">
          <Link to="/login">{t('auth.forgot.backToSignIn')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="auth-card card">
      <h1>{t('auth.forgot.title')}</h1>
      <p className="lead">{t('auth.forgot.lead')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormAlert message={form.formError} />
        <TextField
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          maxLength={limits.emailMax}
          error={form.errors.email}
          onChange={(e) => {
            setEmail(e.target.value);
            form.clearError('email');
          }}
        />
        <Button type="submit" variant="primary" className="btn-block" pending={request.isPending} pendingLabel={t('auth.forgot.pending')}>
          {t('auth.forgot.submit')}
        </Button>
      </form>
      <p className="auth-card-footer">
        <Link to="/login">{t('auth.forgot.backToSignIn')}</Link>
      </p>
    </div>
  );
}
