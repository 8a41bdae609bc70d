import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeText } from '@/lib/vocabulary';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { AttachmentsSection } from '@/components/attachments/attachments-section';
import { CommentsThread } from '@/components/comments/comments-thread';
import type { Practice, Programme } from '@/api/types';
import {
  KeyedChips,
  localise,
  PracticeContent,
  PracticeContentsNav,
  presentSections,
  Prose,
  ReadingLanguageSwitch,
  TranslationNotice,
} from '@/components/practice/practice-content';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { formatDate, languageName } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePractice, usePracticeCall, usePracticeProgramme } from '../api/practices';
import { CountryTag } from './catalogue-parts';
import { PracticeActions } from './practice-actions';
import { PracticeStatusBadge } from './practice-status-badge';
import { outcomeTone } from './practice-vocabulary';
import { RevisionHistory } from './revision-history';

/** Which language to read in, kept in the URL (`?lang=en`) so a link opens the same text. */
export function useReadingLanguage(practice: Practice | undefined, preferred?: string): [string, (lang: string) => void] {
  const [params, setParams] = useSearchParams();
  const requested = params.get('lang') ?? '';
  const available = practice ? [practice.language, ...practice.translations.map((tr) => tr.language)] : [];
  // Without a choice in the URL: the preferred language (the reader's) where there is a
  // translation into it, the original otherwise.
  const fallback = practice ? (preferred && available.includes(preferred) ? preferred : practice.language) : '';
  const lang = practice && available.includes(requested) ? requested : fallback;
  const set = (next: string) =>
    setParams(
      (prev) => {
        const copy = new URLSearchParams(prev);
        if (!practice || next === fallback) copy.delete('lang');
        else copy.set('lang', next);
        return copy;
      },
      { replace: true, preventScrollReset: true },
    );
  return [lang, set];
}

/**
 * `/practices/:id`: the whole practice, what may be done with it, its revisions and discussion.
 * `extra` lets the app add what other features show about a practice (reviews, lineage) without
 * this feature importing them.
 */
