import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError, type FieldError } from '@/api/errors';
import type { Practice, Programme } from '@/api/types';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useDeletePractice, useLifecycleAction } from '../api/practices';
import { editorFieldId } from './field-names';
import { SubmitDialog } from './submit-dialog';
import { TranslationDialog } from './translation-dialog';

type Pending = 'submit' | 'withdraw' | 'delete' | null;

/** The buttons of a practice page, exactly those the API allows the caller now. */
export function PracticeActions({ practice, etag, programme }: { practice: Practice; etag: string; programme?: Programme }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const lifecycle = useLifecycleAction(practice.id);
  const remove = useDeletePractice(practice.id);
  const [open, setOpen] = useState<Pending>(null);
  const [translating, setTranslating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<FieldError[]>([]);
  const allowed = new Set(practice.allowed_actions);

  const close = (next: boolean) => {
    if (!next) {
      setOpen(null);
      setError(null);
      setMissing([]);
    }
  };

  const run = (action: 'submit' | 'withdraw' | 'reopen', done: string) => {
    setError(null);
    lifecycle.mutate(action, {
      onSuccess: () => {
        close(false);
        toast.show(done);
      },
      onError: (err) => {
        if (isApiError(err) && err.code === 'practice_incomplete' && err.fieldErrors.length) {
          setMissing(err.fieldErrors);
          return;
        }
        if (action === 'reopen') toast.show(describeError(err, t), 'error');
        else setError(describeError(err, t));
      },
    });
  };

  const hasAny = ['edit', 'submit', 'withdraw', 'reopen', 'delete', 'translate'].some((a) => allowed.has(a as never));
  if (!hasAny) return null;

  return (
    <div className="action-bar" role="group" aria-label={t('practices.actions.label')}>
      {allowed.has('edit') && (
        <Link to={`/practices/${practice.id}/edit`} className="btn btn-primary">
          {t('actions.edit')}
        </Link>
      )}
      {allowed.has('submit') && (
        <Button variant={allowed.has('edit') ? 'secondary' : 'primary'} onClick={() => setOpen('submit')}>
          {t('practices.submit.button')}
        </Button>
      )}
      {allowed.has('withdraw') && <Button onClick={() => setOpen('withdraw')}>{t('practices.actions.withdraw')}</Button>}
      {allowed.has('reopen') && (
        <Button onClick={() => run('reopen', t('practices.actions.reopened'))} pending={lifecycle.isPending && lifecycle.variables === 'reopen'} pendingLabel={t('actions.working')}>
          {t('practices.actions.reopen')}
        </Button>
      )}
      {allowed.has('translate') && <Button onClick={() => setTranslating(true)}>{t('practices.actions.translate')}</Button>}
      {allowed.has('delete') && (
        <Button variant="danger" onClick={() => setOpen('delete')}>
          {t('practices.actions.delete')}
        </Button>
      )}

      <SubmitDialog
        open={open === 'submit'}
        onOpenChange={close}
        nextRevision={practice.revision + 1}
        onConfirm={() => run('submit', t('practices.submit.done'))}
        pending={lifecycle.isPending}
        error={error}
        missing={missing}
        goToField={(field) => {
          const id = editorFieldId(field);
          return { href: `/practices/${practice.id}/edit${id ? `#${id}` : ''}`, onClick: (e) => {
            e.preventDefault();
            close(false);
            navigate(`/practices/${practice.id}/edit${id ? `#${id}` : ''}`);
          } };
        }}
      />
      <ConfirmDialog
        open={open === 'withdraw'}
        onOpenChange={close}
        title={t('practices.withdraw.title')}
        message={t('practices.withdraw.message')}
        confirmLabel={t('practices.actions.withdraw')}
        onConfirm={() => run('withdraw', t('practices.withdraw.done'))}
        pending={lifecycle.isPending}
        error={error}
      />
      <ConfirmDialog
        open={open === 'delete'}
        onOpenChange={close}
        title={t('practices.delete.title')}
        message={t('practices.delete.message', { title: practice.title })}
        confirmLabel={t('practices.delete.confirm')}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              close(false);
              toast.show(t('practices.delete.done', { title: practice.title }));
              navigate(`/programmes/${practice.programme_id}/practices`, { replace: true });
            },
            onError: (err) => setError(describeError(err, t)),
          })
        }
        pending={remove.isPending}
        error={error}
      />
      {allowed.has('translate') && (
        <TranslationDialog open={translating} onOpenChange={setTranslating} practice={practice} etag={etag} programme={programme} />
      )}
    </div>
  );
}
