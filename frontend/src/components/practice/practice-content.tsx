import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Keyed, Practice, Translation } from '@/api/types';
import { Badge } from '@/components/ui/badge';
import { languageName } from '@/lib/format';
import { useVocabulary } from '@/lib/vocabulary';

/**
 * What reading a practice needs: its text, products and translations. Both a practice and a
 * frozen revision of it (see `readableFromSnapshot`) have this shape.
 */
export type ReadablePractice = Pick<
  Practice,
  | 'title'
  | 'summary'
  | 'language'
  | 'products'
  | 'translations'
  | 'context'
  | 'approach'
  | 'resources'
  | 'scale'
  | 'evidence'
  | 'outcomes'
  | 'transferability'
  | 'lessons_learned'
  | 'learning_questions'
  | 'links'
  | 'contact'
>;

/** A small padlock: core elements are locked when a product is adapted. */
export function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

export type TextFieldName = 'title' | 'summary' | 'context' | 'approach' | 'resources' | 'outcomes' | 'transferability' | 'lessons_learned';

export interface ShownText {
  value: string;
  /** The language the text is really in (the original's when the translation lacks it). */
  lang: string;
  /** A translation was chosen but has no text here: the original is shown. */
  fallback: boolean;
}

/**
 * Reads a practice in one of its languages: the translation's text where there is some, the
 * original's per field where there is none.
 */
export function localise(practice: ReadablePractice, lang: string) {
  const translation: Translation | undefined =
    lang && lang !== practice.language ? practice.translations.find((tr) => tr.language === lang) : undefined;
  const text = (field: TextFieldName): ShownText => {
    const translated = translation?.[field];
    if (translation && translated && translated.trim()) return { value: translated, lang: translation.language, fallback: false };
    return { value: practice[field] ?? '', lang: practice.language, fallback: !!translation };
  };
  const learningQuestions = (practice.learning_questions ?? []).map((q, i): ShownText => {
    const translated = translation?.learning_questions?.[i];
    if (translation && translated && translated.trim()) return { value: translated, lang: translation.language, fallback: false };
    return { value: q, lang: practice.language, fallback: !!translation };
  });
  const product = (id: string, field: 'name' | 'description', original: string): ShownText => {
    const translated = translation?.products?.find((p) => p.id === id)?.[field];
    if (translation && translated && translated.trim()) return { value: translated, lang: translation.language, fallback: false };
    return { value: original, lang: practice.language, fallback: !!translation && !!original };
  };
  return { translation, text, learningQuestions, product };
}

/** Paragraphs separated by blank lines; single line breaks are kept. */
export function Prose({ text, lang, className }: { text: string; lang?: string; className?: string }) {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className={`prose ${className ?? ''}`} lang={lang}>
      {paragraphs.map((para, i) => (
        <p key={i} className="prose-paragraph">
          {para}
        </p>
      ))}
    </div>
  );
}

function FallbackNote({ shown }: { shown: ShownText }) {
  const { t, i18n } = useTranslation();
  if (!shown.fallback) return null;
  return <p className="fallback-note">{t('practices.view.fallback', { language: languageName(shown.lang, i18n.language) })}</p>;
}

function TextBlock({ shown }: { shown: ShownText }) {
  return (
    <>
      <FallbackNote shown={shown} />
      <Prose text={shown.value} lang={shown.lang} />
    </>
  );
}

export const SECTION_IDS = {
  context: 'section-context',
  approach: 'section-approach',
  products: 'section-products',
  resources: 'section-resources',
  evidence: 'section-evidence',
  outcomes: 'section-outcomes',
  transferability: 'section-transferability',
  lessons: 'section-lessons',
  questions: 'section-questions',
  links: 'section-links',
  contact: 'section-contact',
} as const;

type SectionKey = keyof typeof SECTION_IDS;

