import { useTranslation } from 'react-i18next';
import type { Frame } from '../api/types';
import { REASON_LEVELS, type Reasons } from './frame-vocabulary';

function lowerFirst(text: string, language: string): string {
  return text ? text.charAt(0).toLocaleLowerCase(language) + text.slice(1) : text;
}

/**
 * Every FRAME answer of an adaptation as a question and a sentence, in plain words. Questions
 * left unanswered say so, so a reader sees what is known and what is not.
 */
export function FrameSummary({ frame }: { frame: Frame }) {
  const { t, i18n } = useTranslation('exchange');
  const lang = i18n.language;
  const list = (items: readonly string[] | undefined, key: string) =>
    new Intl.ListFormat(lang, { type: 'conjunction' }).format((items ?? []).map((v) => lowerFirst(t(`frame.${key}.options.${v}.label`), lang)));
  const reasons = (frame.reasons ?? {}) as Reasons;
  const reasonLevels = REASON_LEVELS.filter((l) => (reasons[l] ?? []).length > 0);

  const rows: { key: string; question: string; answer: string | null }[] = [
    { key: 'when', question: t('summary.questions.when'), answer: frame.when ? t(`summary.when.${frame.when}`) : null },
    { key: 'planned', question: t('summary.questions.planned'), answer: frame.planned ? t(`summary.planned.${frame.planned}`) : null },
    {
      key: 'decided_by',
      question: t('summary.questions.decidedBy'),
      answer: frame.decided_by?.length ? t('summary.decidedBy', { list: list(frame.decided_by, 'decided_by') }) : null,
    },
    { key: 'what', question: t('summary.questions.what'), answer: frame.what?.length ? t('summary.what', { list: list(frame.what, 'what') }) : null },
    {
      key: 'level',
      question: t('summary.questions.level'),
      answer: frame.level ? t('summary.level', { value: lowerFirst(t(`frame.level.options.${frame.level}.label`), lang) }) : null,
    },
    {
      key: 'context_modifications',
      question: t('summary.questions.contextModifications'),
      answer: frame.context_modifications?.length
        ? t('summary.contextModifications', { list: list(frame.context_modifications, 'context_modifications') })
        : null,
    },
    {
      key: 'content_modifications',
      question: t('summary.questions.contentModifications'),
      answer: frame.content_modifications?.length
        ? t('summary.contentModifications', { list: list(frame.content_modifications, 'content_modifications') })
        : null,
    },
    { key: 'goals', question: t('summary.questions.goals'), answer: frame.goals?.length ? t('summary.goals', { list: list(frame.goals, 'goals') }) : null },
  ];

  return (
    <dl className="frame-summary">
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.question}</dt>
          <dd className={row.answer ? undefined : 'muted'}>{row.answer ?? t('summary.notAnswered')}</dd>
        </div>
      ))}
      <div>
        <dt>{t('summary.questions.reasons')}</dt>
        {reasonLevels.length === 0 ? (
          <dd className="muted">{t('summary.notAnswered')}</dd>
        ) : (
          <dd>
            <ul className="plain-list">
              {reasonLevels.map((level) => (
                <li key={level}>
                  {t('summary.reasonsAt', {
                    level: t(`frame.reasons.levels.${level}.label`),
                    list: new Intl.ListFormat(lang, { type: 'conjunction' }).format(
                      (reasons[level] ?? []).map((r) => lowerFirst(t(`frame.reasons.options.${r}.label`), lang)),
                    ),
                  })}
                </li>
              ))}
            </ul>
          </dd>
        )}
      </div>
    </dl>
  );
}
