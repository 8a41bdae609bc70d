import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { programmeText } from '@/lib/vocabulary';
import type { Member, Role } from '@/api/types';
import { Badge, BadgeList } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable, type Column } from '@/components/ui/data-table';
import { Dialog, DialogClose } from '@/components/ui/dialog';
import { CheckboxGroup, FormActions, FormAlert } from '@/components/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { DEFAULT_PAGE_SIZE, ROLES } from '@/lib/constants';
import { describeError } from '@/lib/describe-error';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormErrors } from '@/lib/use-form-errors';
import { usePageParam } from '@/lib/use-page-param';
import { useMembers, useRemoveMember, useSetMemberRoles } from '../api/members';
import { InviteDialog } from './invite-dialog';
import { PendingInvitations } from './pending-invitations';
import { NamedObject } from '@/components/ui/named-object';
import { personName } from '@/lib/person-name';

export function MembersTab() {
  const { t, i18n } = useTranslation();
  const { programme, canCoordinate } = useProgrammeOutlet();
  const { user } = useSession();
  const [page, setPage] = usePageParam();
  const members = useMembers(programme.id, page);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  useDocumentTitle(`${t('members.title')} · ${programmeText(programme, i18n.language).name}`);

  const showEmail = canCoordinate || !!members.data?.items.some((m) => m.email);
  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: t('fields.name'),
      rowHeader: true,
      cell: (m) => (
        <>
          {personName(m.name)}
          {m.user_id === user?.id && <span className="muted"> {t('members.you')}</span>}
        </>
      ),
    },
    {
      key: 'organisation',
      header: t('fields.organisation'),
      cell: (m) => (
        <>
          {m.organisation.name}{' '}
          <span className="country-code" title={m.organisation.country}>
            {m.organisation.country}
          </span>
          {canCoordinate && (
            <>
              {' · '}
              <Link to={`/programmes/${programme.id}/learning?organisation=${m.organisation.id}`}>
                {t('members.learningProfile')}
                <NamedObject name={m.organisation.name} />
              </Link>
            </>
          )}
        </>
      ),
    },
    {
      key: 'roles',
      header: t('fields.roles'),
      cell: (m) => (
        <BadgeList>
          {m.roles.map((r) => (
            <Badge key={r} tone={r === 'coordinator' ? 'accent' : 'info'}>
              {t(`roles.${r}`)}
            </Badge>
          ))}
        </BadgeList>
      ),
    },
  ];
  if (showEmail) {
    columns.push({
      key: 'email',
      header: t('fields.email'),
      cell: (m) => (m.email ? <a href={`mailto:${m.email}`}>{m.email}</a> : <span className="muted">—</span>),
    });
  }
  if (canCoordinate) {
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'cell-actions',
      cell: (m) => (
        <div className="row-actions">
          <Button size="sm" onClick={() => setEditing(m)}>
            {t('members.changeRoles')}
            <NamedObject name={m.name} />
          </Button>
          <Button size="sm" variant="danger" onClick={() => setRemoving(m)}>
            {t('actions.remove')}
            <NamedObject name={m.name} />
          </Button>
        </div>
      ),
    });
  }

  return (
    <div className="stack-lg">
      <section aria-labelledby="members-heading">
        <div className="section-header">
          <h2 id="members-heading">{t('members.title')}</h2>
          {canCoordinate && (
            <Button variant="primary" onClick={() => setInviting(true)}>
              <span aria-hidden="true">+ </span>
              {t('invite.button')}
            </Button>
          )}
        </div>
        {members.isPending ? (
          <LoadingState />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : members.data.items.length === 0 ? (
          <EmptyState title={t('members.empty')} />
        ) : (
          <DataTable
            caption={t('members.caption', { programme: programmeText(programme, i18n.language).name })}
            captionHidden
            columns={columns}
            rows={members.data.items}
            rowKey={(m) => m.user_id}
            busy={members.isFetching}
            pagination={{
              page: members.data.page,
              pageSize: members.data.page_size || DEFAULT_PAGE_SIZE,
              total: members.data.total,
              onPageChange: setPage,
            }}
          />
        )}
      </section>

      {canCoordinate && <PendingInvitations programmeId={programme.id} />}

      {canCoordinate && (
        <>
          <InviteDialog programme={programme} open={inviting} onOpenChange={setInviting} />
          {editing && <MemberRolesDialog member={editing} programmeId={programme.id} onClose={() => setEditing(null)} />}
          {removing && <RemoveMemberDialog member={removing} programmeId={programme.id} onClose={() => setRemoving(null)} />}
        </>
      )}
    </div>
  );
}

const ROLE_FIELDS = ['roles'] as const;

function MemberRolesDialog({ member, programmeId, onClose }: { member: Member; programmeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const setRoles = useSetMemberRoles(programmeId);
  const form = useFormErrors(ROLE_FIELDS);
  const [roles, setRolesValue] = useState<Role[]>(member.roles);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.validate(roles.length ? {} : { roles: t('validation.chooseRole') })) return;
    setRoles.mutate(
      { userId: member.user_id, roles },
      {
        onSuccess: () => {
          toast.show(t('members.rolesSaved', { name: member.name }));
          onClose();
        },
        onError: (error) => form.showServerError(error),
      },
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('members.changeRolesOf', { name: member.name })}>
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <FormAlert message={form.formError} />
        <CheckboxGroup
          name="roles"
          label={t('fields.roles')}
          required
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`), hint: t(`roles.${r}Hint`) }))}
          value={roles}
          onChange={(next) => {
            setRolesValue(next);
            form.clearError('roles');
          }}
          error={form.errors.roles}
        />
        <FormActions>
          <Button type="submit" variant="primary" pending={setRoles.isPending} pendingLabel={t('actions.saving')}>
            {t('actions.saveChanges')}
          </Button>
          <DialogClose>
            <Button>{t('actions.cancel')}</Button>
          </DialogClose>
        </FormActions>
      </form>
    </Dialog>
  );
}

function RemoveMemberDialog({ member, programmeId, onClose }: { member: Member; programmeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const remove = useRemoveMember(programmeId);
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('members.removeTitle')}
      message={t('members.removeConfirm', { name: member.name })}
      confirmLabel={t('members.removeNamed', { name: member.name })}
      pending={remove.isPending}
      error={remove.isError ? describeError(remove.error, t) : null}
      onConfirm={() =>
        remove.mutate(member.user_id, {
          onSuccess: () => {
            toast.show(t('members.removed', { name: member.name }));
            onClose();
          },
        })
      }
    />
  );
}
