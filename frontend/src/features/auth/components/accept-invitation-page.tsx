import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import type { InvitationPreview } from '@/api/types';
import { Badge, BadgeList } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormAlert, RequiredNote, TextField } from '@/components/ui/form-fields';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { formatDate } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormErrors } from '@/lib/use-form-errors';
import { checks, compact, firstError, limits } from '@/lib/validation';
import { findProgrammeByName, useAcceptInvitation, useInvitationPreview } from '../api/auth';

const FIELDS = ['name', 'password', 'confirm'] as const;

function isGone(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 409 || error.status === 410);
}

function InvalidInvitation() {
  const { t } = useTranslation();
  return (
    <div className="card auth-card" role="alert">
      <h1>{t('invitation.invalidTitle')}</h1>
      <p>{t('invitation.invalidText')}</p>
      <p>
        <Link to="/login">{t('invitation.goToSignIn')}</Link>
      </p>
    </div>
  );
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  useDocumentTitle(t('invitation.title'));

  if (preview.isPending) return <LoadingState />;
  if (preview.isError) {
    if (isGone(preview.error)) return <InvalidInvitation />;
    return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />;
  }
  return <AcceptForm token={token} invitation={preview.data} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const accept = useAcceptInvitation(token);
  const form = useFormErrors(FIELDS);
  const [name, setName] = useState(invitation.name ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [gone, setGone] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const existing = invitation.existing_account;

  if (gone) return <InvalidInvitation />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const c = checks(t);
    const ok = form.validate(
      existing
        ? compact({ password: firstError(password, c.required, c.maxLength(limits.passwordMax)) })
        : compact({
            name: firstError(name, c.required, c.maxLength(limits.nameMax)),
            password: firstError(password, c.required, c.minLength(limits.passwordMin), c.maxLength(limits.passwordMax)),
            confirm: firstError(confirm, c.required) ?? (confirm !== password ? t('validation.passwordsDiffer') : undefined),
          }),
    );
    if (!ok) return;
    accept.mutate(existing ? { password } : { name: name.trim(), password }, {
      onSuccess: async (pair) => {
        setRedirecting(true);
        signIn(pair);
        const programme = await findProgrammeByName(invitation.programme_name);
        navigate(programme ? `/programmes/${programme.id}` : '/programmes', { replace: true });
      },
      onError: (error) => {
        if (isGone(error)) setGone(true);
        else if (isApiError(error) && error.status === 401) form.showServerError(error, t('invitation.wrongPassword'));
        else if (isApiError(error) && error.status === 429) {
          const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
          form.showServerError(error, t('auth.signIn.tooManyAttempts', { count: minutes }));
        } else form.showServerError(error);
      },
    });
  };

  return (
    <div className="card auth-card">
      <h1>{t('invitation.title')}</h1>
      <p className="lead">{t('invitation.lead', { programme: invitation.programme_name })}</p>
      <dl className="summary-list">
        <div>
          <dt>{t('fields.programme')}</dt>
          <dd>{invitation.programme_name}</dd>
        </div>
        <div>
          <dt>{t('fields.organisation')}</dt>
          <dd>{invitation.organisation_name}</dd>
        </div>
        <div>
          <dt>{t('fields.roles')}</dt>
          <dd>
            <BadgeList>
              {invitation.roles.map((r) => (
                <Badge key={r} tone="accent">
                  {t(`roles.${r}`)}
                </Badge>
              ))}
            </BadgeList>
          </dd>
        </div>
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>{t('invitation.expires')}</dt>
          <dd>{formatDate(invitation.expires_at, i18n.language)}</dd>
        </div>
      </dl>

      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <p>{existing ? t('invitation.existingAccount') : t('invitation.newAccount')}</p>
        <RequiredNote />
        <FormAlert message={form.formError} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
        {!existing && (
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
        )}
        <TextField
          label={existing ? t('invitation.currentPassword') : t('fields.password')}
          name="password"
          type="password"
          autoComplete={existing ? 'current-password' : 'new-password'}
          required
          maxLength={limits.passwordMax}
          hint={existing ? undefined : t('validation.passwordHint', { min: limits.passwordMin })}
          value={password}
          error={form.errors.password}
          onChange={(e) => {
            setPassword(e.target.value);
            form.clearError('password');
          }}
        />
        {!existing && (
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
        )}
        <Button
          type="submit"
          variant="primary"
          className="btn-block"
          pending={accept.isPending || redirecting}
          pendingLabel={t('invitation.pending')}
        >
          {t('invitation.submit')}
        </Button>
      </form>
    </div>
  );
}
