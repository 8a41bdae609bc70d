import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { FormAlert, TextAreaField } from '@/components/ui/form-fields';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { describeError } from '@/lib/describe-error';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useAdaptationComments, usePostAdaptationComment } from '../api/comments';
import type { Comment } from '../api/types';

const COMMENT_MAX = 5000;

interface Node {
  comment: Comment;
  replies: Node[];
}

function thread(comments: readonly Comment[]): Node[] {
  const nodes = new Map<string, Node>();
  for (const c of comments) nodes.set(c.id, { comment: c, replies: [] });
  const roots: Node[] = [];
  for (const c of comments) {
    const node = nodes.get(c.id)!;
    const parent = c.parent_id ? nodes.get(c.parent_id) : undefined;
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The discussion on an adaptation: questions and answers between partners, with replies. */
export function AdaptationComments({ adaptationId }: { adaptationId: string }) {
  const { t } = useTranslation('exchange');
  const comments = useAdaptationComments(adaptationId);
  const [status, setStatus] = useState('');
  const count = comments.data?.items.filter((c) => !c.deleted).length ?? 0;
  return (
    <section className="detail-block" aria-labelledby="adaptation-comments-title">
      <h2 id="adaptation-comments-title">
        {t('comments.title')} {comments.data && <span className="heading-count">({count})</span>}
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
          {thread(comments.data.items).map((node) => (
            <CommentNode key={node.comment.id} node={node} depth={0} adaptationId={adaptationId} onStatus={setStatus} />
          ))}
        </ol>
      )}
      <CommentForm adaptationId={adaptationId} label={t('comments.new')} submitLabel={t('comments.post')} onPosted={() => setStatus(t('comments.posted'))} />
    </section>
  );
}

function CommentNode({ node, depth, adaptationId, onStatus }: { node: Node; depth: number; adaptationId: string; onStatus: (s: string) => void }) {
  const { t, i18n } = useTranslation('exchange');
  const { comment } = node;
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const org = comment.author.organisation;
  return (
    <li className={`comment-node depth-${Math.min(depth, 4)}`}>
      <article className={comment.deleted ? 'comment comment-removed' : 'comment'} aria-labelledby={`ac-${comment.id}`}>
        <header className="comment-header" id={`ac-${comment.id}`}>
          <span className="comment-author">{comment.deleted ? t('comments.removed') : comment.author.name}</span>
          {!comment.deleted && org && (
            <span className="comment-org">
              {org.name} ({org.country})
            </span>
          )}
          <time className="comment-time" dateTime={comment.created_at} title={formatDateTime(comment.created_at, i18n.language)}>
            {formatRelativeTime(comment.created_at, i18n.language)}
          </time>
        </header>
        {comment.deleted ? (
          <p className="comment-body muted">
            <em>{t('comments.removedText')}</em>
          </p>
        ) : (
          <div className="comment-body">
            {comment.body.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
        )}
        {!comment.deleted && (
          <div className="comment-actions">
            <Button ref={replyButton} size="sm" variant="ghost" aria-expanded={replying} onClick={() => setReplying((r) => !r)}>
              {t('comments.reply')}
            </Button>
          </div>
        )}
        {replying && (
          <CommentForm
            adaptationId={adaptationId}
            parentId={comment.id}
            label={t('comments.replyTo', { name: comment.author.name })}
            submitLabel={t('comments.postReply')}
            autoFocus
            onCancel={() => {
              setReplying(false);
              replyButton.current?.focus();
            }}
            onPosted={() => {
              setReplying(false);
              onStatus(t('comments.replyPosted'));
              replyButton.current?.focus();
            }}
          />
        )}
      </article>
      {node.replies.length > 0 && (
        <ol className="comment-replies" aria-label={t('comments.repliesTo', { name: comment.deleted ? t('comments.removed') : comment.author.name })}>
          {node.replies.map((child) => (
            <CommentNode key={child.comment.id} node={child} depth={depth + 1} adaptationId={adaptationId} onStatus={onStatus} />
          ))}
        </ol>
      )}
    </li>
  );
}

function CommentForm({
  adaptationId,
  parentId,
  label,
  submitLabel,
  autoFocus,
  onCancel,
  onPosted,
}: {
  adaptationId: string;
  parentId?: string;
  label: string;
  submitLabel: string;
  autoFocus?: boolean;
  onCancel?: () => void;
  onPosted?: () => void;
}) {
  const { t } = useTranslation('exchange');
  const { t: tc } = useTranslation();
  const post = usePostAdaptationComment(adaptationId);
  const idempotency = useIdempotencyKey();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    const problem = !text ? t('validation.required') : body.length > COMMENT_MAX ? t('validation.maxLength', { max: COMMENT_MAX }) : undefined;
    setError(problem);
    if (problem) {
      ref.current?.focus();
      return;
    }
    const request = { body: text, ...(parentId ? { parent_id: parentId } : {}) };
    post.mutate(
      { body: request, idempotencyKey: idempotency.forBody(request) },
      {
        onSuccess: () => {
          idempotency.reset();
          setBody('');
          setFormError(null);
          onPosted?.();
        },
        onError: (err) => setFormError(describeError(err, tc)),
      },
    );
  };

  return (
    <form className={parentId ? 'comment-form comment-form-reply' : 'comment-form'} onSubmit={submit} noValidate>
      <FormAlert message={formError} />
      <TextAreaField
        ref={ref}
        id={parentId ? `areply-${parentId}` : 'adaptation-new-comment'}
        label={label}
        rows={parentId ? 3 : 4}
        value={body}
        error={error}
        onChange={(e) => {
          setBody(e.target.value);
          setError(undefined);
        }}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" size="sm" pending={post.isPending} pendingLabel={t('actions.saving')}>
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
