import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PracticeSummary } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { SelectField } from '@/components/ui/form-fields';
import { Pagination } from '@/components/ui/pagination';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';
import { countryName, estimatedTotal, excerpt, languageName } from '@/lib/format';
import { PracticeStatusBadge } from './practice-status-badge';
import type { SortChoice } from './use-catalogue-params';

/**
 * A country as its code, with the name for screen readers and on hover. (Flag emoji are not
 * used: several systems draw them as two letters or as empty boxes.)
 */
export function CountryTag({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const name = countryName(code, i18n.language);
  return (
    <span className="country-tag" title={name}>
      <span className="country-code" aria-hidden="true">
        {code}
      </span>
      <span className="visually-hidden">{name}</span>
    </span>
  );
}

/** "Dutch (original), English": the practice's own language first, then its translations. */
export function languagesLine(original: string, translations: readonly string[], ui: string, originalLabel: string): string {
  return [`${languageName(original, ui)} (${originalLabel})`, ...translations.filter((l) => l !== original).map((l) => languageName(l, ui))].join(', ');
}

interface PracticeCardProps {
  practice: PracticeSummary;
  to: string;
  /** Theme titles by key; themes without a title are not shown. */
  themeTitles?: ReadonlyMap<string, string>;
  showStatus?: boolean;
  showProgramme?: boolean;
  /** Shown under the title: the public catalogue's decision label. */
  extra?: ReactNode;
}

export function PracticeCard({ practice: p, to, themeTitles, showStatus = true, showProgramme = false, extra }: PracticeCardProps) {
  const { t, i18n } = useTranslation();
  const themes = themeTitles ? p.themes.map((key) => ({ key, title: themeTitles.get(key) })).filter((x) => x.title) : [];
  // In the reader's language where the practice has a translation into it, marked as such.
  const tr = p.translation && p.translation.title.trim() ? p.translation : undefined;
  const shown = tr ? { title: tr.title, summary: tr.summary.trim() || p.summary, lang: tr.language, summaryLang: tr.summary.trim() ? tr.language : p.language } : { title: p.title, summary: p.summary, lang: p.language, summaryLang: p.language };
  return (
    <article className="card practice-card">
      <div className="practice-card-head">
        <h3 className="card-title" lang={shown.lang}>
          <Link to={tr ? `${to}?lang=${encodeURIComponent(tr.language)}` : to}>{shown.title}</Link>
        </h3>
        {showStatus && <PracticeStatusBadge status={p.status} />}
        {tr && (
          <Badge tone={tr.status === 'machine' ? 'warning' : 'info'}>
            {t(`practices.translationStatus.${tr.status}`)}
          </Badge>
        )}
      </div>
      {extra}
      {tr && (
        <p className="practice-card-original">
          <Link to={`${to}?lang=${encodeURIComponent(p.language)}`}>{t('catalogue.readOriginal', { language: languageName(p.language, i18n.language) })}</Link>
          <span aria-hidden="true"> · </span>
          <span lang={p.language}>{p.title}</span>
        </p>
      )}
      <p className="practice-card-org">
        <span>{p.organisation.name}</span> <CountryTag code={p.country} />
        {showProgramme && p.programme_name && (
          <>
            <span aria-hidden="true"> · </span>
            <span className="muted">{p.programme_name}</span>
          </>
        )}
      </p>
      {shown.summary && (
        <p className="card-text" lang={shown.summaryLang}>
          {excerpt(shown.summary, 240)}
        </p>
      )}
      {themes.length > 0 && (
        <ul className="chip-list chip-list-sm" aria-label={t('fields.themes')}>
          {themes.map((theme) => (
            <li key={theme.key} className="chip">
              {theme.title}
            </li>
          ))}
        </ul>
      )}
      <p className="practice-card-langs">
        <span className="practice-card-label">{t('fields.languages')}: </span>
        {languagesLine(p.language, p.translations_available, i18n.language, t('practices.original'))}
      </p>
    </article>
  );
}

/** Grey placeholders while the first page of results loads. */
export function CatalogueSkeleton({ count = 3 }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <div className="catalogue-skeleton">
      <p role="status" className="visually-hidden">
        {t('practices.catalogue.loading')}
      </p>
      <ul className="practice-list" aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          <li key={i} className="card practice-card skeleton-card">
            <span className="skeleton skeleton-title" />
            <span className="skeleton skeleton-line short" />
            <span className="skeleton skeleton-line" />
            <span className="skeleton skeleton-line" />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FilterSelect({
  label,
  value,
  onChange,
  allLabel,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  allLabel: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} className="filter-field">
      <option value="">{allLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {/* A value from an old link that is no longer offered stays visible. */}
      {value && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
    </SelectField>
  );
}

export function SortSelect({ value, onChange, withRelevance }: { value: SortChoice; onChange: (value: SortChoice) => void; withRelevance: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="sort-select">
      <label htmlFor="catalogue-sort">{t('practices.catalogue.sortBy')}</label>
      <select id="catalogue-sort" className="input select select-compact" value={value} onChange={(e) => onChange(e.target.value as SortChoice)}>
        {withRelevance && <option value="relevance">{t('practices.catalogue.sort.relevance')}</option>}
        <option value="newest">{t('practices.catalogue.sort.newest')}</option>
        <option value="title">{t('practices.catalogue.sort.title')}</option>
      </select>
    </div>
  );
}

/** "12 practices", announced when it changes after a search. */
export function ResultCount({ total, isEstimate, busy }: { total: number; isEstimate?: boolean; busy?: boolean }) {
  const { t, i18n } = useTranslation();
  const estimate = estimatedTotal(total, isEstimate, i18n.language);
  return (
    <p className="result-count" role="status" aria-live="polite" aria-busy={busy || undefined}>
      {!estimate
        ? t('practices.catalogue.count', { count: total })
        : estimate.kind === 'about'
          ? t('practices.catalogue.countAbout', { total: estimate.text })
          : t('practices.catalogue.countMore', { total: estimate.text })}
    </p>
  );
}

export function CatalogueLayout({ filters, children }: { filters: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="catalogue-layout">
      <aside className="catalogue-filters" aria-labelledby="catalogue-filters-title">
        <h3 id="catalogue-filters-title" className="h3">
          {t('practices.catalogue.filters')}
        </h3>
        {filters}
      </aside>
      <div className="catalogue-results">{children}</div>
    </div>
  );
}

/** A page of results as cards, with pagination when there is more than one page. */
export function PracticeResultList<P extends PracticeSummary>({
  results,
  busy,
  page,
  onPageChange,
  card,
}: {
  results: { items: readonly P[]; page: number; page_size: number; total: number; total_is_estimate?: boolean };
  busy: boolean;
  page: number;
  onPageChange: (page: number) => void;
  card: (practice: P) => ReactNode;
}) {
  const { t } = useTranslation();
  const pageSize = results.page_size || DEFAULT_PAGE_SIZE;
  return (
    <>
      <ul className="practice-list" aria-busy={busy || undefined}>
        {results.items.map((p) => (
          <li key={p.id}>{card(p)}</li>
        ))}
      </ul>
      {(results.total > pageSize || page > 1) && (
        <Pagination
          page={results.page}
          pageSize={pageSize}
          total={results.total}
          totalIsEstimate={results.total_is_estimate}
          onPageChange={onPageChange}
          label={t('practices.catalogue.pages')}
        />
      )}
    </>
  );
}
