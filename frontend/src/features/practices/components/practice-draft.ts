import type { TFunction } from 'i18next';
import type { EvidenceLevel, Practice, PracticeInput, ProductKind } from '@/api/types';
import { newIdempotencyKey } from '@/lib/idempotency';
import { patterns } from '@/lib/validation';

/** The bounds of the API contract for practices, mirrored so most mistakes never leave the browser. */
export const PRACTICE_LIMITS = {
  title: 200,
  summary: 1000,
  longText: 10_000,
  resources: 5000,
  evidenceDescription: 5000,
  indicators: 20,
  indicator: 300,
  learningQuestions: 10,
  learningQuestion: 500,
  links: 20,
  linkTitle: 200,
  url: 500,
  contactName: 200,
  email: 254,
  products: 20,
  productName: 200,
  productDescription: 5000,
  coreElements: 20,
  coreElement: 300,
  participants: 10_000_000,
  sites: 100_000,
  yearMin: 1900,
  yearMax: 2100,
} as const;

/** One line of an editable list; `rowId` is the React key and is never sent. */
export interface ListItem {
  rowId: string;
  value: string;
}

export interface LinkRow {
  rowId: string;
  title: string;
  url: string;
}

export interface ProductDraft {
  rowId: string;
  /** Kept from the server so the product keeps its identity (adaptations refer to it). */
  id?: string;
  name: string;
  kind: ProductKind | '';
  description: string;
  core_elements: ListItem[];
}

/** The editor's state: every field as the user typed it. */
export interface PracticeDraft {
  title: string;
  summary: string;
  language: string;
  country: string;
  themes: string[];
  target_groups: string[];
  context: string;
  approach: string;
  resources: string;
  participants: string;
  sites: string;
  since_year: string;
  evidence_level: EvidenceLevel | '';
  evidence_description: string;
  indicators: ListItem[];
  outcomes: string;
  transferability: string;
  lessons_learned: string;
  learning_questions: ListItem[];
  links: LinkRow[];
  contact_name: string;
  contact_email: string;
  products: ProductDraft[];
  /** The call the practice answers; '' for none. */
  call_id: string;
}

export type LongTextField = 'context' | 'approach' | 'outcomes' | 'transferability' | 'lessons_learned';

export const newRowId = newIdempotencyKey;

export function listItems(values: readonly string[] | undefined): ListItem[] {
  return (values ?? []).map((value) => ({ rowId: newRowId(), value }));
}

export function newProduct(): ProductDraft {
  return { rowId: newRowId(), name: '', kind: '', description: '', core_elements: [] };
}

export function emptyDraft(defaults: { language: string; country: string }): PracticeDraft {
  return {
    title: '',
    summary: '',
    language: defaults.language,
    country: defaults.country,
    themes: [],
    target_groups: [],
    context: '',
    approach: '',
    resources: '',
    participants: '',
    sites: '',
    since_year: '',
    evidence_level: '',
    evidence_description: '',
    indicators: [],
    outcomes: '',
    transferability: '',
    lessons_learned: '',
    learning_questions: [],
    links: [],
    contact_name: '',
    contact_email: '',
    products: [],
    call_id: '',
  };
}

const numberText = (n: number | null | undefined) => (n == null ? '' : String(n));

export function draftFromPractice(p: Practice): PracticeDraft {
  return {
    title: p.title,
    summary: p.summary ?? '',
    language: p.language,
    country: p.country,
    themes: [...p.themes],
    target_groups: [...p.target_groups],
    context: p.context ?? '',
    approach: p.approach ?? '',
    resources: p.resources ?? '',
    participants: numberText(p.scale?.participants),
    sites: numberText(p.scale?.sites),
    since_year: numberText(p.scale?.since_year),
    evidence_level: (p.evidence?.level ?? '') as EvidenceLevel | '',
    evidence_description: p.evidence?.description ?? '',
    indicators: listItems(p.evidence?.indicators),
    outcomes: p.outcomes ?? '',
    transferability: p.transferability ?? '',
    lessons_learned: p.lessons_learned ?? '',
    learning_questions: listItems(p.learning_questions),
    links: (p.links ?? []).map((l) => ({ rowId: newRowId(), title: l.title, url: l.url })),
    contact_name: p.contact?.name ?? '',
    contact_email: p.contact?.email ?? '',
    products: p.products.map((pr) => ({
      rowId: newRowId(),
      id: pr.id,
      name: pr.name,
      kind: pr.kind,
      description: pr.description,
      core_elements: listItems(pr.core_elements),
    })),
    call_id: p.call_id ?? '',
  };
}

const filled = (s: string) => s.trim() !== '';
const values = (items: ListItem[]) => items.map((i) => i.value.trim()).filter(Boolean);
const toNumber = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/** A product row the user added but left empty: nothing to keep, so it is not sent. */
export function isBlankProduct(p: ProductDraft): boolean {
  return !p.id && !filled(p.name) && !filled(p.description) && values(p.core_elements).length === 0;
}

/**
 * The request body for the draft. Empty list lines and untouched new rows are left out (the API
 * refuses blank items); everything else is sent as typed, so nothing the user wrote is dropped.
 */
