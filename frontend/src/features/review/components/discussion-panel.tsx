import { useState, type FormEvent } from 'react';
import type { DiscussionPost } from '@/api/review-types';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormActions, FormAlert, TextAreaField } from '@/components/ui/form-fields';
import { Pagination } from '@/components/ui/pagination';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { formatDateTime } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useFormErrors } from '@/lib/use-form-errors';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { DISCUSSION_PAGE_SIZE, useDiscussion, usePostToDiscussion } from '../api/discussion';
import { personName } from '@/lib/person-name';

const FIELDS = ['body'] as const;
const MAX_LENGTH = 5000;

/**
 * The reviewers' discussion of a practice in a round: for the round's coordinators and the
 * practice's reviewers once they have submitted. The server decides who takes part; anyone else
 * gets nothing, and the panel then says only that the discussion is not open to them.
 */
export function DiscussionPanel({
  roundId,
  practiceId,
  headingLevel = 2,
}: {
  roundId: string;
  practiceId: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useReviewTranslation();
  const [page, setPage] = useState(1);
  const discussion = useDiscussion(roundId, practiceId, page);
  const Heading = `h${headingLevel}` as const;
  const headingId = `discussion-${roundId}-${practiceId}`;

  let content;
  if (discussion.isPending) content = <LoadingState />;
  else if (discussion.isError) {
    content =
      isApiError(discussion.error) && discussion.error.status === 404 ? (
        <p className="muted">{t('discussion.closed')}</p>
      ) : (
        <ErrorState error={discussion.error} onRetry={() => void discussion.refetch()} />
      );
  } else {
    const { items, total, total_is_estimate } = discussion.data;
    content = (
      <>
        {items.length === 0 ? (
          <p className="muted">{t('discussion.empty')}</p>
        ) : (
          <ol className="rv-discussion-list">
            {items.map((post) => (
              <DiscussionItem key={post.id} post={post} />
            ))}
          </ol>
        )}
        <Pagination
          page={page}
          pageSize={DISCUSSION_PAGE_SIZE}
          total={total}
          totalIsEstimate={total_is_estimate}
          onPageChange={setPage}
          label={t('discussion.pages')}
        />
        <DiscussionForm roundId={roundId} practiceId={practiceId} />
      </>
    );
  }

  return (
    <section className="card rv-discussion" aria-labelledby={headingId}>
      <Heading id={headingId} className="h3">
        {t('discussion.title')}
      </Heading>
      <p className="muted">{t('discussion.lead')}</p>
      {content}
    </section>
  );
}

function DiscussionItem({ post }: { post: DiscussionPost }) {
  const { t, i18n } = useReviewTranslation();
  return (
    <li className={post.mine ? 'rv-discussion-post mine' : 'rv-discussion-post'}>
      <p className="rv-discussion-meta">
        <strong>{authorName(post, t)}</strong>
        {' · '}
        <time dateTime={post.created_at}>{formatDateTime(post.created_at, i18n.language)}</time>
      </p>
      <p className="rv-discussion-body">{post.body}</p>
    </li>
  );
}

/** "You", a blind reviewer's label, or a name with the role (and label) beside it. */
export function authorName(post: DiscussionPost, t: ReturnType<typeof useReviewTranslation>['t']): string {
  const a = post.author;
  const letter = a.label?.split(' ').pop();
  const label = letter ? t('panel.reviewerLabel', { letter }) : undefined;
  if (post.mine) return label ? t('discussion.youAs', { label }) : t('discussion.you');
  if (!a.name) return label ?? t('discussion.roles.reviewer');
  if (label) return t('discussion.nameWithLabel', { name: personName(a.name), label });
  return t('discussion.nameWithRole', { name: personName(a.name), role: t(`discussion.roles.${a.role}`) });
}

function DiscussionForm({ roundId, practiceId }: { roundId: string; practiceId: string }) {
  const { t } = useReviewTranslation();
  const post = usePostToDiscussion(roundId, practiceId);
  const form = useFormErrors(FIELDS);
  const idempotency = useIdempotencyKey();
  const [body, setBody] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    if (!form.validate(text ? {} : { body: t('discussion.bodyRequired') })) return;
    post.mutate(
      { body: text, idempotencyKey: idempotency.forBody(text) },
      {
        onSuccess: () => {
          idempotency.reset();
          setBody('');
        },
        onError: (error) => form.showServerError(error),
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <FormAlert message={form.formError} />
      <TextAreaField
        label={t('discussion.write')}
        hint={t('discussion.writeHint')}
        rows={3}
        maxLength={MAX_LENGTH}
        value={body}
        error={form.errors.body}
        onChange={(e) => {
          setBody(e.target.value);
          form.clearError('body');
        }}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={post.isPending} pendingLabel={t('actions.working')}>
          {t('discussion.send')}
        </Button>
      </FormActions>
    </form>
  );
}
