import i18n, { type BackendModule, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './languages/en';

export const LANGUAGE_STORAGE_KEY = 'peerbridge.lang';

export const SUPPORTED_LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'nl', label: 'Nederlands' },
  { code: 'fr', label: 'Français' },
  { code: 'de', label: 'Deutsch' },
] as const;

export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number]['code'];

/**
 * One namespace per feature (locales/<feature>.<lang>.json) next to the shared strings
 * ("translation", the default: layout, fields, actions, forms, errors, comments). "review" also
 * holds what the rounds screens share with it (statuses, outcomes, recommendations), and
 * "exchange" what the dashboard shares with the adaptation loop (stages, product kinds); those
 * screens name their namespaces (useReviewTranslation, DASHBOARD_NAMESPACES). The other features'
 * keys are found through `fallbackNS`, so a key keeps its path (`practices.editor.…`) whichever
 * file holds it.
 */
export const FEATURE_NAMESPACES = ['practices', 'programmes', 'calls', 'activities', 'learning', 'admin', 'account', 'auth'] as const;

/**
 * English ships with the app (it is the fallback language); the other languages are chunks of
 * their own, fetched when chosen, so a first visit downloads one language, not four.
 */
const otherLanguages: Record<Exclude<LanguageCode, 'en'>, () => Promise<{ default: ResourceLanguage }>> = {
  nl: () => import('./languages/nl'),
  fr: () => import('./languages/fr'),
  de: () => import('./languages/de'),
};

const languageChunks: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = otherLanguages[language as keyof typeof otherLanguages];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (m) => callback(null, m.default[namespace] ?? {}),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), false),
    );
  },
};

function isSupported(code: string | null | undefined): code is LanguageCode {
  return !!code && SUPPORTED_LANGUAGES.some((l) => l.code === code);
}

/** The stored choice, else the browser's first supported language, else English. */
export function detectLanguage(): LanguageCode {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isSupported(stored)) return stored;
  } catch {
    // Storage unavailable: fall through.
  }
  const preferred = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isSupported(base)) return base;
  }
  return 'en';
}

function applyLanguage(code: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = code;
}

i18n.on('languageChanged', applyLanguage);

/** Whether this browser holds an explicit choice of interface language. */
export function hasStoredLanguage(): boolean {
  try {
    return isSupported(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return false;
  }
}

/**
 * Takes a signed-in person's locale as the interface language when the browser holds no explicit
 * choice; the locale is not remembered, so the account's choice keeps applying.
 */
export async function adoptAccountLanguage(locale: string | null | undefined): Promise<void> {
  if (!isSupported(locale) || hasStoredLanguage() || i18n.language === locale) return;
  await i18n.changeLanguage(locale);
}

/** Switches the interface language and remembers the choice for the next visit. */
export async function setLanguage(code: LanguageCode): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // Not persisted; the choice lasts for this page.
  }
  await i18n.changeLanguage(code);
}

/** Settles once the interface language's strings are loaded; render the app after it. */
export const i18nReady = i18n.use(languageChunks).use(initReactI18next).init({
  resources: { en },
  partialBundledLanguages: true,
  ns: ['translation', ...FEATURE_NAMESPACES, 'review', 'rounds', 'exchange', 'dashboard', 'report'],
  defaultNS: 'translation',
  fallbackNS: [...FEATURE_NAMESPACES],
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: SUPPORTED_LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});
applyLanguage(i18n.language);

export default i18n;
