import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import type { AutoAssignResult, Round } from '@/api/review-types';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-fields';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { countryName, languageName } from '@/lib/format';
import { useReviewTranslation } from '@/lib/use-review-translation';
import { keyedTitle } from '@/lib/vocabulary';
import { useAutoAssign } from '../api/assignments';
import { useRoundProgramme } from '../api/rounds';
import { personName } from '@/lib/person-name';

type Proposed = AutoAssignResult['assignments'][number];
type Unstaffed = AutoAssignResult['unstaffed'][number];

function list(items: string[], language: string): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

/** Why a reviewer was proposed, written from the server's facts in the interface language. */
export function proposalReasons(a: Proposed, themes: Map<string, string>, t: TFunction, language: string): string {
  const r = a.reasons;
  const parts = [
    r.reviewer_country
      ? t('auto.reasons.countries', { reviewer: countryName(r.reviewer_country, language), practice: countryName(r.practice_country, language) })
      : t('auto.reasons.countryUnknown', { practice: countryName(r.practice_country, language) }),
    t('auto.reasons.reads', { languages: list(r.languages.map((l) => languageName(l, language)), language) }),
    r.expertise.length > 0
      ? t('auto.reasons.expertise', { themes: list(r.expertise.map((k) => themes.get(k) ?? k), language) })
      : t('auto.reasons.noExpertise'),
    t('auto.reasons.load', { load: r.load, max: r.max_load }),
  ];
  if (r.shares_country) parts.push(t('auto.reasons.sharesCountry'));
  // Neutral is the same as no bid for the optimiser: only the bids that weighed are mentioned.
  if (r.bid === 'eager' || r.bid === 'willing' || r.bid === 'reluctant') parts.push(t(`auto.reasons.bid.${r.bid}`));
  return parts.join('; ') + '.';
}

/** Why a practice lacks reviewers: how many of the pool each rule keeps off it. */
export function unstaffedReasons(u: Unstaffed, t: TFunction): string {
  if (u.blocked.length === 0) return t('auto.blocked.none', { count: u.found });
  return u.blocked.map((b) => t(`auto.blocked.${b.rule}`, { count: b.count })).join('; ') + '.';
}

/**
 * Automatic assignment: "Preview" asks the server for a proposal (dry run) and shows each
 * proposed pair with the reason it was chosen and every practice that cannot be fully staffed,
 * with why; "Commit" makes the assignments (the server recomputes the same proposal).
 */
export function AutoAssignPanel({ round, practiceTitles }: { round: Round; practiceTitles: Map<string, string> }) {
  const { t, i18n } = useReviewTranslation();
  const toast = useToast();
  const programme = useRoundProgramme(round.programme_id);
  const themes = useMemo(
    () => new Map((programme.data?.data.themes ?? []).map((th) => [th.key, keyedTitle(th, i18n.language)])),
    [programme.data, i18n.language],
  );
  const auto = useAutoAssign(round.id);
  const [result, setResult] = useState<AutoAssignResult | null>(null);
  const writable = round.status === 'draft' || round.status === 'open';

  const run = (dryRun: boolean) =>
    auto.mutate(dryRun, {
      onSuccess: (res) => {
        setResult(res);
        if (!res.dry_run) toast.show(t('auto.committed', { count: res.assignments.length }));
      },
    });

  const title = (id: string, fallback?: string) => fallback || practiceTitles.get(id) || t('auto.unknownPractice');

  return (
    <section className="card rv-auto" aria-labelledby="auto-title">
      <h2 id="auto-title">{t('auto.title')}</h2>
      <p className="muted">{t('auto.lead')}</p>
      <FormAlert message={auto.isError ? describeError(auto.error, t) : null} />
      <div className="row-actions">
        <Button onClick={() => run(true)} disabled={!writable} pending={auto.isPending && auto.variables === true} pendingLabel={t('auto.previewing')}>
          {t('auto.preview')}
        </Button>
        {result?.dry_run && result.assignments.length > 0 && (
          <Button variant="primary" onClick={() => run(false)} pending={auto.isPending && auto.variables === false} pendingLabel={t('auto.committing')}>
            {t('auto.commit', { count: result.assignments.length })}
          </Button>
        )}
        {result && (
          <Button variant="ghost" onClick={() => setResult(null)}>
            {t('auto.discard')}
          </Button>
        )}
      </div>
      {!writable && <p className="muted">{t('auto.notWritable')}</p>}

      <div aria-live="polite">
        {result && (
          <div className="rv-auto-result">
            <h3>
              {result.dry_run ? t('auto.proposed', { count: result.assignments.length }) : t('auto.made', { count: result.assignments.length })}
            </h3>
            {result.assignments.length === 0 ? (
              <p className="muted">{t('auto.nothingToDo')}</p>
            ) : (
              <div className="table-scroll" tabIndex={0} role="region" aria-label={result.dry_run ? t('auto.proposed', { count: result.assignments.length }) : t('auto.made', { count: result.assignments.length })}>
                <table className="table">
                  <caption className="visually-hidden">
                    {result.dry_run ? t('auto.proposed', { count: result.assignments.length }) : t('auto.made', { count: result.assignments.length })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('board.practice')}</th>
                      <th scope="col">{t('auto.reviewer')}</th>
                      <th scope="col">{t('auto.bid')}</th>
                      <th scope="col">{t('auto.why')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.assignments.map((a) => (
                      <tr key={`${a.practice_id}-${a.reviewer_id}`}>
                        <th scope="row">{title(a.practice_id, a.practice_title)}</th>
                        <td>
                          {personName(a.reviewer_name)}{' '}
                          {a.reviewer_country && <span className="country-code">{a.reviewer_country}</span>}
                        </td>
                        <td>{a.reasons.bid ? t(`bidLevel.${a.reasons.bid}`) : t('bidLevel.none')}</td>
                        <td>{proposalReasons(a, themes, t, i18n.language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {result.unstaffed.length > 0 && (
              <>
                <h3>{t('auto.unstaffed', { count: result.unstaffed.length })}</h3>
                <ul className="rv-unstaffed">
                  {result.unstaffed.map((u) => (
                    <li key={u.practice_id}>
                      <strong>{title(u.practice_id)}</strong> — {t('auto.missing', { count: u.missing })}
                      <br />
                      <span>{unstaffedReasons(u, t)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
