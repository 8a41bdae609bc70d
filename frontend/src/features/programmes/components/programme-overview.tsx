import { useTranslation } from 'react-i18next';
import type { Keyed } from '@/api/types';
import { useVocabulary } from '@/lib/vocabulary';
import { formatDate, languageName } from '@/lib/format';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .map((para) => para.trim())
        .filter(Boolean)
        .map((para, i) => (
          <p key={i} className="prose-paragraph">
            {para}
          </p>
        ))}
    </>
  );
}

function KeyedList({ items, empty }: { items: Keyed[]; empty: string }) {
  const { title } = useVocabulary();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="chip-list">
      {items.map((item) => (
        <li key={item.key} className="chip" title={item.key}>
          {title(item)}
        </li>
      ))}
    </ul>
  );
}

export function ProgrammeOverview() {
  const { t, i18n } = useTranslation();
  const { programme: p } = useProgrammeOutlet();
  const text = useVocabulary().programme(p);
  useDocumentTitle(text.name);
  const none = t('programmes.overview.none');
  return (
    <div className="overview-grid">
      <section className="overview-main" aria-labelledby="overview-description">
        <h2 id="overview-description">{t('fields.description')}</h2>
        {text.description ? <Paragraphs text={text.description} /> : <p className="muted">{none}</p>}
        <h2>{t('fields.objective')}</h2>
        {text.objective ? <Paragraphs text={text.objective} /> : <p className="muted">{none}</p>}
        <h2>{t('fields.themes')}</h2>
        <KeyedList items={p.themes} empty={none} />
        <h2>{t('fields.targetGroups')}</h2>
        <KeyedList items={p.target_groups} empty={none} />
      </section>
      <aside className="overview-aside card" aria-labelledby="overview-facts">
        <h2 id="overview-facts" className="h3">
          {t('programmes.overview.facts')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('fields.startsOn')}</dt>
            <dd>{formatDate(p.starts_on, i18n.language) || none}</dd>
          </div>
          <div>
            <dt>{t('fields.endsOn')}</dt>
            <dd>{formatDate(p.ends_on, i18n.language) || none}</dd>
          </div>
          <div>
            <dt>{t('fields.languages')}</dt>
            <dd>{p.languages.length ? p.languages.map((l) => languageName(l, i18n.language)).join(', ') : none}</dd>
          </div>
          <div>
            <dt>{t('fields.publicCatalogue')}</dt>
            <dd>{p.public_catalogue ? t('common.yes') : t('common.no')}</dd>
          </div>
        </dl>
      </aside>
    </div>
  );
}
