import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Practice, Programme } from '@/api/types';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/form-fields';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { formatDateTime } from '@/lib/format';
import { useRevisionComparison, useRevisions } from '../api/practices';
import { RevisionDiff } from './revision-diff';

/** The revisions frozen at each submission, and a comparison of any two of them. */
export function RevisionHistory({ practice, programme }: { practice: Practice; programme?: Programme }) {
  const { t, i18n } = useTranslation();
  const revisions = useRevisions(practice.id, practice.revision > 0);
  const items = revisions.data?.items ?? [];
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('');
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const comparison = useRevisionComparison(practice.id, compared?.to ?? null, compared?.from ?? null);

  if (practice.revision === 0) return null;

  const newest = items[0]?.number;
  const previous = items[1]?.number;
  const fromValue = from || (previous ? String(previous) : '');
  const toValue = to || (newest ? String(newest) : '');

  const compare = (e: FormEvent) => {
    e.preventDefault();
    if (!fromValue || !toValue || fromValue === toValue) {
      setError(t('practices.revisions.chooseTwo'));
      return;
    }
    setError(null);
    setCompared({ from: Number(fromValue), to: Number(toValue) });
  };

  return (
    <section className="practice-block" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('practices.revisions.title')}</h2>
      <p className="muted">{t('practices.revisions.lead')}</p>
      {revisions.isPending ? (
        <LoadingState />
      ) : revisions.isError ? (
        <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : (
        <>
          <ol className="revision-list">
            {items.map((r) => (
              <li key={r.number}>
                <span className="revision-number">{t('practices.revisions.number', { n: r.number })}</span>{' '}
                <time dateTime={r.created_at} className="muted">
                  {formatDateTime(r.created_at, i18n.language)}
                </time>
              </li>
            ))}
          </ol>
          {items.length < 2 ? (
            <p className="muted">{t('practices.revisions.onlyOne')}</p>
          ) : (
            <form className="compare-form" onSubmit={compare} noValidate>
              <SelectField label={t('practices.revisions.from')} value={fromValue} onChange={(e) => setFrom(e.target.value)} error={error ?? undefined}>
                {items.map((r) => (
                  <option key={r.number} value={r.number}>
                    {t('practices.revisions.number', { n: r.number })}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('practices.revisions.to')} value={toValue} onChange={(e) => setTo(e.target.value)}>
                {items.map((r) => (
                  <option key={r.number} value={r.number}>
                    {t('practices.revisions.number', { n: r.number })}
                  </option>
                ))}
              </SelectField>
              <Button type="submit">{t('practices.revisions.compare')}</Button>
            </form>
          )}
          <div aria-live="polite" aria-busy={comparison.isFetching || undefined}>
            {compared &&
              (comparison.isPending ? (
                <LoadingState />
              ) : comparison.isError ? (
                <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
              ) : (
                <RevisionDiff
                  changes={comparison.data.changes ?? []}
                  from={compared.from}
                  to={compared.to}
                  vocabulary={{ themes: programme?.themes, targetGroups: programme?.target_groups }}
                />
              ))}
          </div>
        </>
      )}
    </section>
  );
}
