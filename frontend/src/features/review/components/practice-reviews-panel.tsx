import { useMemo, useState, type FormEvent } from 'react';
import type { Criterion, PracticeDecision, PracticeReviews, Review, ReviewResponse, Rubric } from '@/api/review-types';
import { isApiError } from '@/api/errors';
import { describeError } from '@/lib/describe-error';
import { useVocabulary } from '@/lib/vocabulary';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormActions, FormAlert, SelectField, TextAreaField } from '@/components/ui/form-fields';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useToast } from '@/components/ui/toast';
import { countryName, formatDate, formatDateTime } from '@/lib/format';
import { prettifyKey } from '@/lib/review-format';
import { useSession } from '@/lib/session';
import { useFormErrors } from '@/lib/use-form-errors';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { usePracticeDetail, usePracticeReviews, useProgrammeRubrics, useRespondToReviews } from '../api/practice-reviews';
import { personName } from '@/lib/person-name';

export const OUTCOME_TONES: Record<string, 'success' | 'info' | 'warning' | 'danger' | 'neutral'> = {
  good_practice: 'success',
  promising_practice: 'info',
  revision_requested: 'warning',
  not_retained: 'danger',
};

/** The rubric a review was written against: its own when known, else one that has all its criteria. */
function rubricFor(review: Review, rubrics: readonly Rubric[]): Rubric | undefined {
  if (review.rubric_id) {
    const own = rubrics.find((r) => r.id === review.rubric_id);
    if (own) return own;
  }
  const keys = (review.scores ?? []).map((s) => s.criterion_key);
  return rubrics.find((r) => keys.every((k) => r.criteria.some((c) => c.key === k)));
}

/**
 * The reviews of a practice as the caller may see them (SPEC §2): names for coordinators and
 * fellow reviewers, "Reviewer A" in blind rounds for the practice's organisation; per-criterion
 * scores, strengths, improvements, transferability and answers; the decisions and the
 * organisation's responses, with a form to respond once a decision exists.
 *
 * Meant to be mounted on the practice page: `<PracticeReviewsPanel practiceId={id} />`.
 */
