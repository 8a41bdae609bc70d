import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Attachment, AttachmentRole } from '@/api/types';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-fields';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { describeError } from '@/lib/describe-error';
import { formatDateTime, numberFormat } from '@/lib/format';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_ROLES,
  MAX_ATTACHMENT_BYTES,
  downloadAttachment,
  useAttachments,
  useChangeAttachmentRole,
  useDeleteAttachment,
  useUploadAttachment,
  type AttachmentSubject,
} from './use-attachments';
import './attachments.css';
import { personName } from '@/lib/person-name';

/** The kinds of file the server accepts, by media type, for the list's "type" column. */
const TYPE_KEYS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/msword': 'word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'excel',
  'application/vnd.ms-excel': 'excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'powerpoint',
  'application/vnd.ms-powerpoint': 'powerpoint',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'text/plain': 'text',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
};

export function fileTypeLabel(mediaType: string, t: TFunction): string {
  const key = TYPE_KEYS[mediaType.split(';')[0].trim().toLowerCase()] ?? 'other';
  return t(`attachments.types.${key}`);
}

/** Bytes in the reader's language: "840 kB", "3.2 MB". */
export function formatFileSize(bytes: number, language: string): string {
  if (bytes < 1000 * 1000) {
    return numberFormat(language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1000)));
  }
  return numberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1000 * 1000));
}

/**
 * How an activity's files show their role: in a column of the list, or (a peer-review meeting)
 * grouped under "Discussion paper", "Comment papers" and the other files. Files of other objects
 * have no role.
 */
export type AttachmentRoleDisplay = 'column' | 'grouped';

/** The groups of a peer-review meeting's files: minutes and files without a role are "other". */
const ROLE_GROUPS = ['discussion_paper', 'comment_paper', 'other'] as const;

function roleGroup(role: AttachmentRole | null): (typeof ROLE_GROUPS)[number] {
  return role === 'discussion_paper' || role === 'comment_paper' ? role : 'other';
}

/**
 * The files of a practice, an adaptation, a new product or an activity: a list everyone who sees
 * the object may download from, an upload with a progress bar for those who may edit it (with the
 * file's role for an activity), and removal with a confirmation where the server allows it. An
 * activity's file that may be removed may also have its role changed in place, in the list.
 */
