import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { CountrySelect } from '@/components/ui/country-select';
import { SearchForm } from '@/components/ui/search-form';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { languageName } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePracticeSearch } from '../api/practices';
import { CatalogueLayout, CatalogueSkeleton, FilterSelect, PracticeCard, PracticeResultList, ResultCount, SortSelect } from './catalogue-parts';
import { EVIDENCE_LEVELS, meaningfulStatuses } from './practice-vocabulary';
import { useCatalogueParams, type SortChoice } from './use-catalogue-params';
import { programmeText, useVocabulary } from '@/lib/vocabulary';

const API_SORT: Record<SortChoice, string> = { relevance: 'relevance', newest: '-updated_at', title: 'title' };

/** The programme's practices tab: search, filters, results. */
export function PracticesCatalogue() {
  const { t, i18n } = useTranslation();
  const { programme } = useProgrammeOutlet();
  const { user } = useSession();
  const search = useCatalogueParams();
  const { q, filters, sort, page } = search;
  const results = usePracticeSearch(programme.id, {
    q: q || undefined,
    ...filters,
    sort: API_SORT[sort],
    page,
  });
  useDocumentTitle(`${t('practices.title')} · ${programmeText(programme, i18n.language).name}`);

  const canCreate = !!user?.is_admin || programme.my_roles.includes('partner');
  const vocabulary = useVocabulary();
  const themeTitles = useMemo(() => new Map(programme.themes.map((th) => [th.key, vocabulary.title(th)])), [programme.themes, vocabulary]);
  const statuses = meaningfulStatuses(programme.my_roles, !!user?.is_admin);
  const searching = !!q || search.hasFilters;

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
        options={programme.themes.map((th) => ({ value: th.key, label: vocabulary.title(th) }))}
      />
      <FilterSelect
        label={t('fields.targetGroup')}
        allLabel={t('practices.catalogue.allTargetGroups')}
        value={filters.target_group ?? ''}
        onChange={(v) => search.setFilter('target_group', v)}
        options={programme.target_groups.map((g) => ({ value: g.key, label: vocabulary.title(g) }))}
      />
      {statuses.length > 1 && (
        <FilterSelect
          label={t('fields.status')}
          allLabel={t('practices.catalogue.allStatuses')}
          value={filters.status ?? ''}
          onChange={(v) => search.setFilter('status', v)}
          options={statuses.map((s) => ({ value: s, label: t(`practices.status.${s}`) }))}
        />
      )}
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
        options={programme.languages.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
      />
      {search.hasFilters && (
        <Button size="sm" variant="ghost" onClick={search.clearFilters}>
          {t('practices.catalogue.clearFilters')}
        </Button>
      )}
    </div>
  );

  return (
    <section aria-labelledby="practices-heading">
      <div className="section-header">
        <h2 id="practices-heading">{t('practices.title')}</h2>
        {canCreate && (
          <Link to={`/programmes/${programme.id}/practices/new`} className="btn btn-primary">
            <span aria-hidden="true">+ </span>
            {t('practices.new')}
          </Link>
        )}
      </div>
      <p className="muted section-lead">{t('practices.catalogue.lead')}</p>
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
              searching ? (
                <EmptyState
                  title={q ? t('states.noMatches', { q }) : t('practices.catalogue.noFilterMatches')}
                  action={
                    <Button onClick={search.clearAll}>{t('practices.catalogue.clearAll')}</Button>
                  }
                >
                  {t('practices.catalogue.noMatchesHelp')}
                </EmptyState>
              ) : (
                <EmptyState
                  title={t('practices.catalogue.emptyTitle')}
                  action={
                    canCreate && (
                      <Link to={`/programmes/${programme.id}/practices/new`} className="btn btn-primary">
                        {t('practices.new')}
                      </Link>
                    )
                  }
                >
                  {canCreate ? t('practices.catalogue.emptyPartner') : t('practices.catalogue.emptyMember')}
                </EmptyState>
              )
            ) : (
              <PracticeResultList
                results={results.data}
                busy={results.isFetching}
                page={page}
                onPageChange={search.setPage}
                card={(p) => <PracticeCard practice={p} to={`/practices/${p.id}`} themeTitles={themeTitles} />}
              />
            )}
          </>
        )}
      </CatalogueLayout>
    </section>
  );
}
