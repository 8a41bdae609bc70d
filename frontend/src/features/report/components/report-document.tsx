import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AgreementInterval } from '@/components/charts/agreement-interval';
import { BarChart } from '@/components/charts/bar-chart';
import { ColumnChart, type ChartSeries } from '@/components/charts/column-chart';
import { ChartLegend } from '@/components/charts/legend';
import { RateInterval } from '@/components/charts/rate-interval';
import { countryName, dateTimeFormat, formatDate, numberFormat } from '@/lib/format';
import { programmeText } from '@/lib/vocabulary';
import type { KeyCount, ProgrammeReport, Rate, ReportActivities, ReportRound, WorkResumption } from '../api/types';
import { REPORT_NAMESPACES } from '../report-namespaces';
import {
  ACTIVITY_KIND_ORDER,
  FIDELITY_COLOURS,
  FIDELITY_ORDER,
  formatFixed,
  formatShare,
  inCodeOrder,
  OUTPUT_COLOURS,
  OUTPUT_KEYS,
  PARTICIPANT_ROLE_ORDER,
  REPORT_SECTIONS,
  type ReportSection,
} from './report-format';

/** The notes as the document prints them: the editor's current text. */
export interface NotesText {
  conclusions: string;
  policy_lessons: string;
}

type AgreementFigure = ReportRound['agreement']['gates'];

/**
 * The programme report as one print-ready document (SPEC §7.6): a cover, a table of contents and
 * numbered sections, each a heading with its charts and tables. Everything is text, tables and
 * plain SVG, so the browser prints it to A4 as it shows it; report.css holds the page rules.
 * Every label is in the reader's language; the server sends codes.
 */
export function ReportDocument({ report, notes }: { report: ProgrammeReport; notes: NotesText }) {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  const name = programmeText(report.programme, lang).name;
  const title = (s: ReportSection, i: number) => `${i + 1}. ${t(`report.sections.${s}`)}`;
  const dates =
    report.programme.starts_on || report.programme.ends_on
      ? t('report.cover.period', { from: formatDate(report.programme.starts_on, lang) || '…', to: formatDate(report.programme.ends_on, lang) || '…' })
      : null;
  const sectionTitle = Object.fromEntries(REPORT_SECTIONS.map((s, i) => [s, title(s, i)])) as Record<ReportSection, string>;

  return (
    <article className="print-document report-document" aria-labelledby="report-cover-title" lang={lang}>
      <header className="report-cover">
        <p className="report-cover-kicker">{t('report.cover.kicker')}</p>
        <h1 id="report-cover-title" className="report-cover-title">
          {name}
        </h1>
        <p className="report-cover-subtitle">{t('report.cover.subtitle')}</p>
        {dates && <p className="report-cover-meta">{dates}</p>}
        <p className="report-cover-meta">{t('report.cover.generated', { date: formatDate(report.generated_at, lang) })}</p>
        <nav className="report-toc" aria-labelledby="report-toc-title">
          <h2 id="report-toc-title">{t('report.toc.title')}</h2>
          <ol>
            {REPORT_SECTIONS.map((s) => (
              <li key={s}>
                <a href={`#report-${s}`}>{sectionTitle[s]}</a>
              </li>
            ))}
          </ol>
        </nav>
      </header>

      <section id="report-outputs" className="report-section" aria-labelledby="report-outputs-title">
        <h2 id="report-outputs-title">{sectionTitle.outputs}</h2>
        <p>{t('report.outputs.lead')}</p>
        <OutputsSection report={report} />
      </section>

      <section id="report-activities" className="report-section" aria-labelledby="report-activities-title">
        <h2 id="report-activities-title">{sectionTitle.activities}</h2>
        <p>{t('report.activities.lead')}</p>
        <ActivitiesSection activities={report.activities} />
      </section>

      <section id="report-reviews" className="report-section" aria-labelledby="report-reviews-title">
        <h2 id="report-reviews-title">{sectionTitle.reviews}</h2>
        <p>{t('report.reviews.lead')}</p>
        <ReviewsSection rounds={report.review_rounds} />
      </section>

      <section id="report-adaptations" className="report-section" aria-labelledby="report-adaptations-title">
        <h2 id="report-adaptations-title">{sectionTitle.adaptations}</h2>
        <p>{t('report.adaptations.lead')}</p>
        <AdaptationsSection report={report} />
      </section>

      <section id="report-resumption" className="report-section" aria-labelledby="report-resumption-title">
        <h2 id="report-resumption-title">{sectionTitle.resumption}</h2>
        <p>{t('report.resumption.lead')}</p>
        <ResumptionSection report={report} />
      </section>

      <section id="report-factors" className="report-section" aria-labelledby="report-factors-title">
        <h2 id="report-factors-title">{sectionTitle.factors}</h2>
        <p>{t('report.factors.lead')}</p>
        <FactorList kind="barriers" items={report.barriers} colour="#b54708" />
        <FactorList kind="facilitators" items={report.facilitators} colour="#1f6f43" />
      </section>

      <section id="report-transferability" className="report-section" aria-labelledby="report-transferability-title">
        <h2 id="report-transferability-title">{sectionTitle.transferability}</h2>
        <p>{t('report.transferability.lead')}</p>
        <TransferabilityTable report={report} />
      </section>

      <section id="report-conclusions" className="report-section report-notes-section" aria-labelledby="report-conclusions-title">
        <h2 id="report-conclusions-title">{sectionTitle.conclusions}</h2>
        <NotesText text={notes.conclusions} />
      </section>

      <section id="report-policy" className="report-section report-notes-section" aria-labelledby="report-policy-title">
        <h2 id="report-policy-title">{sectionTitle.policy}</h2>
        <NotesText text={notes.policy_lessons} />
      </section>

      <footer className="report-end muted">{t('report.footer', { programme: name, date: formatDate(report.generated_at, lang) })}</footer>
    </article>
  );
}