function Section({ id, title, children }: { id: SectionKey; title: string; children: ReactNode }) {
  return (
    <section className="practice-section" id={SECTION_IDS[id]} aria-labelledby={`${SECTION_IDS[id]}-title`}>
      {/* Focusable from script only: the contents move focus here, so reading goes on from the heading. */}
      <h2 id={`${SECTION_IDS[id]}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The sections of a practice that have content, in reading order (for the page's contents). */
export function presentSections(practice: ReadablePractice): SectionKey[] {
  const has = (s?: string | null) => !!s && !!s.trim();
  const scale = practice.scale ?? {};
  const evidence: Partial<NonNullable<typeof practice.evidence>> = practice.evidence ?? {};
  const out: SectionKey[] = [];
  if (has(practice.context)) out.push('context');
  if (has(practice.approach)) out.push('approach');
  if (practice.products.length) out.push('products');
  if (has(practice.resources) || scale.participants != null || scale.sites != null || scale.since_year != null) out.push('resources');
  if (has(evidence.level) || has(evidence.description) || evidence.indicators?.length) out.push('evidence');
  if (has(practice.outcomes)) out.push('outcomes');
  if (has(practice.transferability)) out.push('transferability');
  if (has(practice.lessons_learned)) out.push('lessons');
  if (practice.learning_questions?.length) out.push('questions');
  if (practice.links?.length) out.push('links');
  if (has(practice.contact?.name) || has(practice.contact?.email)) out.push('contact');
  return out;
}

export const SECTION_TITLE_KEYS: Record<SectionKey, string> = {
  context: 'practices.sections.context',
  approach: 'practices.sections.approach',
  products: 'practices.sections.products',
  resources: 'practices.sections.resources',
  evidence: 'practices.sections.evidence',
  outcomes: 'practices.sections.outcomes',
  transferability: 'practices.sections.transferability',
  lessons: 'practices.sections.lessonsLearned',
  questions: 'practices.sections.learningQuestions',
  links: 'practices.sections.links',
  contact: 'practices.sections.contact',
};

interface PracticeContentProps {
  practice: ReadablePractice;
  /** The language to read in: the original's code or one of the translations'. */
  lang: string;
}

/** Every section of a practice, grouped as the shared structure has them. */
export function PracticeContent({ practice, lang }: PracticeContentProps) {
  const { t, i18n } = useTranslation();
  const view = localise(practice, lang);
  const sections = presentSections(practice);
  const scale = practice.scale ?? {};
  const evidence: Partial<NonNullable<typeof practice.evidence>> = practice.evidence ?? {};
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const title = (key: SectionKey) => t(SECTION_TITLE_KEYS[key]);

  if (sections.length === 0) {
    return <p className="muted">{t('practices.view.noSections')}</p>;
  }

  return (
    <div className="practice-content">
      {sections.includes('context') && (
        <Section id="context" title={title('context')}>
          <TextBlock shown={view.text('context')} />
        </Section>
      )}
      {sections.includes('approach') && (
        <Section id="approach" title={title('approach')}>
          <TextBlock shown={view.text('approach')} />
        </Section>
      )}
      {sections.includes('products') && (
        <Section id="products" title={title('products')}>
          <ul className="product-list">
            {practice.products.map((product) => {
              const name = view.product(product.id, 'name', product.name);
              const description = view.product(product.id, 'description', product.description);
              return (
                <li key={product.id} className="product-card">
                  <div className="product-card-head">
                    <h3 lang={name.lang}>{name.value}</h3>
                    <Badge tone="accent">{t(`practices.productKinds.${product.kind}`)}</Badge>
                  </div>
                  {description.value && <TextBlock shown={description} />}
                  {product.core_elements.length > 0 && (
                    <div className="core-elements">
                      <h4 className="core-elements-title">
                        <LockIcon />
                        {t('practices.view.coreElements')}
                      </h4>
                      <p className="core-elements-hint">{t('practices.view.coreElementsHint')}</p>
                      <ul lang={practice.language}>
                        {product.core_elements.map((element, i) => (
                          <li key={i}>{element}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </Section>
      )}
      {sections.includes('resources') && (
        <Section id="resources" title={title('resources')}>
          {practice.resources && <TextBlock shown={view.text('resources')} />}
          {(scale.participants != null || scale.sites != null || scale.since_year != null) && (
            <dl className="fact-row">
              {scale.participants != null && (
                <div>
                  <dt>{t('practices.fields.participants')}</dt>
                  <dd>{number(scale.participants)}</dd>
                </div>
              )}
              {scale.sites != null && (
                <div>
                  <dt>{t('practices.fields.sites')}</dt>
                  <dd>{number(scale.sites)}</dd>
                </div>
              )}
              {scale.since_year != null && (
                <div>
                  <dt>{t('practices.fields.sinceYear')}</dt>
                  <dd>{scale.since_year}</dd>
                </div>
              )}
            </dl>
          )}
        </Section>
      )}
      {sections.includes('evidence') && (
        <Section id="evidence" title={title('evidence')}>
          {evidence.level && (
            <p>
              <span className="label-inline">{t('practices.fields.evidenceLevel')}: </span>
              <Badge tone="info">{t(`practices.evidence.${evidence.level}`)}</Badge>
            </p>
          )}
          {evidence.description && <Prose text={evidence.description} lang={practice.language} />}
          {evidence.indicators && evidence.indicators.length > 0 && (
            <>
              <h3 className="h3 subheading">{t('practices.fields.indicators')}</h3>
              <ul className="bullet-list" lang={practice.language}>
                {evidence.indicators.map((indicator, i) => (
                  <li key={i}>{indicator}</li>
                ))}
              </ul>
            </>
          )}
        </Section>
      )}
      {sections.includes('outcomes') && (
        <Section id="outcomes" title={title('outcomes')}>
          <TextBlock shown={view.text('outcomes')} />
        </Section>
      )}
      {sections.includes('transferability') && (
        <Section id="transferability" title={title('transferability')}>
          <TextBlock shown={view.text('transferability')} />
        </Section>
      )}
      {sections.includes('lessons') && (
        <Section id="lessons" title={title('lessons')}>
          <TextBlock shown={view.text('lessons_learned')} />
        </Section>
      )}
      {sections.includes('questions') && (
        <Section id="questions" title={title('questions')}>
          <p className="muted">{t('practices.view.learningQuestionsHint')}</p>
          <ol className="question-list">
            {view.learningQuestions.map((q, i) => (
              <li key={i} lang={q.lang}>
                {q.value}
              </li>
            ))}
          </ol>
        </Section>
      )}
      {sections.includes('links') && (
        <Section id="links" title={title('links')}>
          <ul className="bullet-list">
            {(practice.links ?? []).map((link, i) => (
              <li key={i}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                  <span className="visually-hidden"> {t('practices.view.opensInNewTab')}</span>
                </a>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {sections.includes('contact') && (
        <Section id="contact" title={title('contact')}>
          <p>
            {practice.contact?.name}
            {practice.contact?.email && (
              <>
                {practice.contact?.name && <br />}
                <a href={`mailto:${practice.contact.email}`}>{practice.contact.email}</a>
              </>
            )}
          </p>
        </Section>
      )}
    </div>
  );
}

/** The nearest ancestor that scrolls by itself (a reading column), if any. */
function scrollingAncestor(el: HTMLElement): HTMLElement | null {
  for (let parent = el.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = window.getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') return parent;
  }
  return null;
}

/**
 * The practice's sections as an in-page navigation. A link brings its section to the top of
 * whatever scrolls it (a reading column, else the page), leaving anything beside it where it is,
 * and moves focus to the section's heading.
 */
export function PracticeContentsNav({ practice, className, title = true }: { practice: ReadablePractice; className?: string; title?: boolean }) {
  const { t } = useTranslation();
  const sections = presentSections(practice);
  const go = (e: MouseEvent<HTMLAnchorElement>, key: SectionKey) => {
    const heading = document.getElementById(`${SECTION_IDS[key]}-title`);
    if (!heading) return;
    e.preventDefault();
    const column = scrollingAncestor(heading);
    if (column) {
      column.scrollTop += heading.getBoundingClientRect().top - column.getBoundingClientRect().top - 12;
      // Only if the column itself is partly out of the window.
      heading.scrollIntoView?.({ block: 'nearest' });
    } else {
      heading.scrollIntoView?.({ block: 'start' });
    }
    heading.focus({ preventScroll: true });
  };
  return (
    <nav className={className} aria-label={t('practices.view.contents')}>
      {title && <h2 className="h3">{t('practices.view.contents')}</h2>}
      <ol>
        {sections.map((s) => (
          <li key={s}>
            <a href={`#${SECTION_IDS[s]}`} onClick={(e) => go(e, s)}>
              {t(SECTION_TITLE_KEYS[s])}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Theme or target group titles from the programme; unknown keys are left out. */
export function KeyedChips({ keys, vocabulary, label }: { keys: readonly string[]; vocabulary: readonly Keyed[] | undefined; label: string }) {
  const { title } = useVocabulary();
  const items = keys.map((key) => vocabulary?.find((v) => v.key === key)).filter((v): v is Keyed => !!v);
  if (items.length === 0) return null;
  return (
    <ul className="chip-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className="chip">
          {title(item)}
        </li>
      ))}
    </ul>
  );
}

