import { useCallback } from 'react';
import { excerpt } from '@/lib/format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { fieldDomId, focusField, type Missing } from './review-draft';

/** A sentence naming what is missing, e.g. "Relevance: justify your judgement in a comment". */
export function useMissingLabel() {
  const { t } = useReviewTranslation();
  return useCallback(
    (m: Missing, questions: readonly string[] = []): string => {
      const criterion = m.criterion?.title ?? '';
      switch (m.kind) {
        case 'score':
          return m.criterion?.tier === 'gate' ? t('checklist.gate', { criterion }) : t('checklist.score', { criterion });
        case 'gateComment':
          return t('checklist.gateComment', { criterion });
        case 'transferRating':
          return t('checklist.transferRating');
        case 'answer': {
          const question = questions[m.questionIndex ?? 0];
          return question
            ? t('checklist.answerNamed', { question: excerpt(question, 60) })
            : t('checklist.answer', { number: (m.questionIndex ?? 0) + 1 });
        }
        case 'recommendation':
          return t('checklist.recommendation');
        case 'confidence':
          return t('checklist.confidence');
      }
    },
    [t],
  );
}

/**
 * The completeness checklist beside the review form: what is still missing before the review
 * can be submitted, each a link that moves focus to the field. Updated as the reviewer types,
 * by the same rules the server applies on submit.
 */
export function ReviewChecklist({
  missing,
  done,
  total,
  label,
  questions = [],
}: {
  missing: Missing[];
  done: number;
  total: number;
  label: (m: Missing, questions?: readonly string[]) => string;
  questions?: readonly string[];
}) {
  const { t } = useReviewTranslation();
  return (
    <section className="rv-checklist" aria-labelledby="rv-checklist-title">
      <h2 id="rv-checklist-title" className="h3">
        {t('checklist.title')}
      </h2>
      <p id="rv-checklist-status" className="muted" aria-live="polite">
        {missing.length === 0 ? t('checklist.complete') : t('checklist.progress', { done, total })}
      </p>
      {missing.length > 0 && (
        <ul className="rv-checklist-items">
          {missing.map((m) => (
            <li key={m.field}>
              <a
                href={`#${fieldDomId(m.field)}`}
                onClick={(e) => {
                  if (focusField(m.field)) e.preventDefault();
                }}
              >
                {label(m, questions)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
