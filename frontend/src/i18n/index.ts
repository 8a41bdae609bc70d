import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import nl from './locales/nl.json';
import fr from './locales/fr.json';
import practicesEn from './locales/practices.en.json';
import practicesNl from './locales/practices.nl.json';
import practicesFr from './locales/practices.fr.json';
import programmesEn from './locales/programmes.en.json';
import programmesNl from './locales/programmes.nl.json';
import programmesFr from './locales/programmes.fr.json';
import adminEn from './locales/admin.en.json';
import adminNl from './locales/admin.nl.json';
import adminFr from './locales/admin.fr.json';
import accountEn from './locales/account.en.json';
import accountNl from './locales/account.nl.json';
import accountFr from './locales/account.fr.json';
import authEn from './locales/auth.en.json';
import authNl from './locales/auth.nl.json';
import authFr from './locales/auth.fr.json';
import reviewEn from './locales/review.en.json';
import reviewNl from './locales/review.nl.json';
import reviewFr from './locales/review.fr.json';
import exchangeEn from './locales/exchange.en.json';
import exchangeNl from './locales/exchange.nl.json';
import exchangeFr from './locales/exchange.fr.json';

export const LANGUAGE_STORAGE_KEY = 'peerbridge.lang';

export const SUPPORTED_LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'nl', label: 'Nederlands' },
  { code: 'fr', label: 'Français' },
] as const;

export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number]['code'];

/**
 * One namespace per feature (locales/<feature>.<lang>.json) next to the shared strings
 * ("translation", the default: layout, fields, actions, forms, errors, comments). The peer-review
 * screens use "review" (review and rounds) and the adaptation loop and dashboard "exchange",
 * named explicitly; the other features' keys are found through `fallbackNS`, so a key keeps its
 * path (`practices.editor.…`) whichever file holds it.
 */
export const FEATURE_NAMESPACES = ['practices', 'programmes', 'admin', 'account', 'auth'] as const;

export const resources = {
  en: { translation: en, practices: practicesEn, programmes: programmesEn, admin: adminEn, account: accountEn, auth: authEn, review: reviewEn, exchange: exchangeEn },
  nl: { translation: nl, practices: practicesNl, programmes: programmesNl, admin: adminNl, account: accountNl, auth: authNl, review: reviewNl, exchange: exchangeNl },
  fr: { translation: fr, practices: practicesFr, programmes: programmesFr, admin: adminFr, account: accountFr, auth: authFr, review: reviewFr, exchange: exchangeFr },
} as const;

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

/** Switches the interface language and remembers the choice for the next visit. */
export async function setLanguage(code: LanguageCode): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // Not persisted; the choice lasts for this page.
  }
  await i18n.changeLanguage(code);
}

void i18n.use(initReactI18next).init({
  resources,
  ns: ['translation', ...FEATURE_NAMESPACES, 'review', 'exchange'],
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
