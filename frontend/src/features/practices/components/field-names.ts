import type { TFunction } from 'i18next';
import { languageName } from '@/lib/format';

/** Labels of the practice's fields, by their JSON name (the last part of a path). */
const FIELD_LABEL_KEYS: Record<string, string> = {
  title: 'fields.title',
  summary: 'practices.fields.summary',
  language: 'fields.language',
  country: 'fields.country',
  themes: 'fields.themes',
  target_groups: 'fields.targetGroups',
  context: 'practices.sections.context',
  approach: 'practices.sections.approach',
  resources: 'practices.fields.resources',
  scale: 'practices.fields.scale',
  participants: 'practices.fields.participants',
  sites: 'practices.fields.sites',
  since_year: 'practices.fields.sinceYear',
  evidence: 'practices.sections.evidence',
  level: 'practices.fields.level',
  description: 'fields.description',
  indicators: 'practices.fields.indicators',
  outcomes: 'practices.sections.outcomes',
  transferability: 'practices.sections.transferability',
  lessons_learned: 'practices.sections.lessonsLearned',
  learning_questions: 'practices.sections.learningQuestions',
  links: 'practices.sections.links',
  url: 'practices.fields.url',
  contact: 'practices.sections.contact',
  name: 'fields.name',
  email: 'fields.email',
  products: 'practices.sections.products',
  kind: 'fields.kind',
  core_elements: 'practices.view.coreElements',
  status: 'fields.status',
  translations: 'practices.fields.translations',
  call_id: 'practices.call.label',
};

/** Paths whose whole name reads better than its parts. */
const WHOLE_PATH_KEYS: Record<string, string> = {
  'evidence.level': 'practices.fields.evidenceLevel',
  'contact.name': 'practices.fields.contactName',
  'contact.email': 'practices.fields.contactEmail',
};

function humanise(name: string): string {
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function label(name: string, t: TFunction): string {
  const key = FIELD_LABEL_KEYS[name];
  return key ? t(key) : humanise(name);
}

/**
 * A field path as the API reports it (`evidence.level`, `products[0].core_elements`,
 * `translations.en.title`) in words: "Evidence level", "Product 1 › Core elements",
 * "English translation › Title".
 */
export function describeFieldPath(path: string, t: TFunction, uiLanguage: string): string {
  if (WHOLE_PATH_KEYS[path]) return t(WHOLE_PATH_KEYS[path]);
  const parts: string[] = [];
  const segments = path.split('.');
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    if (segment === 'translations' && i + 1 < segments.length) {
      parts.push(t('practices.fields.translationIn', { language: languageName(segments[i + 1], uiLanguage) }));
      i += 1;
      continue;
    }
    const indexed = /^([a-z_]+)\[(\d+)\]$/.exec(segment);
    if (indexed) {
      const [, name, index] = indexed;
      const n = Number(index) + 1;
      const itemKey: Record<string, string> = {
        products: 'practices.fields.productN',
        links: 'practices.fields.linkN',
        learning_questions: 'practices.fields.questionN',
        indicators: 'practices.fields.indicatorN',
        core_elements: 'practices.fields.coreElementN',
      };
      parts.push(itemKey[name] ? t(itemKey[name], { n }) : `${label(name, t)} ${n}`);
      continue;
    }
    const rest = segments.slice(i).join('.');
    if (WHOLE_PATH_KEYS[rest]) {
      parts.push(t(WHOLE_PATH_KEYS[rest]));
      break;
    }
    parts.push(label(segment, t));
  }
  return parts.join(' › ');
}

/** Where each field lives in the editor, so that a message about it can take the user there. */
export const EDITOR_FIELD_IDS: Record<string, string> = {
  title: 'practice-title',
  summary: 'practice-summary',
  language: 'practice-language',
  country: 'practice-country',
  themes: 'practice-themes',
  target_groups: 'practice-target-groups',
  context: 'practice-context',
  approach: 'practice-approach',
  resources: 'practice-resources',
  'scale.participants': 'practice-participants',
  'scale.sites': 'practice-sites',
  'scale.since_year': 'practice-since-year',
  'evidence.level': 'practice-evidence-level',
  'evidence.description': 'practice-evidence-description',
  'evidence.indicators': 'practice-indicators',
  outcomes: 'practice-outcomes',
  transferability: 'practice-transferability',
  lessons_learned: 'practice-lessons-learned',
  learning_questions: 'practice-learning-questions',
  links: 'practice-links',
  'contact.name': 'practice-contact-name',
  'contact.email': 'practice-contact-email',
  products: 'practice-products',
  call_id: 'practice-call',
};

/** The editor element for a field path (`products[1].name` → the products section). */
export function editorFieldId(path: string): string | undefined {
  if (EDITOR_FIELD_IDS[path]) return EDITOR_FIELD_IDS[path];
  const product = /^products\[(\d+)\]\.(name|kind|description|core_elements)/.exec(path);
  if (product) return `practice-product-${product[1]}-${product[2] === 'core_elements' ? 'core' : product[2]}`;
  const root = path.replace(/\[\d+\].*$/, '').split('.')[0];
  return EDITOR_FIELD_IDS[root];
}
