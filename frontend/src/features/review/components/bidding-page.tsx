import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/errors';
import { BID_LEVELS, type BidLevel, type BiddingPractice } from '@/api/review-types';
import { Badge, BadgeList } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CountrySelect } from '@/components/ui/country-select';
import { SelectField } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { RadioCards } from '@/components/ui/radio-cards';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { countryName, formatDate, languageName } from '@/lib/format';
import { usePageParam } from '@/lib/use-page-param';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { keyedTitle } from '@/lib/vocabulary';
import { useBidding, useBiddingProgramme, useBiddingRounds, useSaveBid, type BiddingFilters } from '../api/bids';

const NO_FILTERS: BiddingFilters = { theme: '', language: '', country: '', bid: '' };
const FALLBACK_LANGUAGES = ['en', 'nl', 'fr', 'de'];

/**
 * Bidding: `/rounds/:roundId/bidding`. A reviewer says, practice by practice, how much they want
 * to review it; each choice is saved at once. Practices of the reviewer's own organisation are not
 * listed (the server leaves them out).
 */
export function BiddingPage() {
  const { t, i18n } = useReviewTranslation();
  const { roundId = '' } = useParams();
  const rounds = useBiddingRounds();
  const round = rounds.data?.items.find((r) => r.id === roundId);
  const programme = useBiddingProgramme(round?.programme_id);
  const [filters, setFilters] = useState<BiddingFilters>(NO_FILTERS);
  const [page, setPage] = usePageParam();
  const bidding = useBidding(roundId, filters, page);
  useDocumentTitle(round ? t('bidding.titleNamed', { round: round.name }) : t('bidding.title'));

  const themes = useMemo(
    () => new Map((programme.data?.data.themes ?? []).map((th) => [th.key, keyedTitle(th, i18n.language)])),
    [programme.data, i18n.language],
  );
  const languages = programme.data?.data.languages?.length ? programme.data.data.languages : FALLBACK_LANGUAGES;
  // Bids change while the round is a draft or open, and only for its reviewers: the rounds the
  // server offers for bidding are exactly those.
  const writable = !!round;

  const setFilter = (patch: Partial<BiddingFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  if (bidding.isError && isApiError(bidding.error) && bidding.error.status === 404) {
    return <EmptyState title={t('bidding.notFound')}>{t('bidding.notFoundText')}</EmptyState>;
  }

  return (
    <>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/reviews">{t('inbox.title')}</Link>
          </li>
          <li aria-current="page">{t('bidding.title')}</li>
        </ol>
      </nav>
      <PageHeader
        title={round ? t('bidding.titleNamed', { round: round.name }) : t('bidding.title')}
        lead={t('bidding.lead')}
        meta={round ? <span>{t('bidding.dueOn', { date: formatDate(round.due_at, i18n.language) })}</span> : undefined}
      />
      {!rounds.isPending && !writable && <p className="alert alert-info">{t('bidding.readOnly')}</p>}

      <details className="card rv-bid-levels">
        <summary>{t('bidding.levelsTitle')}</summary>
        <dl>
          {BID_LEVELS.map((level) => (
            <div key={level}>
              <dt>{t(`bidding.level.${level}`)}</dt>
              <dd>{t(`bidding.levelHint.${level}`)}</dd>
            </div>
          ))}
        </dl>
      </details>

      <form className="rv-bid-filters" role="search" aria-label={t('bidding.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('bidding.filter.theme')} value={filters.theme} onChange={(e) => setFilter({ theme: e.target.value })}>
          <option value="">{t('bidding.filter.allThemes')}</option>
          {[...themes].map(([key, title]) => (
            <option key={key} value={key}>
              {title}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('bidding.filter.language')} value={filters.language} onChange={(e) => setFilter({ language: e.target.value })}>
          <option value="">{t('bidding.filter.allLanguages')}</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l, i18n.language)}
            </option>
          ))}
        </SelectField>
        <CountrySelect
          label={t('bidding.filter.country')}
          emptyLabel={t('bidding.filter.allCountries')}
          value={filters.country}
          onChange={(e) => setFilter({ country: e.target.value })}
        />
        <SelectField
          label={t('bidding.filter.bid')}
          value={filters.bid}
          onChange={(e) => setFilter({ bid: e.target.value as BiddingFilters['bid'] })}
        >
          <option value="">{t('bidding.filter.allBids')}</option>
          <option value="none">{t('bidding.filter.none')}</option>
          {BID_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`bidding.level.${level}`)}
            </option>
          ))}
        </SelectField>
      </form>

      {bidding.isPending ? (
        <LoadingState />
      ) : bidding.isError ? (
        <ErrorState error={bidding.error} onRetry={() => void bidding.refetch()} />
      ) : bidding.data.items.length === 0 ? (
        <EmptyState title={t('bidding.empty')}>{Object.values(filters).some(Boolean) ? t('bidding.emptyFiltered') : null}</EmptyState>
      ) : (
        <>
          <ul className="rv-bid-list" aria-busy={bidding.isFetching || undefined}>
            {bidding.data.items.map((p) => (
              <li key={p.id}>
                <BidItem roundId={roundId} practice={p} themes={themes} writable={writable} />
              </li>
            ))}
          </ul>
          <Pagination
            page={bidding.data.page}
            pageSize={bidding.data.page_size}
            total={bidding.data.total}
            totalIsEstimate={bidding.data.total_is_estimate}
            onPageChange={setPage}
            label={t('bidding.pagination')}
          />
        </>
      )}
    </>
  );
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * One practice with the reviewer's bid as a radio group. A choice is saved at once; choices made
 * while a save runs are sent one after the other, so the last choice is the one kept.
 */
