import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormAlert, TextField } from '@/components/ui/form-fields';
import { LoadingState } from '@/components/ui/states';
import { describeError } from '@/lib/describe-error';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';
import { useLogin } from '../api/auth';

const FIELDS = ['email', 'password'] as const;

/** Where to go after signing in: the page that sent them here, if it is one of ours. */
function safeDestination(from: unknown): string {
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) return from;
  return '/programmes';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { status, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const form = useFormErrors(FIELDS);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  useDocumentTitle(t('auth.signIn.title'));

  const destination = safeDestination((location.state as { from?: unknown } | null)?.from);

  if (status === 'restoring') return <LoadingState />;
  if (status === 'authenticated' && !login.isPending && !login.isSuccess) return <Navigate to={destination} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const ok = form.validate(
      compact({
        email: firstError(email, c.required, c.maxLength(limits.emailMax)),
        password: firstError(password, c.required, c.maxLength(limits.passwordMax)),
      }),
    );
    if (!ok) return;
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (pair) => {
          signIn(pair);
          navigate(destination, { replace: true });
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 401) {
            form.showServerError(error, t('auth.signIn.invalidCredentials'));
          } else if (isApiError(error) && error.status === 429) {
            const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
            form.showServerError(error, t('auth.signIn.tooManyAttempts', { count: minutes }));
          } else if (isApiError(error) && error.fieldErrors.length) {
            form.showServerError(error);
          } else {
            form.showServerError(error, describeError(error, t));
          }
        },
      },
    );
  };

  return (
    <div className="auth-card card">
      <h1>{t('auth.signIn.title')}</h1>
      <p className="lead">{t('auth.signIn.lead')}</p>
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
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          maxLength={limits.passwordMax}
          error={form.errors.password}
          onChange={(e) => {
            setPassword(e.target.value);
            form.clearError('password');
          }}
        />
        <Button type="submit" variant="primary" className="btn-block" pending={login.isPending} pendingLabel={t('auth.signIn.pending')}>
          {t('auth.signIn.submit')}
        </Button>
      </form>
      <p className="auth-card-footer">
        <Link to="/forgot-password">{t('auth.signIn.forgotPassword')}</Link>
      </p>
      <p className="auth-card-footer">
        {t('auth.signIn.catalogueIntro')} <Link to="/catalogue">{t('auth.signIn.catalogueLink')}</Link>
      </p>
      <p className="auth-card-footer muted">
        <Link to="/privacy">{t('layout.privacy')}</Link>
      </p>
    </div>
  );
}
