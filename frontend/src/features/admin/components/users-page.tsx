import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import type { User } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { Column } from '@/components/ui/data-table';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePageParam } from '@/lib/use-page-param';
import { useSearchQuery } from '@/lib/use-search-query';
import { useCreateUser, useEraseUser, useUpdateUser, useUsers } from '../api/users';
import { AdminListPage } from './admin-list-page';
import { UserForm } from './user-form';
import { personName } from '@/lib/person-name';

export function UsersPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const { user: me } = useSession();
  const [page, setPage] = usePageParam();
  const [q, setQ] = useSearchQuery();
  const users = useUsers(page, q);
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [erasing, setErasing] = useState<User | null>(null);
  useDocumentTitle(t('admin.users.title'));

  const editing = users.data?.items.find((u) => u.id === editingId) ?? null;

  const toggleDisabled = (user: User) =>
    update.mutate(
      { user, body: { disabled: !user.disabled } },
      {
        onSuccess: (saved) =>
          toast.show(saved.disabled ? t('admin.users.disabledToast', { name: saved.name }) : t('admin.users.enabledToast', { name: saved.name })),
        onError: (error) => toast.show(describeError(error, t), 'error'),
      },
    );

  const columns: Column<User>[] = [
    { key: 'name', header: t('fields.name'), rowHeader: true, cell: (u) => personName(u.name) },
    { key: 'email', header: t('fields.email'), cell: (u) => u.email },
    {
      key: 'organisation',
      header: t('fields.organisation'),
      cell: (u) =>
        u.organisation ? (
          <>
            {u.organisation.name} <span className="country-code">{u.organisation.country}</span>
          </>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'admin',
      header: t('fields.isAdmin'),
      cell: (u) => (u.is_admin ? <Badge tone="accent">{t('common.yes')}</Badge> : <span className="muted">{t('common.no')}</span>),
    },
    {
      key: 'status',
      header: t('fields.status'),
      cell: (u) =>
        u.erased_at ? (
          <Badge>{t('admin.users.erased')}</Badge>
        ) : u.disabled ? (
          <Badge tone="danger">{t('admin.users.disabled')}</Badge>
        ) : (
          <Badge tone="success">{t('admin.users.active')}</Badge>
        ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'cell-actions',
      cell: (u) =>
        u.erased_at ? null : (
          <div className="row-actions">
            <Button size="sm" onClick={() => setEditingId(u.id)} aria-label={t('actions.editNamed', { name: u.name })}>
              {t('actions.edit')}
            </Button>
            {u.id !== me?.id && (
              <Button
                size="sm"
                variant={u.disabled ? 'secondary' : 'danger'}
                disabled={update.isPending && update.variables?.user.id === u.id}
                onClick={() => toggleDisabled(u)}
                aria-label={u.disabled ? t('admin.users.enableNamed', { name: u.name }) : t('admin.users.disableNamed', { name: u.name })}
              >
                {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
              </Button>
            )}
            {u.id !== me?.id && (
              <Button size="sm" variant="danger" onClick={() => setErasing(u)} aria-label={t('admin.users.eraseNamed', { name: u.name })}>
                {t('admin.users.erase')}
              </Button>
            )}
          </div>
        ),
    },
  ];

  return (
    <AdminListPage
      title={t('admin.users.title')}
      lead={t('admin.users.lead')}
      newLabel={t('admin.users.new')}
      searchLabel={t('admin.users.search')}
      emptyTitle={t('admin.users.empty')}
      onNew={() => setCreating(true)}
      q={q}
      onSearch={setQ}
      onPageChange={setPage}
      list={users}
      columns={columns}
      rowKey={(u) => u.id}
    >
      <CreateUserDialog open={creating} onOpenChange={setCreating} />
      {editing && <EditUserDialog user={editing} isSelf={editing.id === me?.id} onClose={() => setEditingId(null)} />}
      {erasing && <EraseUserDialog user={erasing} onClose={() => setErasing(null)} />}
    </AdminListPage>
  );
}

function CreateUserDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateUser();
  const idempotency = useIdempotencyKey();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('admin.users.new')}>
      <UserForm
        mode="create"
        submitLabel={t('actions.create')}
        pending={create.isPending}
        onCancel={() => onOpenChange(false)}
        onSubmit={async (body) => {
          const user = await create.mutateAsync({ body, idempotencyKey: idempotency.forBody(body) });
          idempotency.reset();
          onOpenChange(false);
          toast.show(t('admin.users.created', { name: user.name }));
        }}
      />
    </Dialog>
  );
}

function EditUserDialog({ user, isSelf, onClose }: { user: User; isSelf: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateUser();
  const { updateUser } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('actions.editNamed', { name: user.name })}>
      <UserForm
        key={user.version}
        mode="edit"
        initial={user}
        isSelf={isSelf}
        notice={notice}
        submitLabel={t('actions.saveChanges')}
        pending={update.isPending}
        onCancel={onClose}
        onSubmit={async (body) => {
          const saved = await update.mutateAsync({ user, body });
          if (isSelf) updateUser(saved);
          onClose();
          toast.show(t('admin.users.saved', { name: saved.name }));
        }}
        describeFailure={(error) => {
          if (isApiError(error) && error.status === 412) {
            setNotice(t('forms.staleReloaded'));
            return t('forms.staleReloaded');
          }
          return undefined;
        }}
      />
    </Dialog>
  );
}

/** "Erase on behalf": an administrator acting on a person's request (GDPR art. 17). */
export function EraseUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const erase = useEraseUser();
  const error = !erase.isError
    ? null
    : isApiError(erase.error) && erase.error.code === 'last_coordinator'
      ? t('admin.users.eraseLastCoordinator', { name: user.name })
      : describeError(erase.error, t);
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('admin.users.eraseTitle', { name: user.name })}
      message={t('admin.users.eraseMessage', { name: user.name, email: user.email })}
      confirmLabel={t('admin.users.eraseConfirm')}
      pending={erase.isPending}
      error={error}
      onConfirm={() =>
        erase.mutate(user, {
          onSuccess: () => {
            toast.show(t('admin.users.erasedToast', { name: user.name }));
            onClose();
          },
        })
      }
    />
  );
}
