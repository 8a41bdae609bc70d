import { useState } from 'react';
import { Link } from 'react-router';
import type { Practice } from '@/api/types';
import {
  localise,
  PracticeContent,
  PracticeContentsNav,
  presentSections,
  Prose,
  ReadingLanguageSwitch,
  TranslationNotice,
  type ReadablePractice,
} from '@/components/practice/practice-content';
import { readableFromSnapshot } from '@/components/practice/practice-snapshot';
import { LoadingState } from '@/components/ui/states';
import { formatDate } from '@/lib/format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { usePracticeRevision } from '../../api/review';

/** The heading the reading column is named by. */
export const READING_TITLE_ID = 'rv-practice-title';

/**
 * The practice under review as it was submitted in the revision the review is about, to read
 * beside the rubric: its sections, a contents list that moves within the column, and the choice
 * of language where it has translations. Falls back to the practice as it is now (and says so)
 * when the revision cannot be read.
 */
export function PracticeReading({ practice, revision }: { practice: Practice; revision: number }) {
  const { t, i18n } = useReviewTranslation();
  const frozen = usePracticeRevision(practice.id, revision > 0 ? revision : undefined);
  if (revision > 0 && frozen.isPending) return <LoadingState />;
  const text: ReadablePractice = frozen.data ? readableFromSnapshot(frozen.data) : practice;
  return (
    <>
      <header className="rv-reading-head">
        <p className="eyebrow">{t('form.practiceUnderReview')}</p>
        <h2 id={READING_TITLE_ID} lang={text.language}>
          {text.title}
        </h2>
        <p className="muted">
          {practice.organisation.name} · {practice.country}
          {frozen.data && <> · {t('form.reading.revision', { n: frozen.data.number, date: formatDate(frozen.data.created_at, i18n.language) })}</>}
        </p>
        {revision > 0 && frozen.isError && (
          <p className="alert alert-warning" role="status">
            {t('form.reading.revisionUnavailable')}
          </p>
        )}
      </header>
      <ReadingText key={frozen.data ? 'frozen' : 'current'} text={text} />
      <p className="rv-reading-link">
        <Link to={`/practices/${practice.id}`} target="_blank" rel="noopener">
          {t('form.readPractice')}
          <span className="visually-hidden"> {t('form.opensNewTab')}</span>
        </Link>
      </p>
    </>
  );
}

function ReadingText({ text }: { text: ReadablePractice }) {
  const { i18n } = useReviewTranslation();
  const available = [text.language, ...text.translations.map((tr) => tr.language)];
  const mine = i18n.language.split('-')[0];
  // The reader's own language where the practice has a translation into it, else the original.
  const [lang, setLang] = useState(available.includes(mine) ? mine : text.language);
  const summary = localise(text, lang).text('summary');
  return (
    <>
      <ReadingLanguageSwitch practice={text} value={lang} onChange={setLang} />
      <TranslationNotice practice={text} lang={lang} />
      {summary.value && <Prose text={summary.value} lang={summary.lang} className="rv-reading-summary" />}
      {presentSections(text).length > 1 && <PracticeContentsNav practice={text} className="rv-reading-toc" />}
      <PracticeContent practice={text} lang={lang} />
    </>
  );
}
