import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { countryName } from '@/lib/format';
import type { Flow } from '../api/types';
import { DASHBOARD_NAMESPACES } from '../dashboard-namespaces';

export interface FlowMatrixData {
  from: string[];
  to: string[];
  counts: Map<string, number>;
  max: number;
}

/** The flows as a matrix: source countries down, adopting countries across. */
export function flowMatrix(flows: readonly Flow[]): FlowMatrixData {
  const counts = new Map<string, number>();
  for (const f of flows) {
    const key = `${f.from_country}>${f.to_country}`;
    counts.set(key, (counts.get(key) ?? 0) + f.count);
  }
  return {
    from: [...new Set(flows.map((f) => f.from_country))].sort(),
    to: [...new Set(flows.map((f) => f.to_country))].sort(),
    counts,
    max: Math.max(0, ...counts.values()),
  };
}

/** A cell's background: the more adaptations, the stronger the colour. */
function cellStyle(count: number, max: number): { background?: string; color?: string } {
  if (!count || !max) return {};
  const strength = 0.18 + 0.82 * (count / max);
  return { background: `rgba(11, 92, 107, ${strength.toFixed(2)})`, color: strength > 0.55 ? '#ffffff' : '#17212b' };
}

/** How many flows the ranked list shows before "show all": a programme can have hundreds. */
export const RANKED_FLOWS_SHOWN = 10;

/**
 * Where practices travelled: a heat map of adaptations from the country of the source practice to
 * the adopting country, as a real table (row and column headers, a caption), and the same flows as
 * a ranked list.
 */
export function FlowMatrix({ flows }: { flows: readonly Flow[] }) {
  const { t, i18n } = useTranslation(DASHBOARD_NAMESPACES, { nsMode: 'fallback' });
  const lang = i18n.language;
  const [showAll, setShowAll] = useState(false);
  const m = useMemo(() => flowMatrix(flows), [flows]);
  const ranked = useMemo(() => [...m.counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])), [m]);
  if (flows.length === 0) return <p className="muted">{t('dashboard.flow.empty')}</p>;
  const name = (c: string) => `${countryName(c, lang)} (${c})`;
  const shown = showAll ? ranked : ranked.slice(0, RANKED_FLOWS_SHOWN);
  return (
    <div className="flow-matrix-block">
      <div className="table-scroll" role="region" aria-labelledby="flow-matrix-caption" tabIndex={0}>
        <table className="table flow-matrix">
          <caption id="flow-matrix-caption" className="table-caption">
            {t('dashboard.flow.caption')}
          </caption>
          <thead>
            <tr>
              {/* The header of the column of source countries: a cell, not data without a header. */}
              <th scope="col" className="flow-corner">
                {t('dashboard.flow.corner')}
              </th>
              {m.to.map((c) => (
                <th key={c} scope="col" title={countryName(c, lang)}>
                  <span className="visually-hidden">{t('dashboard.flow.toCountry', { country: countryName(c, lang) })} </span>
                  <span aria-hidden="true">{c}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.from.map((from) => (
              <tr key={from}>
                <th scope="row" title={countryName(from, lang)}>
                  <span className="visually-hidden">{t('dashboard.flow.fromCountry', { country: countryName(from, lang) })} </span>
                  <span aria-hidden="true">{from}</span>
                </th>
                {m.to.map((to) => {
                  const count = m.counts.get(`${from}>${to}`) ?? 0;
                  return (
                    <td
                      key={to}
                      className={count ? 'flow-cell flow-cell-filled' : 'flow-cell'}
                      style={cellStyle(count, m.max)}
                      title={t('dashboard.flow.cellTitle', { from: countryName(from, lang), to: countryName(to, lang), count })}
                      data-flow={`${from}-${to}`}
                    >
                      {count || <span className="visually-hidden">0</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flow-ranked">
        <h4 id="flow-ranked-title" className="subheading">
          {t('dashboard.flow.ranked')}
        </h4>
        <ol className="flow-list" aria-labelledby="flow-ranked-title">
          {shown.map(([key, count]) => {
            const [from, to] = key.split('>');
            return (
              <li key={key} className="flow-item">
                <span className="flow-route">
                  {name(from)} <span aria-hidden="true">→</span>
                  <span className="visually-hidden"> {t('dashboard.flow.to')} </span> {name(to)}
                </span>
                <span className="flow-count">{t('dashboard.flow.count', { count })}</span>
              </li>
            );
          })}
        </ol>
        {ranked.length > RANKED_FLOWS_SHOWN && (
          <Button variant="ghost" size="sm" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
            {showAll ? t('dashboard.flow.showTop', { top: RANKED_FLOWS_SHOWN }) : t('dashboard.flow.showAll', { total: ranked.length })}
          </Button>
        )}
      </div>
    </div>
  );
}
