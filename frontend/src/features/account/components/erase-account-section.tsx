import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { FormAlert, TextField } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useSession } from '@/lib/session';
import { limits } from '@/lib/validation';
import { useEraseMe } from '../api/me';

/**
 * "Erase my account": a clear warning, then the password in a dialog. The last coordinator of a
 * programme is told to appoint another one first.
 */
export function EraseAccountSection({ email }: { email?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="erase-account-heading">
      <h2 id="erase-account-heading">{t('account.erase.title')}</h2>
      <p>{t('account.erase.lead')}</p>
      <ul>
        <li>{t('account.erase.removed')}</li>
        <li>{t('account.erase.kept')}</li>
        <li>{t('account.erase.final')}</li>
      </ul>
      <p className="muted">
        {t('account.erase.downloadFirst')} <Link to="/privacy">{t('layout.privacy')}</Link>
      </p>
      <div className="form-actions">
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t('account.erase.open')}
        </Button>
      </div>
      {open && <EraseDialog email={email} onClose={() => setOpen(false)} />}
    </section>
  );
}

function EraseDialog({ email, onClose }: { email?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const { signOut } = useSession();
  const erase = useEraseMe();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setFieldError(t('validation.required'));
      return;
    }
    erase.mutate(password, {
      onSuccess: async () => {
        await signOut();
        toast.show(t('account.erase.done'));
        navigate('/login', { replace: true });
      },
      onError: (error) => {
        if (isApiError(error) && error.fieldErrors.some((f) => f.field === 'password')) setFieldError(t('account.currentPasswordWrong'));
        else if (isApiError(error) && error.code === 'last_coordinator') setFormError(t('account.erase.lastCoordinator'));
        else setFormError(describeError(error, t));
      },
    });
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('account.erase.confirmTitle')} description={t('account.erase.confirmText')}>
      <form onSubmit={submit} noValidate className="form">
        <FormAlert message={formError} />
        <input type="hidden" name="username" autoComplete="username" value={email ?? ''} />
        <TextField
          label={t('fields.currentPassword')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={limits.passwordMax}
          value={password}
          error={fieldError}
          onChange={(e) => {
            setPassword(e.target.value);
            setFieldError(undefined);
          }}
        />
        <div className="form-actions">
          <Button type="submit" variant="danger" pending={erase.isPending} pendingLabel={t('actions.working')}>
            {t('account.erase.submit')}
          </Button>
          <DialogClose>
            <Button variant="secondary">{t('actions.cancel')}</Button>
          </DialogClose>
        </div>
      </form>
    </Dialog>
  );
}
