import { TextAreaField } from '@/components/ui/form-fields';
import { useReviewTranslation } from '@/lib/use-review-translation';
import type { ReviewSectionProps } from './section-props';

/** Answers to the practice's learning questions (none when it has none). */
export function QuestionsSection({ questions, draft, errorFor, update }: ReviewSectionProps & { questions: string[] }) {
  const { t } = useReviewTranslation();
  if (questions.length === 0) return null;
  return (
    <section className="card rv-tier" aria-labelledby="rv-questions">
      <h2 id="rv-questions">{t('form.questions')}</h2>
      <p className="muted">{t('form.questionsIntro')}</p>
      <div className="rv-criteria">
        {questions.map((q, i) => (
          <TextAreaField
            key={`${i}-${q}`}
            id={`rv-answer-${i}`}
            label={q}
            required
            rows={3}
            maxLength={5000}
            value={draft.answers[i] ?? ''}
            error={errorFor(`answers[${i}]`)}
            onChange={(e) => {
              const answers = [...draft.answers];
              answers[i] = e.target.value;
              update('answers', answers, `answers[${i}]`);
            }}
          />
        ))}
      </div>
    </section>
  );
}
