import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { CountrySelect } from '@/components/ui/country-select';
import { PageHeader } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { languageName } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useVocabulary } from '@/lib/vocabulary';
import { usePublicPractices, usePublicProgramme, usePublicVocabulary } from '../api/public';
import { CatalogueLayout, CatalogueSkeleton, FilterSelect, PracticeCard, PracticeResultList, ResultCount, SortSelect } from './catalogue-parts';
import { EVIDENCE_LEVELS, PRACTICE_LANGUAGES, PUBLIC_LABELS } from './practice-vocabulary';
import { RecognitionBadge } from './recognition-badge';
import { useCatalogueParams, type SortChoice } from './use-catalogue-params';

const API_SORT: Record<SortChoice, string> = { relevance: 'relevance', newest: '-published_at', title: 'title' };

/** `/catalogue`: published practices of programmes with a public catalogue, for anyone. */
export function PublicCataloguePage() {
  const { t, i18n } = useTranslation();
  const { status } = useSession();
  const search = useCatalogueParams();
  const { q, filters, sort, page } = search;
  // Everything in the public catalogue is published: there is no status to filter on.
  const { country, theme, target_group, evidence_level, language, label, programme_id } = filters;
  const readerLanguage = i18n.resolvedLanguage ?? i18n.language;
  const results = usePublicPractices({ q: q || undefined, programme_id, country, theme, target_group, evidence_level, language, label, lang: readerLanguage, sort: API_SORT[sort], page });
  // One programme's catalogue filters by that programme's vocabularies; the whole catalogue by all of them.
  const programme = usePublicProgramme(programme_id, readerLanguage);
  const catalogueVocabulary = usePublicVocabulary();
  const vocabulary = programme_id ? programme : catalogueVocabulary;
  // Themes and target groups are titled in the reader's language where the programme has it.
  const { title, programme: programmeText } = useVocabulary();
  const themes = useMemo(() => vocabulary.data?.themes ?? [], [vocabulary.data]);
  const targetGroups = vocabulary.data?.target_groups ?? [];
  const programmeTexts = programme.data ? programmeText(programme.data) : undefined;
  const themeTitles = useMemo(() => new Map(themes.map((th) => [th.key, title(th)])), [themes, title]);
  useDocumentTitle(t('catalogue.title'));
  const languages = [...PRACTICE_LANGUAGES].sort((a, b) => languageName(a, i18n.language).localeCompare(languageName(b, i18n.language), i18n.language));

  const filterControls = (
    <div className="filter-fields">
      <CountrySelect
        label={t('fields.country')}
        emptyLabel={t('practices.catalogue.allCountries')}
        value={filters.country ?? ''}
        onChange={(e) => search.setFilter('country', e.target.value)}
        className="filter-field"
      />
      <FilterSelect
        label={t('fields.theme')}
        allLabel={t('practices.catalogue.allThemes')}
        value={filters.theme ?? ''}
        onChange={(v) => search.setFilter('theme', v)}
        options={themes.map((th) => ({ value: th.key, label: title(th) }))}
      />
      <FilterSelect
        label={t('fields.targetGroup')}
        allLabel={t('practices.catalogue.allTargetGroups')}
        value={filters.target_group ?? ''}
        onChange={(v) => search.setFilter('target_group', v)}
        options={targetGroups.map((g) => ({ value: g.key, label: title(g) }))}
      />
      <FilterSelect
        label={t('catalogue.labelFilter')}
        allLabel={t('catalogue.allLabels')}
        value={filters.label ?? ''}
        onChange={(v) => search.setFilter('label', v)}
        options={PUBLIC_LABELS.map((l) => ({ value: l, label: t(`practices.decision.outcomes.${l}`) }))}
      />
      <FilterSelect
        label={t('practices.fields.evidenceLevel')}
        allLabel={t('practices.catalogue.allEvidenceLevels')}
        value={filters.evidence_level ?? ''}
        onChange={(v) => search.setFilter('evidence_level', v)}
        options={EVIDENCE_LEVELS.map((level) => ({ value: level, label: t(`practices.evidence.${level}`) }))}
      />
      <FilterSelect
        label={t('fields.language')}
        allLabel={t('practices.catalogue.allLanguages')}
        value={filters.language ?? ''}
        onChange={(v) => search.setFilter('language', v)}
        options={languages.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
      />
      {search.hasFilters && (
        <Button size="sm" variant="ghost" onClick={search.clearFilters}>
          {t('practices.catalogue.clearFilters')}
        </Button>
      )}
    </div>
  );

  return (
    <>
      <PageHeader
        title={t('catalogue.title')}
        lead={t('catalogue.lead')}
        actions={
          status !== 'authenticated' && (
            <Link to="/login" className="btn btn-secondary">
              {t('catalogue.signInToContribute')}
            </Link>
          )
        }
      />
      {programme_id && programmeTexts && (
        <section className="card catalogue-programme" aria-labelledby="catalogue-programme-title">
          <h2 id="catalogue-programme-title" className="h3">
            {programmeTexts.name}
          </h2>
          {programmeTexts.description && <p>{programmeTexts.description}</p>}
          <Button size="sm" variant="ghost" onClick={() => search.setFilter('programme_id', '')}>
            {t('catalogue.allProgrammes')}
          </Button>
        </section>
      )}
      <SearchForm value={q} onSearch={search.setQ} label={t('practices.catalogue.search')} />
      <CatalogueLayout filters={filterControls}>
        {results.isPending ? (
          <CatalogueSkeleton />
        ) : results.isError ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <>
            <div className="results-bar">
              <ResultCount total={results.data.total} isEstimate={results.data.total_is_estimate} busy={results.isFetching} />
              <SortSelect value={sort} onChange={search.setSort} withRelevance={!!q} />
            </div>
            {results.data.items.length === 0 ? (
              <EmptyState
                title={q ? t('states.noMatches', { q }) : search.hasFilters ? t('practices.catalogue.noFilterMatches') : t('catalogue.emptyTitle')}
                action={(q || search.hasFilters) && <Button onClick={search.clearAll}>{t('practices.catalogue.clearAll')}</Button>}
              >
                {q || search.hasFilters ? t('practices.catalogue.noMatchesHelp') : t('catalogue.emptyText')}
              </EmptyState>
            ) : (
              <PracticeResultList
                results={results.data}
                busy={results.isFetching}
                page={page}
                onPageChange={search.setPage}
                card={(p) => (
                  <PracticeCard
                    practice={p}
                    to={`/catalogue/${p.id}`}
                    themeTitles={themeTitles}
                    showStatus={false}
                    showProgramme
                    extra={p.recognition && <RecognitionBadge recognition={p.recognition} />}
                  />
                )}
              />
            )}
          </>
        )}
      </CatalogueLayout>
    </>
  );
}
