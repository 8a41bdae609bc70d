import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { countryName, formatDate, numberFormat } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { pickTranslation } from '@/lib/vocabulary';
import { useSheetLineage, useSheetPractice, useSheetReviews } from '../api/report';
import type { Lineage, Practice, PracticeReviews } from '../api/types';
import { REPORT_NAMESPACES } from '../report-namespaces';
import { formatFixed, formatShare } from './report-format';
import '../report.css';

/** The practice sections the sheet prints, in order, with their keys in the practice. */
const TEXT_SECTIONS = ['context', 'approach', 'resources', 'outcomes', 'transferability', 'lessons_learned'] as const;

/**
 * A practice on one printable sheet (SPEC §7.6): its description, the decision, a summary of its
 * peer review (without reviewers' names), where it was adapted and with what results. Reviews the
 * reader may not see are left out, as the server decides.
 */
export function PracticeSheetPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const practice = useSheetPractice(id);
  const lineage = useSheetLineage(id);
  const reviews = useSheetReviews(id);
  useDocumentTitle(practice.data ? `${t('report.sheet.title')} — ${sheetTexts(practice.data.data, i18n.language).title}` : t('report.sheet.title'));

  if (practice.isPending || lineage.isPending || reviews.isPending) return <LoadingState />;
  if (practice.isError) return <ErrorState error={practice.error} onRetry={() => void practice.refetch()} />;
  if (lineage.isError) return <ErrorState error={lineage.error} onRetry={() => void lineage.refetch()} />;
  // Reviews the reader may not read (403/404) are simply not on the sheet.
  const reviewsHidden = reviews.isError && isApiError(reviews.error) && (reviews.error.status === 403 || reviews.error.status === 404);
  if (reviews.isError && !reviewsHidden) return <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />;
  const p = practice.data.data;
  return (
    <div className="report-screen">
      <div className="report-toolbar no-print">
        <Link to={`/practices/${p.id}`}>{t('report.sheet.back')}</Link>
        <Button variant="primary" onClick={() => window.print()}>
          {t('report.print')}
        </Button>
      </div>
      <PracticeSheet practice={p} lineage={lineage.data} reviews={reviewsHidden ? null : (reviews.data ?? null)} language={i18n.language} />
    </div>
  );
}

type SheetText = 'title' | 'summary' | (typeof TEXT_SECTIONS)[number];

/** The practice's texts in the reader's language where it has a translation, text by text. */
export function sheetTexts(p: Practice, lang: string): Record<SheetText, string> {
  const translation =
    p.language.toLowerCase() === lang.toLowerCase() ? undefined : pickTranslation(Object.fromEntries(p.translations.map((tr) => [tr.language, tr])), lang);
  const pick = (k: SheetText) => {
    const own = translation?.[k];
    return own && own.trim() ? own : (p[k] ?? '');
  };
  return Object.fromEntries((['title', 'summary', ...TEXT_SECTIONS] as SheetText[]).map((k) => [k, pick(k)])) as Record<SheetText, string>;
}