export function AttachmentsSection({
  subject,
  canUpload,
  headingLevel = 2,
  roles,
}: {
  subject: AttachmentSubject;
  canUpload: boolean;
  headingLevel?: 2 | 3 | 4;
  roles?: AttachmentRoleDisplay;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();
  const Heading = `h${headingLevel}` as const;
  const files = useAttachments(subject);
  const upload = useUploadAttachment(subject);
  const remove = useDeleteAttachment(subject);
  const changeRole = useChangeAttachmentRole(subject);
  const roleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [role, setRole] = useState<AttachmentRole | ''>('');
  const [progress, setProgress] = useState<{ name: string; share: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [roleChange, setRoleChange] = useState<{ id: string; role: AttachmentRole | null } | null>(null);
  const [roleError, setRoleError] = useState<string | null>(null);
  // A role chosen while the previous one is still being saved (arrow keys on a closed select
  // change it at every press): sent once that answer is in, with the version it brought.
  const queuedRole = useRef<{ id: string; role: AttachmentRole | null } | null>(null);
  // A file whose new role moved it to another group: its select gets the focus back there.
  const [refocus, setRefocus] = useState<string | null>(null);
  const roleSelectId = useId();

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    setStatus('');
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setError(t('attachments.tooLarge', { name: file.name }));
      return;
    }
    if (file.size === 0) {
      setError(t('attachments.empty', { name: file.name }));
      return;
    }
    setProgress({ name: file.name, share: 0 });
    upload.mutate(
      { file, role: roles && role ? role : undefined, onProgress: (share) => setProgress({ name: file.name, share }) },
      {
        onSuccess: (a) => setStatus(t('attachments.uploaded', { name: a.file_name })),
        onError: (err) => setError(t('attachments.uploadFailed', { name: file.name, reason: describeError(err, t) })),
        onSettled: () => setProgress(null),
      },
    );
  };

  const sendRole = (a: Attachment, next: AttachmentRole | null) => {
    setRoleChange({ id: a.id, role: next });
    changeRole.mutate(
      { attachment: a, role: next },
      {
        onSuccess: (updated) => {
          if (roles === 'grouped' && roleGroup(updated.role) !== roleGroup(a.role)) setRefocus(updated.id);
          const queued = queuedRole.current;
          queuedRole.current = null;
          if (queued && queued.id === updated.id && queued.role !== updated.role) {
            sendRole(updated, queued.role);
            return;
          }
          setRoleChange(null);
          setStatus(
            t('attachments.roleChanged', {
              name: updated.file_name,
              role: updated.role ? t(`attachments.roles.${updated.role}`) : t('attachments.roleNone'),
            }),
          );
        },
        onError: (err) => {
          queuedRole.current = null;
          setRoleChange(null);
          setRoleError(t('attachments.roleChangeFailed', { name: a.file_name, reason: describeError(err, t) }));
        },
      },
    );
  };
  const onRoleChange = (a: Attachment, next: AttachmentRole | null) => {
    setRoleError(null);
    setStatus('');
    if (roleChange) {
      // One change in flight at a time; the last choice on the same file follows it.
      if (roleChange.id === a.id) {
        queuedRole.current = { id: a.id, role: next };
        setRoleChange({ id: a.id, role: next });
      }
      return;
    }
    sendRole(a, next);
  };
  const roleEditing = roles ? { pending: roleChange, onChange: onRoleChange, selectId: (a: Attachment) => `${roleSelectId}-${a.id}` } : undefined;

  useEffect(() => {
    if (!refocus) return;
    document.getElementById(`${roleSelectId}-${refocus}`)?.focus();
    setRefocus(null);
  }, [refocus, files.data, roleSelectId]);

  const download = (a: Attachment) => {
    setDownloadError(null);
    downloadAttachment(a).catch((err: unknown) => setDownloadError(describeError(err, t)));
  };

  return (
    <section className="practice-block attachments" aria-labelledby={titleId}>
      <Heading id={titleId}>
        {t('attachments.title')}
        {files.data && <span className="heading-count"> ({files.data.length})</span>}
      </Heading>
      <div role="status" aria-live="polite" className="visually-hidden">
        {status}
      </div>
      <FormAlert message={downloadError} />
      <FormAlert message={roleError} />
      {files.isPending ? (
        <LoadingState />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => void files.refetch()} />
      ) : roles === 'grouped' ? (
        ROLE_GROUPS.map((group) => {
          const inGroup = files.data.filter((a) => roleGroup(a.role) === group);
          const GroupHeading = (['h3', 'h4', 'h5'] as const)[headingLevel - 2];
          return (
            <div key={group} className="attachment-group">
              <GroupHeading>{t(`attachments.groups.${group}`)}</GroupHeading>
              {inGroup.length === 0 ? (
                <p className="muted">{t('attachments.groupEmpty')}</p>
              ) : (
                <FileTable
                  files={inGroup}
                  showRole={group === 'other' || inGroup.some((a) => a.can_delete)}
                  roleEditing={roleEditing}
                  onDownload={download}
                  onRemove={setRemoving}
                />
              )}
            </div>
          );
        })
      ) : files.data.length === 0 ? (
        <p className="muted">{t('attachments.empty_list')}</p>
      ) : (
        <FileTable
          files={files.data}
          showRole={roles === 'column'}
          roleEditing={roleEditing}
          onDownload={download}
          onRemove={setRemoving}
        />
      )}
      {canUpload && (
        <div className="attachment-upload">
          {roles && (
            <div className="field attachment-role">
              <label htmlFor={roleId}>{t('attachments.roleLabel')}</label>
              <select id={roleId} value={role} disabled={!!progress} onChange={(e) => setRole(e.target.value as AttachmentRole | '')}>
                <option value="">{t('attachments.roleNone')}</option>
                {ATTACHMENT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`attachments.roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <label htmlFor={inputId} className="btn btn-secondary attachment-pick" aria-disabled={!!progress || undefined}>
            {t('attachments.add')}
          </label>
          <input
            ref={input}
            id={inputId}
            type="file"
            className="visually-hidden"
            accept={ATTACHMENT_ACCEPT}
            aria-describedby={hintId}
            disabled={!!progress}
            onChange={onFile}
          />
          <p id={hintId} className="muted field-hint">
            {t('attachments.hint')}
          </p>
          {progress && (
            <div className="attachment-progress">
              <label htmlFor={`${inputId}-progress`}>{t('attachments.uploading', { name: progress.name })}</label>
              <progress id={`${inputId}-progress`} max={100} value={Math.round(progress.share * 100)}>
                {Math.round(progress.share * 100)} %
              </progress>
            </div>
          )}
          <FormAlert message={error} />
        </div>
      )}
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            setRemoveError(null);
          }
        }}
        title={t('attachments.removeTitle')}
        message={t('attachments.removeMessage', { name: removing?.file_name ?? '' })}
        confirmLabel={t('actions.remove')}
        pending={remove.isPending}
        error={removeError}
        onConfirm={() => {
          if (!removing) return;
          const name = removing.file_name;
          remove.mutate(removing, {
            onSuccess: () => {
              setRemoving(null);
              setStatus(t('attachments.removed', { name }));
            },
            onError: (err) => setRemoveError(describeError(err, t)),
          });
        }}
      />
    </section>
  );
}

/** How the list changes an activity's file's role: the change in flight, and how to make one. */
interface RoleEditing {
  pending: { id: string; role: AttachmentRole | null } | null;
  onChange: (a: Attachment, role: AttachmentRole | null) => void;
  selectId: (a: Attachment) => string;
}

/**
 * A list of files with their download and, where allowed, removal buttons. With roleEditing, a file
 * the reader may remove shows its role as a select that changes it.
 */
function FileTable({
  files,
  showRole,
  roleEditing,
  onDownload,
  onRemove,
}: {
  files: Attachment[];
  showRole: boolean;
  roleEditing?: RoleEditing;
  onDownload: (a: Attachment) => void;
  onRemove: (a: Attachment) => void;
}) {
  const { t, i18n } = useTranslation();
  const roleCell = (a: Attachment) => {
    if (roleEditing && a.can_delete) {
      const pending = roleEditing.pending?.id === a.id ? roleEditing.pending : null;
      const value = pending ? pending.role : a.role;
      return (
        <select
          id={roleEditing.selectId(a)}
          className="input select select-compact"
          aria-label={t('attachments.roleOfNamed', { name: a.file_name })}
          aria-busy={pending ? true : undefined}
          value={value ?? ''}
          // Other files wait for the change in flight; this one stays focusable.
          disabled={!!roleEditing.pending && !pending}
          onChange={(e) => roleEditing.onChange(a, (e.target.value || null) as AttachmentRole | null)}
        >
          <option value="">{t('attachments.roleNone')}</option>
          {ATTACHMENT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`attachments.roles.${r}`)}
            </option>
          ))}
        </select>
      );
    }
    return a.role ? t(`attachments.roles.${a.role}`) : <span className="muted">{t('attachments.roleNone')}</span>;
  };
  return (
    <div className="table-scroll">
      <table className="table attachments-table">
        <thead>
          <tr>
            <th scope="col">{t('attachments.columns.name')}</th>
            {showRole && <th scope="col">{t('attachments.roleColumn')}</th>}
            <th scope="col">{t('attachments.columns.type')}</th>
            <th scope="col">{t('attachments.columns.size')}</th>
            <th scope="col">{t('attachments.columns.uploader')}</th>
            <th scope="col">{t('attachments.columns.date')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('attachments.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {files.map((a) => (
            <tr key={a.id}>
              <th scope="row" className="attachment-name">
                {a.file_name}
              </th>
              {showRole && <td>{roleCell(a)}</td>}
              <td>{fileTypeLabel(a.media_type, t)}</td>
              <td>{formatFileSize(a.size, i18n.language)}</td>
              <td>{personName(a.uploaded_by?.name) || t('attachments.formerMember')}</td>
              <td>{formatDateTime(a.created_at, i18n.language)}</td>
              <td className="attachment-actions">
                <Button size="sm" onClick={() => onDownload(a)} aria-label={t('attachments.downloadNamed', { name: a.file_name })}>
                  {t('attachments.download')}
                </Button>
                {a.can_delete && (
                  <Button size="sm" variant="danger" onClick={() => onRemove(a)} aria-label={t('attachments.removeNamed', { name: a.file_name })}>
                    {t('actions.remove')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
