import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Keyed, Suggestion } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { countryName } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useVocabulary } from '@/lib/vocabulary';
import { useMatches } from '../api/learning';
import { reasonText } from './learning-vocabulary';
import '../learning.css';

/** What the learning profiles suggest to the caller's organisation: `/programmes/:id/matches`. */
export function MatchesPage() {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const { programme } = useProgrammeOutlet();
  const matches = useMatches(programme.id);
  useDocumentTitle(`${t('learning.matches.title')} · ${vocabulary.programme(programme).name}`);
  const profileLink = (
    <Link className="btn btn-secondary" to={`/programmes/${programme.id}/learning`}>
      {t('learning.matches.editProfile')}
    </Link>
  );

  const columns: Column<Suggestion>[] = [
    {
      key: 'suggestion',
      header: t('learning.matches.columns.suggestion'),
      rowHeader: true,
      cell: (s) => <SuggestionTitle suggestion={s} programmeId={programme.id} />,
    },
    { key: 'country', header: t('learning.matches.columns.country'), cell: (s) => countryName(s.organisation.country, i18n.language) },
    { key: 'why', header: t('learning.matches.columns.why'), cell: (s) => <Reasons suggestion={s} themes={programme.themes} /> },
  ];

  return (
    <section aria-labelledby="matches-heading" className="learning">
      <div className="section-header">
        <h2 id="matches-heading">{t('learning.matches.title')}</h2>
        {profileLink}
      </div>
      {matches.isPending ? (
        <LoadingState />
      ) : matches.isError ? (
        <ErrorState error={matches.error} onRetry={() => void matches.refetch()} />
      ) : (
        <>
          <p className="section-lead muted">{t('learning.matches.lead', { organisation: matches.data.organisation.name })}</p>
          {matches.data.suggestions.length === 0 ? (
            <EmptyState title={t('learning.matches.empty')} action={profileLink}>
              {t('learning.matches.emptyHint')}
            </EmptyState>
          ) : (
            <DataTable
              caption={t('learning.matches.caption', { organisation: matches.data.organisation.name })}
              columns={columns}
              rows={matches.data.suggestions}
              rowKey={(s) => `${s.kind}:${s.practice?.id ?? s.organisation.id}`}
              busy={matches.isFetching}
            />
          )}
        </>
      )}
    </section>
  );
}

function SuggestionTitle({ suggestion: s, programmeId }: { suggestion: Suggestion; programmeId: string }) {
  const { t } = useTranslation();
  return (
    <div className="suggestion-title">
      <span className="muted suggestion-kind">{t(`learning.matches.kind.${s.kind}`)}</span>
      {s.practice ? (
        <>
          <Link to={`/practices/${s.practice.id}`}>{s.practice.title}</Link>
          <span className="muted">{t('learning.matches.byOrganisation', { organisation: s.organisation.name })}</span>
        </>
      ) : (
        <>
          <span className="suggestion-name">{s.organisation.name}</span>
          <Link to={`/programmes/${programmeId}/practices?organisation_id=${s.organisation.id}`}>
            {t('learning.matches.theirPractices', { organisation: s.organisation.name })}
          </Link>
        </>
      )}
      {s.reciprocal && <Badge tone="success">{t('learning.matches.reciprocalBadge')}</Badge>}
    </div>
  );
}

function Reasons({ suggestion, themes }: { suggestion: Suggestion; themes: readonly Keyed[] }) {
  const { t } = useTranslation();
  const { lang } = useVocabulary();
  const texts = suggestion.reasons.map((r) => reasonText(r, suggestion.kind, themes, lang, t)).filter((x): x is string => !!x);
  return (
    <ul className="suggestion-reasons">
      {texts.map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}
