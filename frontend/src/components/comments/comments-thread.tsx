import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import type { Comment } from '@/api/types';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-fields';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { describeError } from '@/lib/describe-error';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useComments, useCreateComment, useDeleteComment, useUpdateComment, type CommentSubject } from './use-comments';
import { CountedTextArea } from '@/components/ui/counted-fields';
import { personName } from '@/lib/person-name';

const COMMENT_MAX = 5000;

interface ThreadNode {
  comment: Comment;
  replies: ThreadNode[];
}

/** Comments come as a flat list, oldest first; replies name their parent. */
export function buildThread(comments: readonly Comment[]): ThreadNode[] {
  const nodes = new Map<string, ThreadNode>();
  for (const comment of comments) nodes.set(comment.id, { comment, replies: [] });
  const roots: ThreadNode[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id)!;
    const parent = comment.parent_id ? nodes.get(comment.parent_id) : undefined;
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The discussion on a practice: nested replies, edit and remove where allowed. */
/** The threaded discussion on a practice or an adaptation. */
export function CommentsThread({ subject, canComment }: { subject: CommentSubject; canComment: boolean }) {
  const { t } = useTranslation();
  const comments = useComments(subject);
  const [status, setStatus] = useState('');
  const count = comments.data?.items.filter((c) => !c.deleted).length ?? 0;

  return (
    <section className="practice-block comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {t('comments.title')}
        {comments.data && <span className="heading-count"> ({count})</span>}
      </h2>
      <p className="muted">{t('comments.lead')}</p>
      <div role="status" aria-live="polite" className="visually-hidden">
        {status}
      </div>
      {comments.isPending ? (
        <LoadingState />
      ) : comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.items.length === 0 ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <ol className="comment-thread">
          {buildThread(comments.data.items).map((node) => (
            <CommentItem key={node.comment.id} node={node} depth={0} subject={subject} canComment={canComment} onStatus={setStatus} />
          ))}
        </ol>
      )}
      {canComment && (
        <CommentForm
          subject={subject}
          label={t('comments.new')}
          submitLabel={t('comments.post')}
          onPosted={() => setStatus(t('comments.posted'))}
        />
      )}
    </section>
  );
}