function NotesText({ text }: { text: string }) {
  const { t } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return <p className="muted">{t('report.notes.empty')}</p>;
  return (
    <div className="report-notes-text">
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

type Month = ProgrammeReport['timeline'][number];

/** Every month from the first to the last (at most ten years), zeros where nothing happened. */
export function everyMonth(timeline: readonly Month[]): Month[] {
  if (timeline.length === 0) return [];
  const byMonth = new Map(timeline.map((p) => [p.month, p]));
  const months = [...byMonth.keys()].sort();
  const out: Month[] = [];
  for (let m = months[0], i = 0; m <= months[months.length - 1] && i < 120; m = nextMonth(m), i += 1) {
    out.push(byMonth.get(m) ?? { month: m, information_exchanged: 0, practices_reviewed: 0, products_adapted: 0, new_products: 0 });
  }
  return out;
}

function monthLabel(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return dateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function OutputsSection({ report }: { report: ProgrammeReport }) {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  const months = everyMonth(report.timeline);
  const series: ChartSeries[] = OUTPUT_KEYS.map((k) => ({ key: k, name: t(`report.outputs.labels.${k}`), colour: OUTPUT_COLOURS[k] }));
  const number = numberFormat(lang);
  return (
    <>
      <ul className="report-headlines">
        {OUTPUT_KEYS.map((k) => (
          <li key={k}>
            <span className="report-headline-value">{number.format(report.outputs[k])}</span>
            <span className="report-headline-label">{t(`report.outputs.labels.${k}`)}</span>
          </li>
        ))}
      </ul>
      {months.length === 0 ? (
        <p className="muted">{t('report.outputs.empty')}</p>
      ) : (
        <>
          <figure className="report-figure">
            <ColumnChart
              label={t('report.outputs.caption')}
              series={series}
              columns={months.map((p) => ({
                key: p.month,
                label: monthLabel(p.month, lang),
                values: Object.fromEntries(OUTPUT_KEYS.map((k) => [k, p[k]])),
              }))}
              height={240}
              format={(v) => number.format(v)}
            />
            <ChartLegend series={series} />
            <figcaption>{t('report.outputs.caption')}</figcaption>
          </figure>
          <table className="table report-table">
            <caption>{t('report.outputs.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.outputs.month')}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{monthLabel(p.month, lang)}</th>
                  {OUTPUT_KEYS.map((k) => (
                    <td key={k}>{number.format(p[k])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function ReviewsSection({ rounds }: { rounds: readonly ReportRound[] }) {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  if (rounds.length === 0) return <p className="muted">{t('report.reviews.none')}</p>;
  const decisions = (d: readonly KeyCount[]) =>
    d.length === 0 ? t('report.reviews.noDecisions') : d.map((k) => `${t(`outcomes.${k.key}`, { defaultValue: k.key })}: ${k.count}`).join(', ');
  const agreementRow = (roundName: string, what: string, figure: AgreementFigure) => {
    const ci = figure.ci95;
    return (
      <tr key={`${roundName}-${what}`}>
        <th scope="row">{what}</th>
        <td>{figure.alpha == null ? '—' : formatFixed(figure.alpha, lang, 3)}</td>
        <td>
          {ci && ci.length === 2 && figure.alpha != null ? (
            <AgreementInterval
              figure={figure}
              text={t('report.reviews.intervalText', { low: formatFixed(ci[0], lang), high: formatFixed(ci[1], lang) })}
              label={t('report.reviews.intervalLabel', { alpha: formatFixed(figure.alpha, lang), low: formatFixed(ci[0], lang), high: formatFixed(ci[1], lang) })}
            />
          ) : (
            '—'
          )}
        </td>
        <td>{t(`report.reviews.readings.${figure.reading}`)}</td>
      </tr>
    );
  };
  return (
    <>
      <table className="table report-table">
        <caption>{t('report.reviews.roundsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.reviews.round')}</th>
            <th scope="col">{t('report.reviews.practices')}</th>
            <th scope="col">{t('report.reviews.reviews')}</th>
            <th scope="col">{t('report.reviews.decided')}</th>
            <th scope="col">{t('report.reviews.decisions')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.round_id}>
              <th scope="row">{r.name}</th>
              <td>{r.practices}</td>
              <td>{r.reviews}</td>
              <td>{r.decided}</td>
              <td>{decisions(r.decisions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rounds.map((r) => {
        const ws = r.agreement.weighted_score;
        return (
          <table key={r.round_id} className="table report-table">
            <caption>{t('report.reviews.agreementCaption', { round: r.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.reviews.measure')}</th>
                <th scope="col">{t('report.reviews.alpha')}</th>
                <th scope="col">{t('report.reviews.interval')}</th>
                <th scope="col">{t('report.reviews.reading')}</th>
              </tr>
            </thead>
            <tbody>
              {agreementRow(r.name, t('report.reviews.weightedScore'), ws)}
              {agreementRow(r.name, t('report.reviews.gates'), r.agreement.gates)}
              {agreementRow(r.name, t('report.reviews.recommendation'), r.agreement.recommendation)}
            </tbody>
            {ws.icc && (
              <tfoot>
                <tr>
                  <td colSpan={4}>
                    {t('report.reviews.icc', {
                      single: formatFixed(ws.icc.single, lang, 3),
                      average: formatFixed(ws.icc.average, lang, 3),
                      k: formatFixed(ws.icc.reviews_per_practice, lang),
                    })}
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        );
      })}
      <p className="muted report-note">{t('report.reviews.intervalLead')}</p>
    </>
  );
}

/**
 * The exchange activities held (SPEC §7.4, §7.6): bars by kind and by host country, the
 * organisations and people that took part by country and role, and every activity held.
 */
function ActivitiesSection({ activities }: { activities: ReportActivities }) {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  if (activities.held === 0) return <p className="muted">{t('report.activities.none')}</p>;
  const country = (c: string) => `${countryName(c, lang)} (${c})`;
  const kind = (k: string) => t(`activities.kinds.${k}`, { defaultValue: k });
  const role = (r: string) => t(`activities.roles.${r}`, { defaultValue: r });
  const roleRank = (r: string) => (PARTICIPANT_ROLE_ORDER as readonly string[]).indexOf(r);
  const participants = [...activities.participants].sort(
    (a, b) => countryName(a.country, lang).localeCompare(countryName(b.country, lang), lang) || roleRank(a.role) - roleRank(b.role),
  );
  return (
    <>
      <p>{t('report.activities.total', { count: activities.held })}</p>
      <div className="report-figure-row">
        <figure className="report-figure report-figure-half">
          <BarChart
            label={t('report.activities.byKind')}
            bars={inCodeOrder(activities.by_kind, ACTIVITY_KIND_ORDER).map((k) => ({ key: k.key, label: kind(k.key), value: k.count, colour: '#1d4f91' }))}
          />
          <figcaption>{t('report.activities.byKind')}</figcaption>
        </figure>
        <figure className="report-figure report-figure-half">
          <BarChart
            label={t('report.activities.byHostCountry')}
            bars={activities.by_host_country.map((k) => ({ key: k.key, label: countryName(k.key, lang), value: k.count, colour: '#0b5c6b' }))}
          />
          <figcaption>{t('report.activities.byHostCountry')}</figcaption>
        </figure>
      </div>
      <table className="table report-table">
        <caption>{t('report.activities.participantsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.activities.country')}</th>
            <th scope="col">{t('report.activities.role')}</th>
            <th scope="col">{t('report.activities.organisations')}</th>
            <th scope="col">{t('report.activities.people')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={`${p.country}-${p.role}`} data-participation={`${p.country}-${p.role}`}>
              <td>{country(p.country)}</td>
              <td>{role(p.role)}</td>
              <td>{p.organisations}</td>
              <td>{p.people}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table report-table">
        <caption>{t('report.activities.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.activities.date')}</th>
            <th scope="col">{t('report.activities.kind')}</th>
            <th scope="col">{t('report.activities.title')}</th>
            <th scope="col">{t('report.activities.hostCountry')}</th>
          </tr>
        </thead>
        <tbody>
          {activities.list.map((a) => (
            <tr key={a.id}>
              <td>{formatDate(a.starts_at, lang)}</td>
              <td>{kind(a.kind)}</td>
              <td>{a.title}</td>
              <td>
                {country(a.host_country)} — {a.host_organisation_name}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {activities.list.length < activities.held && (
        <p className="muted">{t('report.activities.truncated', { shown: activities.list.length, count: activities.held })}</p>
      )}
    </>
  );
}

function AdaptationsSection({ report }: { report: ProgrammeReport }) {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  const { flows, by_fidelity } = report.adaptations;
  if (flows.length === 0) return <p className="muted">{t('report.adaptations.none')}</p>;
  const country = (c: string) => `${countryName(c, lang)} (${c})`;
  const fidelity = (k: string) => t(`fidelity.values.${k}`, { defaultValue: k });
  return (
    <>
      <table className="table report-table">
        <caption>{t('report.adaptations.flowCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.adaptations.from')}</th>
            <th scope="col">{t('report.adaptations.to')}</th>
            <th scope="col">{t('report.adaptations.count')}</th>
            <th scope="col">{t('report.adaptations.fidelity')}</th>
          </tr>
        </thead>
        <tbody>
          {flows.map((f) => (
            <tr key={`${f.from_country}-${f.to_country}`} data-flow={`${f.from_country}-${f.to_country}`}>
              <td>{country(f.from_country)}</td>
              <td>{country(f.to_country)}</td>
              <td>{f.count}</td>
              <td>
                {inCodeOrder(f.by_fidelity, FIDELITY_ORDER)
                  .map((k) => `${fidelity(k.key)}: ${k.count}`)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <figure className="report-figure report-figure-half">
        <BarChart
          label={t('report.adaptations.byFidelity')}
          bars={inCodeOrder(by_fidelity, FIDELITY_ORDER).map((k) => ({
            key: k.key,
            label: fidelity(k.key),
            value: k.count,
            colour: FIDELITY_COLOURS[k.key] ?? FIDELITY_COLOURS.unknown,
          }))}
        />
        <figcaption>{t('report.adaptations.byFidelity')}</figcaption>
      </figure>
    </>
  );
}

function RateCell({ rate }: { rate: Rate }) {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  if (rate.rate == null || !rate.ci95) return <span className="muted">{t('report.resumption.noRate')}</span>;
  const [low, high] = rate.ci95;
  const share = formatShare(rate.rate, lang);
  return (
    <span className="report-rate">
      <span>{t('report.resumption.rate', { count: rate.count, of: rate.of, percent: share })}</span>
      <RateInterval
        width={96}
        figure={rate}
        text={t('report.resumption.intervalText', { low: formatShare(low, lang), high: formatShare(high, lang) })}
        label={t('report.resumption.intervalLabel', { rate: share, low: formatShare(low, lang), high: formatShare(high, lang) })}
      />
    </span>
  );
}

function ResumptionColumns() {
  const { t } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  return (
    <>
      <th scope="col">{t('report.resumption.adaptations')}</th>
      <th scope="col">{t('report.resumption.participants')}</th>
      <th scope="col">{t('report.resumption.returned')}</th>
      <th scope="col">{t('report.resumption.inWork')}</th>
    </>
  );
}

function ResumptionCells({ r }: { r: WorkResumption }) {
  return (
    <>
      <td>{r.adaptations}</td>
      <td>{r.participants}</td>
      <td>
        <RateCell rate={r.returned_to_work} />
      </td>
      <td>
        <RateCell rate={r.in_work_after_6_months} />
      </td>
    </>
  );
}

function ResumptionSection({ report }: { report: ProgrammeReport }) {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  const w = report.work_resumption;
  if (w.total.adaptations === 0) return <p className="muted">{t('report.resumption.none')}</p>;
  return (
    <>
      <table className="table report-table report-rates">
        <caption>
          {t('report.resumption.byPractice')}
          {w.practices > w.by_practice.length && (
            <span className="muted"> — {t('report.resumption.byPracticeTop', { shown: w.by_practice.length, total: w.practices })}</span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('report.resumption.practice')}</th>
            <ResumptionColumns />
          </tr>
        </thead>
        <tbody>
          {w.by_practice.map((p) => (
            <tr key={p.practice_id}>
              <th scope="row">
                <Link to={`/practices/${p.practice_id}/sheet`}>{p.title}</Link> <span className="muted">({p.country})</span>
              </th>
              <ResumptionCells r={p} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('report.resumption.total')}</th>
            <ResumptionCells r={w.total} />
          </tr>
        </tfoot>
      </table>
      <table className="table report-table report-rates">
        <caption>{t('report.resumption.byCountry')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.resumption.country')}</th>
            <ResumptionColumns />
          </tr>
        </thead>
        <tbody>
          {w.by_country.map((c) => (
            <tr key={c.country}>
              <th scope="row">{`${countryName(c.country, lang)} (${c.country})`}</th>
              <ResumptionCells r={c} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted report-note">{t('report.resumption.scale')}</p>
    </>
  );
}

/**
 * The barriers or facilitators named, most often first, as a table with the count drawn as a bar
 * (HTML, so long names wrap instead of being cut off as they would be in a chart's label column).
 */
function FactorList({ kind, items, colour }: { kind: 'barriers' | 'facilitators'; items: readonly KeyCount[]; colour: string }) {
  const { t } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const heading = t(`report.factors.${kind}`);
  const max = Math.max(1, ...items.map((k) => k.count));
  return (
    <div className="report-factors">
      <h3>{heading}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('report.factors.none')}</p>
      ) : (
        <table className="table report-table report-factor-table">
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.factors.factor')}</th>
              <th scope="col">{t('report.factors.count')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((k) => (
              <tr key={k.key}>
                <td>{k.key}</td>
                <td>
                  <span className="report-mean">
                    <span className="report-mean-bar" aria-hidden="true" style={{ width: `${(k.count / max) * 6}rem`, background: colour }} />
                    {k.count}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function TransferabilityTable({ report }: { report: ProgrammeReport }) {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  if (report.transferability.length === 0) return <p className="muted">{t('report.transferability.none')}</p>;
  const country = (c: string) => `${countryName(c, lang)} (${c})`;
  return (
    <table className="table report-table">
      <caption>{t('report.transferability.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.transferability.practiceCountry')}</th>
          <th scope="col">{t('report.transferability.reviewerCountry')}</th>
          <th scope="col">{t('report.transferability.ratings')}</th>
          <th scope="col">{t('report.transferability.mean')}</th>
        </tr>
      </thead>
      <tbody>
        {report.transferability.map((p) => (
          <tr key={`${p.practice_country}-${p.reviewer_country}`}>
            <td>{country(p.practice_country)}</td>
            <td>{country(p.reviewer_country)}</td>
            <td>{p.ratings}</td>
            <td>
              <span className="report-mean">
                <span className="report-mean-bar" aria-hidden="true" style={{ width: `${(p.mean / 5) * 4}rem` }} />
                {formatFixed(p.mean, lang)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