export function draftToBody(d: PracticeDraft): PracticeInput {
  return {
    title: d.title,
    summary: d.summary,
    language: d.language,
    ...(d.country ? { country: d.country } : {}),
    themes: d.themes,
    target_groups: d.target_groups,
    context: d.context,
    approach: d.approach,
    resources: d.resources,
    scale: { participants: toNumber(d.participants), sites: toNumber(d.sites), since_year: toNumber(d.since_year) },
    evidence: { level: d.evidence_level, description: d.evidence_description, indicators: values(d.indicators) },
    outcomes: d.outcomes,
    transferability: d.transferability,
    lessons_learned: d.lessons_learned,
    learning_questions: values(d.learning_questions),
    links: d.links.filter((l) => filled(l.title) || filled(l.url)).map((l) => ({ title: l.title.trim(), url: l.url.trim() })),
    contact: { name: d.contact_name, email: d.contact_email.trim() },
    products: d.products
      .filter((p) => !isBlankProduct(p))
      .map((p) => ({
        ...(p.id ? { id: p.id } : {}),
        name: p.name,
        kind: (p.kind || 'other') as ProductKind,
        description: p.description,
        core_elements: values(p.core_elements),
      })),
    call_id: d.call_id || null,
  };
}

export interface DraftError {
  message: string;
  /**
   * Shown only once saving or submitting was tried: a missing value or a half-typed address is
   * normal while typing. Text over its limit is shown at once.
   */
  deferred: boolean;
}

export type DraftErrors = Record<string, DraftError>;

/** Checks the draft against the contract's bounds. Keys are API field paths (`products[0].name`). */
export function validateDraft(d: PracticeDraft, t: TFunction): DraftErrors {
  const errors: DraftErrors = {};
  const L = PRACTICE_LIMITS;
  const now = (path: string, message: string) => (errors[path] ??= { message, deferred: false });
  const later = (path: string, message: string) => (errors[path] ??= { message, deferred: true });
  const tooLong = (path: string, value: string, max: number) => {
    if (value.length > max) now(path, t('validation.maxLength', { max }));
  };

  if (!filled(d.title)) later('title', t('validation.required'));
  tooLong('title', d.title, L.title);
  tooLong('summary', d.summary, L.summary);
  if (!patterns.language.test(d.language)) later('language', t('practices.editor.chooseLanguage'));
  for (const field of ['context', 'approach', 'outcomes', 'transferability', 'lessons_learned'] as const) {
    tooLong(field, d[field], L.longText);
  }
  tooLong('resources', d.resources, L.resources);

  const wholeNumber = (path: string, value: string, min: number, max: number) => {
    const v = value.trim();
    if (!v) return;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      now(path, t('practices.editor.numberRange', { min: new Intl.NumberFormat().format(min), max: new Intl.NumberFormat().format(max) }));
    }
  };
  wholeNumber('scale.participants', d.participants, 0, L.participants);
  wholeNumber('scale.sites', d.sites, 0, L.sites);
  wholeNumber('scale.since_year', d.since_year, L.yearMin, L.yearMax);

  tooLong('evidence.description', d.evidence_description, L.evidenceDescription);
  const list = (path: string, items: ListItem[], maxItems: number, maxLength: number) => {
    if (values(items).length > maxItems) now(path, t('validation.maxItems', { max: maxItems }));
    items.forEach((item, i) => tooLong(`${path}[${i}]`, item.value, maxLength));
  };
  list('evidence.indicators', d.indicators, L.indicators, L.indicator);
  list('learning_questions', d.learning_questions, L.learningQuestions, L.learningQuestion);

  const links = d.links.filter((l) => filled(l.title) || filled(l.url));
  if (links.length > L.links) now('links', t('validation.maxItems', { max: L.links }));
  d.links.forEach((link, i) => {
    if (!filled(link.title) && !filled(link.url)) return;
    if (!filled(link.title)) later(`links[${i}].title`, t('validation.required'));
    tooLong(`links[${i}].title`, link.title, L.linkTitle);
    const url = link.url.trim();
    if (!url) later(`links[${i}].url`, t('validation.required'));
    else if (url.length > L.url) now(`links[${i}].url`, t('validation.maxLength', { max: L.url }));
    else if (!isHttpUrl(url)) later(`links[${i}].url`, t('validation.url'));
  });

  tooLong('contact.name', d.contact_name, L.contactName);
  const email = d.contact_email.trim();
  if (email.length > L.email) now('contact.email', t('validation.maxLength', { max: L.email }));
  else if (email && !patterns.email.test(email)) later('contact.email', t('validation.email'));

  const products = d.products.filter((p) => !isBlankProduct(p));
  if (products.length > L.products) now('products', t('validation.maxItems', { max: L.products }));
  d.products.forEach((p, i) => {
    if (isBlankProduct(p)) return;
    if (!filled(p.name)) later(`products[${i}].name`, t('validation.required'));
    tooLong(`products[${i}].name`, p.name, L.productName);
    if (!p.kind) later(`products[${i}].kind`, t('practices.editor.chooseKind'));
    tooLong(`products[${i}].description`, p.description, L.productDescription);
    list(`products[${i}].core_elements`, p.core_elements, L.coreElements, L.coreElement);
  });
  return errors;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Whether a field the server said was missing has been filled in since. */
export function isFilledIn(d: PracticeDraft, path: string): boolean {
  switch (path) {
    case 'title':
      return filled(d.title);
    case 'summary':
      return filled(d.summary);
    case 'themes':
      return d.themes.length > 0;
    case 'target_groups':
      return d.target_groups.length > 0;
    case 'context':
      return filled(d.context);
    case 'approach':
      return filled(d.approach);
    case 'evidence.level':
      return d.evidence_level !== '';
    case 'contact.name':
      return filled(d.contact_name);
    case 'contact.email':
      return filled(d.contact_email);
    default:
      return false;
  }
}
