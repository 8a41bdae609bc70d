import { Link } from 'react-router';
import type { Practice } from '@/api/types';
import { useReviewTranslation } from '@/lib/use-review-translation';

/** The practice under review, its link and its learning questions. */
export function PracticeBrief({ practice, questions }: { practice: Practice; questions: string[] }) {
  const { t } = useReviewTranslation();
  return (
    <section className="card rv-practice" aria-labelledby="rv-practice-title">
      <p className="eyebrow">{t('form.practiceUnderReview')}</p>
      <h2 id="rv-practice-title">{practice.title}</h2>
      <p className="muted">
        {practice.organisation.name} · {practice.country}
      </p>
      {practice.summary && <p>{practice.summary}</p>}
      <p>
        <Link to={`/practices/${practice.id}`} target="_blank" rel="noopener">
          {t('form.readPractice')}
          <span className="visually-hidden"> {t('form.opensNewTab')}</span>
        </Link>
      </p>
      {questions.length > 0 && (
        <>
          <h3>{t('form.learningQuestions')}</h3>
          <ol className="rv-questions">
            {questions.map((q, i) => (
              <li key={`${i}-${q}`}>{q}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