export function PracticeReviewsPanel({ practiceId, headingLevel = 2 }: { practiceId: string; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useReviewTranslation();
  const { user } = useSession();
  const data = usePracticeReviews(practiceId);
  const practice = usePracticeDetail(practiceId);
  const rubrics = useProgrammeRubrics(practice.data?.data.programme_id);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';

  if (data.isPending) return <LoadingState />;
  if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;

  const { reviews, decisions, responses, rebuttals } = data.data;
  const ownOrganisation = !!user && !!practice.data && practice.data.data.organisation.id === user.organisation_id;
  // The organisation responds during an open rebuttal, or after the decision of a round that had none.
  const respondRounds: RespondRound[] = [
    ...rebuttals.filter((r) => r.open).map((r) => ({ roundId: r.round_id, rebuttal: r })),
    ...decisions.filter((d) => !rebuttals.some((r) => r.round_id === d.round_id)).map((d) => ({ roundId: d.round_id, decision: d })),
  ];
  const canRespond = ownOrganisation && respondRounds.length > 0;

  return (
    <section className="rv-panel stack-lg" aria-labelledby="rv-panel-title">
      <H id="rv-panel-title">{t('panel.title')}</H>

      {rebuttals.map((r) => (
        <p key={r.round_id} className={r.open ? 'alert alert-info' : 'alert'}>
          {ownOrganisation
            ? r.open
              ? t('rebuttal.ownOpen', { round: r.round_name, date: r.rebuttal_due_at ? formatDateTime(r.rebuttal_due_at, i18n.language) : '—' })
              : t('rebuttal.ownClosed', { round: r.round_name, date: r.rebuttal_due_at ? formatDateTime(r.rebuttal_due_at, i18n.language) : '—' })
            : r.open
              ? t('rebuttal.otherOpen', { round: r.round_name, date: r.rebuttal_due_at ? formatDateTime(r.rebuttal_due_at, i18n.language) : '—' })
              : t('rebuttal.otherClosed', { round: r.round_name })}
        </p>
      ))}

      {decisions.length > 0 && (
        <section aria-labelledby="rv-panel-decisions">
          <H2 id="rv-panel-decisions">{decisions.length > 1 ? t('panel.decisions') : t('panel.decision')}</H2>
          <ul className="rv-plain-list">
            {decisions.map((d) => (
              <DecisionItem key={`${d.round_id}-${d.decided_at}`} decision={d} />
            ))}
          </ul>
        </section>
      )}

      {reviews.length === 0 ? (
        <EmptyState title={t('panel.empty')}>{ownOrganisation ? t('panel.emptyOwn') : t('panel.emptyOther')}</EmptyState>
      ) : (
        <section aria-labelledby="rv-panel-reviews">
          <H2 id="rv-panel-reviews">{t('panel.reviews', { count: reviews.length })}</H2>
          <div className="rv-review-list">
            {reviews.map((r, i) => (
              <ReviewCard
                key={r.assignment_id ?? `${r.round_id}-${r.reviewer.label ?? i}`}
                review={r}
                rubric={rubricFor(r, rubrics.data?.items ?? [])}
                index={i}
                headingLevel={headingLevel + 2}
              />
            ))}
          </div>
        </section>
      )}

      {(responses.length > 0 || canRespond) && (
        <section aria-labelledby="rv-panel-responses">
          <H2 id="rv-panel-responses">{t('panel.responses')}</H2>
          {responses.length === 0 ? (
            <p className="muted">{t('panel.noResponses')}</p>
          ) : (
            <ul className="rv-plain-list">
              {responses.map((r) => (
                <ResponseItem key={r.id} response={r} />
              ))}
            </ul>
          )}
          {canRespond && <ResponseForm practiceId={practiceId} rounds={respondRounds} />}
        </section>
      )}
    </section>
  );
}

function DecisionItem({ decision }: { decision: PracticeDecision }) {
  const { t, i18n } = useReviewTranslation();
  return (
    <li className="card rv-decision">
      <p>
        <Badge tone={OUTCOME_TONES[decision.outcome] ?? 'neutral'}>
          {t(`outcomes.${decision.outcome}`, { defaultValue: prettifyKey(decision.outcome) })}
        </Badge>{' '}
        <span className="muted">{t('panel.decidedOn', { date: formatDate(decision.decided_at, i18n.language) })}</span>
      </p>
      <p className="rv-prewrap">{decision.rationale}</p>
    </li>
  );
}

function ResponseItem({ response }: { response: ReviewResponse }) {
  const { t, i18n } = useReviewTranslation();
  return (
    <li className="card rv-response">
      <p className="muted">
        {t('panel.responseBy', { name: personName(response.author_name), date: formatDateTime(response.created_at, i18n.language) })}
      </p>
      <p className="rv-prewrap">{response.body}</p>
    </li>
  );
}

function scoreText(
  value: number | null | undefined,
  criterion: Criterion | undefined,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (value === null || value === undefined) return t('panel.notApplicable');
  if (criterion?.tier === 'gate') return value >= 1 ? t('panel.passes') : t('panel.fails');
  const level = criterion?.levels.find((l) => l.value === value);
  if (criterion) {
    return level
      ? t('panel.scoreOfWithLabel', { value, max: criterion.scale.max, label: level.label })
      : t('panel.scoreOf', { value, max: criterion.scale.max });
  }
  return String(value);
}

/** "Reviewer A" as the server labels an anonymous reviewer, in the interface language. */
function reviewerTitle(
  reviewer: Review['reviewer'],
  index: number,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const letter = reviewer.label ? /^Reviewer ([A-Z]{1,3})$/.exec(reviewer.label)?.[1] : undefined;
  if (letter) return t('panel.reviewerLabel', { letter });
  return reviewer.label || personName(reviewer.name) || t('panel.reviewerNumber', { number: index + 1 });
}

function ReviewCard({ review, rubric, index, headingLevel }: { review: Review; rubric?: Rubric; index: number; headingLevel: number }) {
  const { t, i18n } = useReviewTranslation();
  const H = `h${Math.min(headingLevel, 6)}` as 'h4';
  const { reviewer } = review;
  const anonymous = !reviewer.name;
  const title = reviewerTitle(reviewer, index, t);
  const headingId = `rv-review-${index}`;
  const vocabulary = useVocabulary();
  const byKey = new Map(rubric?.criteria.map((c) => [c.key, vocabulary.criterion(c)]) ?? []);
  const scores = [...(review.scores ?? [])].sort((a, b) => {
    const ia = rubric ? rubric.criteria.findIndex((c) => c.key === a.criterion_key) : 0;
    const ib = rubric ? rubric.criteria.findIndex((c) => c.key === b.criterion_key) : 0;
    return ia - ib;
  });
  const recommendation = review.recommendation
    ? t(`recommendations.${review.recommendation}`, { defaultValue: prettifyKey(review.recommendation) })
    : '';
  const answers = (review.answers ?? []).filter((a) => a.answer);
  return (
    <article className="card rv-review-card" aria-labelledby={headingId}>
      <header className="rv-review-head">
        <H id={headingId}>
          {title} {review.revised && <Badge tone="info">{t('rebuttal.revisedBadge')}</Badge>}
        </H>
        {!anonymous && (reviewer.organisation || reviewer.country) && (
          <p className="muted">
            {[reviewer.organisation, reviewer.country ? countryName(reviewer.country, i18n.language) : ''].filter(Boolean).join(' · ')}
          </p>
        )}
        <p className="muted">
          {[review.round_name, review.submitted_at ? t('panel.submittedOn', { date: formatDate(review.submitted_at, i18n.language) }) : '']
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>

      {scores.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('panel.scoresCaption', { reviewer: title })}>
          <table className="table rv-score-table">
            <caption className="visually-hidden">{t('panel.scoresCaption', { reviewer: title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('panel.criterion')}</th>
                <th scope="col">{t('panel.score')}</th>
                <th scope="col">{t('panel.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((s) => {
                const c = byKey.get(s.criterion_key);
                return (
                  <tr key={s.criterion_key}>
                    <th scope="row">{c?.title ?? prettifyKey(s.criterion_key)}</th>
                    <td>{scoreText(s.value, c, t)}</td>
                    <td className="rv-prewrap">{s.comment || <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <dl className="rv-review-facts">
        {review.strengths && (
          <div>
            <dt>{t('form.strengths')}</dt>
            <dd className="rv-prewrap">{review.strengths}</dd>
          </div>
        )}
        {review.improvements && (
          <div>
            <dt>{t('form.improvements')}</dt>
            <dd className="rv-prewrap">{review.improvements}</dd>
          </div>
        )}
        {(review.transferability?.rating || review.transferability?.conditions) && (
          <div>
            <dt>{t('panel.transferability')}</dt>
            <dd>
              {review.transferability?.rating ? (
                <p>{t('panel.ratingOf', { value: review.transferability.rating, max: 5 })}</p>
              ) : null}
              {review.transferability?.conditions && <p className="rv-prewrap">{review.transferability.conditions}</p>}
            </dd>
          </div>
        )}
        {answers.length > 0 && (
          <div>
            <dt>{t('panel.answers')}</dt>
            <dd>
              <dl className="rv-answers">
                {answers.map((a, i) => (
                  <div key={`${i}-${a.question}`}>
                    <dt>{a.question}</dt>
                    <dd className="rv-prewrap">{a.answer}</dd>
                  </div>
                ))}
              </dl>
            </dd>
          </div>
        )}
        {recommendation && (
          <div>
            <dt>{t('panel.recommendation')}</dt>
            <dd>{recommendation}</dd>
          </div>
        )}
        {review.confidence ? (
          <div>
            <dt>{t('panel.confidence')}</dt>
            <dd>{t('panel.ratingOf', { value: review.confidence, max: 5 })}</dd>
          </div>
        ) : null}
      </dl>
      {review.first_submission && <FirstSubmission first={review.first_submission} byKey={byKey} />}
    </article>
  );
}

/** A revised review's first submission, for coordinators, next to the revised one. */
function FirstSubmission({ first, byKey }: { first: NonNullable<Review['first_submission']>; byKey: Map<string, Criterion> }) {
  const { t, i18n } = useReviewTranslation();
  const recommendation = first.recommendation ? t(`recommendations.${first.recommendation}`, { defaultValue: prettifyKey(first.recommendation) }) : '';
  return (
    <details className="rv-first-submission">
      <summary>
        {t('rebuttal.firstSubmission', {
          submitted: formatDateTime(first.submitted_at, i18n.language),
          revised: formatDateTime(first.revised_at, i18n.language),
        })}
      </summary>
      <dl className="rv-review-facts">
        {first.scores.map((s) => {
          const c = byKey.get(s.criterion_key);
          return (
            <div key={s.criterion_key}>
              <dt>{c?.title ?? prettifyKey(s.criterion_key)}</dt>
              <dd>
                {scoreText(s.value, c, t)}
                {s.comment && <span className="rv-prewrap"> — {s.comment}</span>}
              </dd>
            </div>
          );
        })}
        {first.strengths && (
          <div>
            <dt>{t('form.strengths')}</dt>
            <dd className="rv-prewrap">{first.strengths}</dd>
          </div>
        )}
        {first.improvements && (
          <div>
            <dt>{t('form.improvements')}</dt>
            <dd className="rv-prewrap">{first.improvements}</dd>
          </div>
        )}
        {recommendation && (
          <div>
            <dt>{t('panel.recommendation')}</dt>
            <dd>{recommendation}</dd>
          </div>
        )}
      </dl>
    </details>
  );
}

const RESPONSE_FIELDS = ['body', 'round_id'] as const;

/** A round the organisation may respond in: an open rebuttal, or a decision without a rebuttal. */
interface RespondRound {
  roundId: string;
  rebuttal?: PracticeReviews['rebuttals'][number];
  decision?: PracticeDecision;
}

function ResponseForm({ practiceId, rounds: all }: { practiceId: string; rounds: RespondRound[] }) {
  const { t, i18n } = useReviewTranslation();
  const toast = useToast();
  const respond = useRespondToReviews(practiceId);
  const form = useFormErrors(RESPONSE_FIELDS);
  const rounds = useMemo(() => {
    const seen = new Map<string, RespondRound>();
    for (const r of all) if (!seen.has(r.roundId)) seen.set(r.roundId, r);
    return [...seen.values()];
  }, [all]);
  const [roundId, setRoundId] = useState(rounds[0]?.roundId ?? '');
  const chosen = rounds.find((r) => r.roundId === roundId);
  const [body, setBody] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.validate(body.trim() ? {} : { body: t('panel.responseRequired') })) return;
    respond.mutate(
      { roundId, body: body.trim() },
      {
        onSuccess: () => {
          setBody('');
          form.reset();
          toast.show(t('panel.responsePosted'));
        },
        // Rule codes of the review screens (rebuttal_closed, not_decided) are worded in this feature's namespace.
        onError: (error) => form.showServerError(error, isApiError(error) && error.status === 409 ? describeError(error, t) : undefined),
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form rv-response-form" aria-labelledby="rv-response-form-title">
      <h4 id="rv-response-form-title" className="h3">
        {t('panel.respondTitle')}
      </h4>
      <FormAlert message={form.formError} />
      {rounds.length > 1 && (
        <SelectField label={t('panel.respondRound')} value={roundId} onChange={(e) => setRoundId(e.target.value)} error={form.errors.round_id}>
          {rounds.map((r) => (
            <option key={r.roundId} value={r.roundId}>
              {r.rebuttal
                ? t('rebuttal.roundOption', {
                    round: r.rebuttal.round_name,
                    date: r.rebuttal.rebuttal_due_at ? formatDateTime(r.rebuttal.rebuttal_due_at, i18n.language) : '—',
                  })
                : r.decision
                  ? t('panel.roundDecidedOn', {
                      outcome: t(`outcomes.${r.decision.outcome}`, { defaultValue: prettifyKey(r.decision.outcome) }),
                      date: formatDate(r.decision.decided_at, i18n.language),
                    })
                  : r.roundId}
            </option>
          ))}
        </SelectField>
      )}
      {chosen?.rebuttal?.rebuttal_due_at && (
        <p className="muted">{t('rebuttal.formDeadline', { date: formatDateTime(chosen.rebuttal.rebuttal_due_at, i18n.language) })}</p>
      )}
      <TextAreaField
        label={t('panel.responseLabel')}
        hint={chosen?.rebuttal ? t('rebuttal.responseHint') : t('panel.responseHint')}
        required
        rows={4}
        maxLength={10000}
        value={body}
        error={form.errors.body}
        onChange={(e) => {
          setBody(e.target.value);
          form.clearError('body');
        }}
      />
      <FormActions>
        <Button type="submit" variant="primary" pending={respond.isPending} pendingLabel={t('actions.working')}>
          {t('panel.respondSubmit')}
        </Button>
      </FormActions>
    </form>
  );
}