function CommentItem({
  node,
  depth,
  subject,
  canComment,
  onStatus,
}: {
  node: ThreadNode;
  depth: number;
  subject: CommentSubject;
  canComment: boolean;
  onStatus: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { comment } = node;
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const remove = useDeleteComment(subject);
  const replyButton = useRef<HTMLButtonElement>(null);
  const headingId = `comment-${comment.id}`;
  const org = comment.author.organisation;

  return (
    <li className={`comment-node depth-${Math.min(depth, 4)}`}>
      <article className={comment.deleted ? 'comment comment-removed' : 'comment'} aria-labelledby={headingId}>
        <header className="comment-header" id={headingId}>
          {comment.deleted ? (
            <span className="comment-author">{t('comments.removed')}</span>
          ) : (
            <>
              <span className="comment-author">{personName(comment.author.name)}</span>
              {org && (
                <span className="comment-org">
                  {org.name}
                  {org.country && ` (${org.country})`}
                </span>
              )}
            </>
          )}
          <time className="comment-time" dateTime={comment.created_at} title={formatDateTime(comment.created_at, i18n.language)}>
            {formatRelativeTime(comment.created_at, i18n.language)}
          </time>
          {comment.edited_at && !comment.deleted && (
            <span className="comment-edited" title={formatDateTime(comment.edited_at, i18n.language)}>
              {t('comments.edited')}
            </span>
          )}
        </header>
        {comment.deleted ? (
          <p className="comment-body muted">
            <em>{t('comments.removedText')}</em>
          </p>
        ) : editing ? (
          <EditCommentForm subject={subject} comment={comment} onDone={(saved) => {
            setEditing(false);
            if (saved) onStatus(t('comments.saved'));
          }} />
        ) : (
          <div className="comment-body">
            {comment.body.split(/\n{2,}/).map((para, i) => (
              <p key={i} className="prose-paragraph">
                {para}
              </p>
            ))}
          </div>
        )}
        {!comment.deleted && !editing && (canComment || comment.can_edit || comment.can_delete) && (
          <div className="comment-actions">
            {canComment && (
              <Button ref={replyButton} size="sm" variant="ghost" aria-expanded={replying} onClick={() => setReplying((r) => !r)}>
                {t('comments.reply')}
              </Button>
            )}
            {comment.can_edit && (
              <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
                {t('actions.edit')}
              </Button>
            )}
            {comment.can_delete && (
              <Button size="sm" variant="ghost" onClick={() => setRemoving(true)}>
                {t('actions.remove')}
              </Button>
            )}
          </div>
        )}
        {replying && (
          <CommentForm
            subject={subject}
            parentId={comment.id}
            label={t('comments.replyTo', { name: personName(comment.author.name) })}
            submitLabel={t('comments.postReply')}
            autoFocus
            onCancel={() => {
              setReplying(false);
              replyButton.current?.focus();
            }}
            onPosted={() => {
              setReplying(false);
              onStatus(t('comments.replyPosted'));
            }}
          />
        )}
      </article>
      {node.replies.length > 0 && (
        <ol className="comment-replies" aria-label={t('comments.repliesTo', { name: comment.deleted ? t('comments.removed') : personName(comment.author.name) })}>
          {node.replies.map((child) => (
            <CommentItem key={child.comment.id} node={child} depth={depth + 1} subject={subject} canComment={canComment} onStatus={onStatus} />
          ))}
        </ol>
      )}
      <ConfirmDialog
        open={removing}
        onOpenChange={(open) => {
          setRemoving(open);
          if (!open) setRemoveError(null);
        }}
        title={t('comments.removeTitle')}
        message={t('comments.removeMessage')}
        confirmLabel={t('actions.remove')}
        pending={remove.isPending}
        error={removeError}
        onConfirm={() =>
          remove.mutate(comment, {
            onSuccess: () => {
              setRemoving(false);
              onStatus(t('comments.removedStatus'));
            },
            onError: (error) => setRemoveError(describeError(error, t)),
          })
        }
      />
    </li>
  );
}

function CommentForm({
  subject,
  parentId,
  label,
  submitLabel,
  autoFocus,
  onCancel,
  onPosted,
}: {
  subject: CommentSubject;
  parentId?: string;
  label: string;
  submitLabel: string;
  autoFocus?: boolean;
  onCancel?: () => void;
  onPosted?: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateComment(subject);
  const idempotency = useIdempotencyKey();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const id = parentId ? `reply-${parentId}` : 'new-comment';

  useEffect(() => {
    if (autoFocus) areaRef.current?.focus();
  }, [autoFocus]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    const problem = !text ? t('validation.required') : body.length > COMMENT_MAX ? t('validation.maxLength', { max: COMMENT_MAX }) : undefined;
    setError(problem);
    if (problem) {
      areaRef.current?.focus();
      return;
    }
    const request = { body: text, ...(parentId ? { parent_id: parentId } : {}) };
    create.mutate(
      { body: request, idempotencyKey: idempotency.forBody(request) },
      {
        onSuccess: () => {
          idempotency.reset();
          setBody('');
          setFormError(null);
          onPosted?.();
        },
        onError: (err) => setFormError(describeError(err, t)),
      },
    );
  };

  return (
    <form className={parentId ? 'comment-form comment-form-reply' : 'comment-form'} onSubmit={submit} noValidate>
      <FormAlert message={formError} />
      <CountedTextArea
        ref={areaRef}
        id={id}
        label={label}
        rows={parentId ? 3 : 4}
        value={body}
        max={COMMENT_MAX}
        error={error}
        onChange={(e) => {
          setBody(e.target.value);
          setError(undefined);
        }}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" size="sm" pending={create.isPending} pendingLabel={t('actions.saving')}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="sm" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

function EditCommentForm({ subject, comment, onDone }: { subject: CommentSubject; comment: Comment; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateComment(subject);
  const [body, setBody] = useState(comment.body);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => areaRef.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    const problem = !text ? t('validation.required') : body.length > COMMENT_MAX ? t('validation.maxLength', { max: COMMENT_MAX }) : undefined;
    setError(problem);
    if (problem) return;
    update.mutate(
      { comment, body: text },
      {
        onSuccess: () => onDone(true),
        onError: (err) =>
          setFormError(isApiError(err) && err.status === 412 ? t('comments.stale') : describeError(err, t)),
      },
    );
  };

  return (
    <form className="comment-form" onSubmit={submit} noValidate>
      <FormAlert message={formError} />
      <CountedTextArea
        ref={areaRef}
        id={`edit-${comment.id}`}
        label={t('comments.editLabel')}
        rows={3}
        value={body}
        max={COMMENT_MAX}
        error={error}
        onChange={(e) => {
          setBody(e.target.value);
          setError(undefined);
        }}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" size="sm" pending={update.isPending} pendingLabel={t('actions.saving')}>
          {t('actions.saveChanges')}
        </Button>
        <Button size="sm" onClick={() => onDone(false)}>
          {t('actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