/** The choice of language to read a practice in: the original and each translation. */
export function ReadingLanguageSwitch({ practice, value, onChange }: { practice: ReadablePractice; value: string; onChange: (lang: string) => void }) {
  const { t } = useTranslation();
  if (practice.translations.length === 0) return null;
  const options = [
    { lang: practice.language, note: t('practices.original') },
    ...practice.translations
      .filter((tr) => tr.language !== practice.language)
      .map((tr) => ({ lang: tr.language, note: t(`practices.translationStatus.${tr.status}`) })),
  ];
  return (
    <fieldset className="reading-language">
      <legend className="reading-language-legend">{t('practices.view.readIn')}</legend>
      <div className="segmented">
        {options.map((o) => (
          <label key={o.lang} className={o.lang === value ? 'segment active' : 'segment'}>
            <input type="radio" name="reading-language" value={o.lang} checked={o.lang === value} onChange={() => onChange(o.lang)} />
            <span lang={o.lang}>{languageName(o.lang, o.lang)}</span>
            <span className="segment-note">{o.note}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Says which text is shown when a translation is chosen. */
export function TranslationNotice({ practice, lang }: { practice: ReadablePractice; lang: string }) {
  const { t, i18n } = useTranslation();
  const translation = lang !== practice.language ? practice.translations.find((tr) => tr.language === lang) : undefined;
  if (!translation) return null;
  const values = { language: languageName(translation.language, i18n.language), original: languageName(practice.language, i18n.language) };
  return (
    <p className={`alert ${translation.status === 'machine' ? 'alert-warning' : 'alert-info'} translation-notice`} role="status">
      {translation.status === 'machine' ? t('practices.view.machineNotice', values) : t('practices.view.verifiedNotice', values)}
    </p>
  );
}