function BidItem({
  roundId,
  practice,
  themes,
  writable,
}: {
  roundId: string;
  practice: BiddingPractice;
  themes: Map<string, string>;
  writable: boolean;
}) {
  const { t, i18n } = useReviewTranslation();
  const save = useSaveBid(roundId);
  // undefined: show the server's bid; otherwise the level last chosen here (null: cleared).
  const [chosen, setChosen] = useState<BidLevel | null | undefined>(undefined);
  const [state, setState] = useState<SaveState>('idle');
  const wanted = useRef<BidLevel | null>(null);
  const running = useRef(false);
  const shown = chosen === undefined ? (practice.bid ?? null) : chosen;

  const run = async (level: BidLevel | null) => {
    running.current = true;
    let ok = true;
    try {
      await save.mutateAsync({ practiceId: practice.id, level });
    } catch {
      ok = false;
    }
    running.current = false;
    if (wanted.current !== level) {
      void run(wanted.current);
      return;
    }
    setState(ok ? 'saved' : 'failed');
  };

  const choose = (level: BidLevel | null) => {
    wanted.current = level;
    setChosen(level);
    setState('saving');
    if (!running.current) void run(level);
  };

  const titleId = `bid-${practice.id}-title`;
  return (
    <article className="card rv-bid-item" aria-labelledby={titleId}>
      <h2 id={titleId} className="h3">
        {practice.title}
      </h2>
      <p className="rv-bid-meta">
        <span>{practice.organisation_name}</span>
        {' · '}
        <span>{countryName(practice.country, i18n.language)}</span>
        {' · '}
        <span>{t('bidding.writtenIn', { language: languageName(practice.language, i18n.language) })}</span>
      </p>
      {practice.themes.length > 0 && (
        <BadgeList label={t('bidding.themes')}>
          {practice.themes.map((k) => (
            <Badge key={k} tone="accent">
              {themes.get(k) ?? k}
            </Badge>
          ))}
        </BadgeList>
      )}
      {practice.summary && <p className="rv-bid-summary">{practice.summary}</p>}
      <RadioCards
        name={`bid-${practice.id}`}
        legend={
          <>
            {t('bidding.yourBid')}{' '}
            <span className="visually-hidden">— {practice.title}</span>
          </>
        }
        options={BID_LEVELS.map((level) => ({ value: level, label: t(`bidding.level.${level}`) }))}
        value={shown}
        onChange={(v) => choose(v as BidLevel)}
        disabled={!writable}
        layout="row"
        className="rv-bid-choice"
      >
        <div className="rv-bid-status">
          {writable && shown !== null && (
            <Button size="sm" variant="ghost" onClick={() => choose(null)}>
              {t('bidding.clear')}{' '}
              <span className="visually-hidden">— {practice.title}</span>
            </Button>
          )}
          <span role="status" className={state === 'failed' ? 'rv-bid-failed' : 'muted'}>
            {state === 'saving' && t('bidding.saving')}
            {state === 'saved' && (shown === null ? t('bidding.cleared') : t('bidding.saved'))}
            {state === 'failed' && t('bidding.failed')}
          </span>
          {state === 'failed' && (
            <Button size="sm" onClick={() => choose(wanted.current)}>
              {t('bidding.retry')}
            </Button>
          )}
        </div>
      </RadioCards>
    </article>
  );
}
