import { useTranslation } from 'react-i18next';
import type { Keyed, LearningMap } from '@/api/types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { countryName } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useVocabulary } from '@/lib/vocabulary';
import { useLearningMap } from '../api/learning';
import '../learning.css';

type Pair = LearningMap['pairs'][number];
type Cell = LearningMap['cells'][number];

/** Offers and wants by theme and country, and the country pairs (coordinators): `/programmes/:id/learning-map`. */
export function LearningMapPage() {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const { programme } = useProgrammeOutlet();
  const map = useLearningMap(programme.id);
  useDocumentTitle(`${t('learning.map.title')} · ${vocabulary.programme(programme).name}`);

  return (
    <section aria-labelledby="learning-map-heading" className="learning">
      <h2 id="learning-map-heading">{t('learning.map.title')}</h2>
      <p className="section-lead muted">{t('learning.map.lead')}</p>
      {map.isPending ? (
        <LoadingState />
      ) : map.isError ? (
        <ErrorState error={map.error} onRetry={() => void map.refetch()} />
      ) : map.data.countries.length === 0 ? (
        <EmptyState title={t('learning.map.empty')}>{t('learning.map.emptyHint')}</EmptyState>
      ) : (
        <>
          <HeatTable map={map.data} themes={programme.themes} />
          <h3>{t('learning.map.pairsTitle')}</h3>
          <PairsTable pairs={map.data.pairs} themes={programme.themes} />
        </>
      )}
    </section>
  );
}

function HeatTable({ map, themes }: { map: LearningMap; themes: readonly Keyed[] }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const cells = new Map<string, Cell>(map.cells.map((c) => [`${c.theme}|${c.country}`, c]));
  const most = Math.max(1, ...map.cells.map((c) => c.wants_some + c.wants_high));
  return (
    <div className="table-block">
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('learning.map.heatCaption')}>
        <table className="table learning-heat">
          <caption className="table-caption">{t('learning.map.heatCaption')}</caption>
          <thead>
            <tr>
              <td />
              {map.countries.map((c) => (
                <th key={c} scope="col">
                  <abbr title={countryName(c, i18n.language)}>{c}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.themes.map((key) => {
              const theme = vocabulary.titleIn(themes, key);
              return (
                <tr key={key}>
                  <th scope="row">{theme}</th>
                  {map.countries.map((country) => {
                    const c = cells.get(`${key}|${country}`);
                    const offers = c?.offers ?? 0;
                    const some = c?.wants_some ?? 0;
                    const high = c?.wants_high ?? 0;
                    // Demand shades the cell (five steps), counting a high want twice.
                    const level = Math.min(4, Math.ceil(((some + 2 * high) / (2 * most)) * 4));
                    return (
                      <td key={country} className={`heat heat-${level}`} data-testid={`cell-${key}-${country}`}>
                        <span aria-hidden="true">
                          {t('learning.map.cell', { offers, wants: some + high })}
                          {high > 0 && <> {t('learning.map.wantsHigh', { count: high })}</>}
                        </span>
                        <span className="visually-hidden">
                          {t('learning.map.cellLabel', { country: countryName(country, i18n.language), theme, offers, some, high })}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('learning.map.legend')}</p>
    </div>
  );
}

function PairsTable({ pairs, themes }: { pairs: Pair[]; themes: readonly Keyed[] }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  if (pairs.length === 0) return <p className="muted">{t('learning.map.pairsEmpty')}</p>;
  const list = (keys: string[]) => keys.map((k) => vocabulary.titleIn(themes, k)).join('; ');
  const columns: Column<Pair>[] = [
    {
      key: 'pair',
      header: t('learning.map.columns.pair'),
      rowHeader: true,
      cell: (p) => t('learning.map.pair', { a: countryName(p.countries[0], i18n.language), b: countryName(p.countries[1], i18n.language) }),
    },
    { key: 'a', header: t('learning.map.columns.aOffersB'), cell: (p) => list(p.a_offers_b) },
    { key: 'b', header: t('learning.map.columns.bOffersA'), cell: (p) => list(p.b_offers_a) },
    { key: 'themes', header: t('learning.map.columns.themes'), cell: (p) => p.themes },
  ];
  return <DataTable caption={t('learning.map.pairsCaption')} columns={columns} rows={pairs} rowKey={(p) => p.countries.join('-')} />;
}