export function PracticeSheet({ practice: p, lineage, reviews, language }: { practice: Practice; lineage: Lineage; reviews: PracticeReviews | null; language: string }) {
  const { t } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const lang = language;
  const text = sheetTexts(p, lang);
  const submitted = reviews?.reviews.filter((r) => r.status === 'submitted') ?? [];
  const ratings = submitted.map((r) => r.transferability?.rating).filter((v): v is number => typeof v === 'number');
  const recommendations = new Map<string, number>();
  for (const r of submitted) if (r.recommendation) recommendations.set(r.recommendation, (recommendations.get(r.recommendation) ?? 0) + 1);
  const withFigures = lineage.adaptations.filter((a) => typeof a.participants === 'number');
  const participants = withFigures.reduce((s, a) => s + (a.participants ?? 0), 0);
  const returned = withFigures.reduce((s, a) => s + (a.returned_to_work ?? 0), 0);
  const number = numberFormat(lang);

  return (
    <article className="print-document practice-sheet" aria-labelledby="sheet-title" lang={lang}>
      <header className="report-section">
        <p className="report-cover-kicker">{t('report.sheet.title')}</p>
        <h1 id="sheet-title">{text.title}</h1>
        <dl className="sheet-meta">
          <dt>{t('report.sheet.organisation')}</dt>
          <dd>{p.organisation.name}</dd>
          <dt>{t('report.sheet.country')}</dt>
          <dd>{`${countryName(p.country, lang)} (${p.country})`}</dd>
          {p.programme_name && (
            <>
              <dt>{t('report.sheet.programme')}</dt>
              <dd>{p.programme_name}</dd>
            </>
          )}
          <dt>{t('report.sheet.printed')}</dt>
          <dd>{formatDate(new Date().toISOString(), lang)}</dd>
        </dl>
        {text.summary && <p className="lead">{text.summary}</p>}
      </header>

      <section className="report-section" aria-labelledby="sheet-description">
        <h2 id="sheet-description">{t('report.sheet.description')}</h2>
        {TEXT_SECTIONS.filter((k) => text[k].trim()).map((k) => (
          <div key={k} className="sheet-text">
            <h3>{t(`report.sheet.sections.${k}`)}</h3>
            <p className="report-notes-text">{text[k]}</p>
          </div>
        ))}
      </section>

      <section className="report-section" aria-labelledby="sheet-decision">
        <h2 id="sheet-decision">{t('report.sheet.decision')}</h2>
        {p.decision ? (
          <>
            <p>
              <strong>{t(`outcomes.${p.decision.outcome}`, { defaultValue: p.decision.outcome })}</strong> — {formatDate(p.decision.decided_at, lang)}
            </p>
            {p.decision.rationale && <p className="report-notes-text">{p.decision.rationale}</p>}
          </>
        ) : (
          <p className="muted">{t('report.sheet.noDecision')}</p>
        )}
      </section>

      <section className="report-section" aria-labelledby="sheet-reviews">
        <h2 id="sheet-reviews">{t('report.sheet.reviews')}</h2>
        {reviews === null ? (
          <p className="muted">{t('report.sheet.reviewsHidden')}</p>
        ) : submitted.length === 0 ? (
          <p className="muted">{t('report.sheet.noReviews')}</p>
        ) : (
          <>
            <p>
              {t('report.sheet.reviewSummary', { count: submitted.length })}
              {ratings.length > 0 &&
                ` ${t('report.sheet.meanRating', { mean: formatFixed(ratings.reduce((s, v) => s + v, 0) / ratings.length, lang), count: ratings.length })}`}
            </p>
            {recommendations.size > 0 && (
              <p>
                {t('report.sheet.recommendations')}:{' '}
                {[...recommendations].map(([k, n]) => `${t(`recommendations.${k}`, { defaultValue: k })}: ${n}`).join(', ')}
              </p>
            )}
            {submitted.map((r, i) => (
              <div key={r.assignment_id ?? i} className="sheet-review">
                <h3>{t('report.sheet.reviewN', { n: i + 1 })}</h3>
                {r.strengths && (
                  <p>
                    <strong>{t('report.sheet.strengths')}:</strong> {r.strengths}
                  </p>
                )}
                {r.improvements && (
                  <p>
                    <strong>{t('report.sheet.improvements')}:</strong> {r.improvements}
                  </p>
                )}
              </div>
            ))}
          </>
        )}
      </section>

      <section className="report-section" aria-labelledby="sheet-adaptations">
        <h2 id="sheet-adaptations">{t('report.sheet.adaptations')}</h2>
        {lineage.adaptations.length === 0 ? (
          <p className="muted">{t('report.sheet.noAdaptations')}</p>
        ) : (
          <>
            <table className="table report-table">
              <caption className="visually-hidden">{t('report.sheet.adaptations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.sheet.adaptation')}</th>
                  <th scope="col">{t('report.sheet.country')}</th>
                  <th scope="col">{t('report.sheet.stage')}</th>
                  <th scope="col">{t('report.adaptations.fidelity')}</th>
                  <th scope="col">{t('report.resumption.participants')}</th>
                  <th scope="col">{t('report.resumption.returned')}</th>
                </tr>
              </thead>
              <tbody>
                {lineage.adaptations.map((a) => (
                  <tr key={a.id}>
                    <td>
                      {a.title}
                      {a.adopting_organisation && <span className="muted"> — {a.adopting_organisation}</span>}
                    </td>
                    <td>{countryName(a.country, lang)}</td>
                    <td>{t(`stages.${a.stage}`, { defaultValue: a.stage })}</td>
                    <td>{a.fidelity ? t(`fidelity.values.${a.fidelity}`, { defaultValue: a.fidelity }) : '—'}</td>
                    <td>{typeof a.participants === 'number' ? number.format(a.participants) : '—'}</td>
                    <td>{typeof a.returned_to_work === 'number' ? number.format(a.returned_to_work) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('report.sheet.results')}</h3>
            <p>
              {participants > 0
                ? t('report.sheet.resultsLine', { returned: number.format(returned), participants: number.format(participants), percent: formatShare(returned / participants, lang) })
                : t('report.sheet.noResults')}
            </p>
          </>
        )}
      </section>
    </article>
  );
}