export function PracticePage({ notFound, extra }: { notFound: ReactNode; extra?: (practice: Practice) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const practice = usePractice(id);
  const programme = usePracticeProgramme(practice.data?.data.programme_id);
  const [lang, setLang] = useReadingLanguage(practice.data?.data);
  useDocumentTitle(practice.data?.data.title ?? t('practices.title'));

  if (practice.isPending) return <LoadingState />;
  if (practice.isError) {
    if (isApiError(practice.error) && practice.error.status === 404) return <>{notFound}</>;
    return <ErrorState error={practice.error} onRetry={() => void practice.refetch()} />;
  }
  const { data: p, etag } = practice.data;
  const prog = programme.data?.data;

  return (
    <article className="practice-page" aria-labelledby="practice-title">
      <nav className="breadcrumb" aria-label={t('practices.breadcrumb')}>
        <ol>
          <li>
            <Link to={`/programmes/${p.programme_id}`}>{(prog ? programmeText(prog, i18n.language).name : p.programme_name) || t('fields.programme')}</Link>
          </li>
          <li>
            <Link to={`/programmes/${p.programme_id}/practices`}>{t('practices.title')}</Link>
          </li>
        </ol>
      </nav>
      <PracticeHeader practice={p} lang={lang} actions={<PracticeActions practice={p} etag={etag} programme={prog} />} />
      {p.decision && <DecisionPanel decision={p.decision} />}
      <PracticeBody practice={p} programme={prog} lang={lang} onLang={setLang} showCall />
      {extra?.(p)}
      <AttachmentsSection subject={{ type: 'practice', id: p.id }} canUpload={p.allowed_actions.includes('edit')} />
      <RevisionHistory practice={p} programme={prog} />
      <CommentsThread subject={{ type: 'practice', id: p.id }} canComment={p.allowed_actions.includes('comment')} />
    </article>
  );
}

export function PracticeHeader({ practice: p, lang, actions, showStatus = true }: { practice: Practice; lang: string; actions?: ReactNode; showStatus?: boolean }) {
  const { t } = useTranslation();
  const view = localise(p, lang);
  const title = view.text('title');
  const summary = view.text('summary');
  return (
    <>
      <PageHeader
        title={
          <span id="practice-title" lang={title.lang}>
            {title.value}
          </span>
        }
        meta={
          <>
            <span className="practice-org">
              {p.organisation.name} <CountryTag code={p.country} />
            </span>
            {showStatus && <PracticeStatusBadge status={p.status} />}
            {showStatus && p.revision > 0 && <span>{t('practices.revisions.number', { n: p.revision })}</span>}
          </>
        }
        actions={actions}
      />
      {summary.value && <Prose text={summary.value} lang={summary.lang} className="practice-summary lead" />}
    </>
  );
}

function DecisionPanel({ decision }: { decision: NonNullable<Practice['decision']> }) {
  const { t, i18n } = useTranslation();
  return (
    <section className={`decision-panel decision-${outcomeTone(decision.outcome)}`} aria-labelledby="decision-title">
      <h2 id="decision-title" className="h3">
        {t('practices.decision.title')}: <Badge tone={outcomeTone(decision.outcome)}>{t(`practices.decision.outcomes.${decision.outcome}`)}</Badge>
      </h2>
      {decision.rationale && <Prose text={decision.rationale} />}
      <p className="muted decision-date">{t('practices.decision.decidedOn', { date: formatDate(decision.decided_at, i18n.language) })}</p>
    </section>
  );
}

/** Language choice, the sections, and the facts beside them. */
export function PracticeBody({
  practice: p,
  programme,
  lang,
  onLang,
  showCall = false,
}: {
  practice: Practice;
  /** The vocabularies the themes and target groups are titled from. */
  programme?: Pick<Programme, 'themes' | 'target_groups'>;
  lang: string;
  onLang: (lang: string) => void;
  /** Show the call the practice answers (members only: the public catalogue does not name calls). */
  showCall?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const sections = presentSections(p);
  return (
    <>
      <div className="practice-layout">
        <div className="practice-main">
          <ReadingLanguageSwitch practice={p} value={lang} onChange={onLang} />
          <TranslationNotice practice={p} lang={lang} />
          <PracticeContent practice={p} lang={lang} />
        </div>
        <aside className="practice-aside">
          <div className="card">
            <h2 className="h3">{t('practices.view.facts')}</h2>
            <dl className="facts">
              {programme && p.themes.length > 0 && (
                <div>
                  <dt>{t('fields.themes')}</dt>
                  <dd>
                    <KeyedChips keys={p.themes} vocabulary={programme.themes} label={t('fields.themes')} />
                  </dd>
                </div>
              )}
              {programme && p.target_groups.length > 0 && (
                <div>
                  <dt>{t('fields.targetGroups')}</dt>
                  <dd>
                    <KeyedChips keys={p.target_groups} vocabulary={programme.target_groups} label={t('fields.targetGroups')} />
                  </dd>
                </div>
              )}
              {showCall && p.call_id && <CallFact callId={p.call_id} />}
              <div>
                <dt>{t('practices.fields.originalLanguage')}</dt>
                <dd>{languageName(p.language, i18n.language)}</dd>
              </div>
              {p.translations.length > 0 && (
                <div>
                  <dt>{t('practices.fields.translations')}</dt>
                  <dd>
                    {p.translations
                      .map((tr) => `${languageName(tr.language, i18n.language)} (${t(`practices.translationStatus.${tr.status}`).toLowerCase()})`)
                      .join(', ')}
                  </dd>
                </div>
              )}
              {p.submitted_at && (
                <div>
                  <dt>{t('practices.fields.submittedAt')}</dt>
                  <dd>{formatDate(p.submitted_at, i18n.language)}</dd>
                </div>
              )}
              {p.published_at && (
                <div>
                  <dt>{t('practices.fields.publishedAt')}</dt>
                  <dd>{formatDate(p.published_at, i18n.language)}</dd>
                </div>
              )}
              <div>
                <dt>{t('practices.fields.updatedAt')}</dt>
                <dd>{formatDate(p.updated_at, i18n.language)}</dd>
              </div>
            </dl>
          </div>
          {sections.length > 2 && <PracticeContentsNav practice={p} className="card practice-toc" />}
        </aside>
      </div>
    </>
  );
}

/** The call a practice answers: its title, where it stands and its dates. */
function CallFact({ callId }: { callId: string }) {
  const { t, i18n } = useTranslation();
  const call = usePracticeCall(callId);
  const c = call.data?.data;
  return (
    <div>
      <dt>{t('practices.call.label')}</dt>
      <dd>
        {c ? (
          <>
            <Link to={`/programmes/${c.programme_id}/calls`}>{c.title}</Link>{' '}
            <Badge tone={c.state === 'open' ? 'success' : c.state === 'upcoming' ? 'info' : 'warning'}>{t(`practices.call.state.${c.state}`)}</Badge>
            <span className="call-dates muted">
              {t('practices.call.window', { from: formatDate(c.opens_at, i18n.language), to: formatDate(c.closes_at, i18n.language) })}
            </span>
          </>
        ) : call.isError ? (
          t('practices.call.unknown')
        ) : (
          t('states.loading')
        )}
      </dd>
    </div>
  );
}
