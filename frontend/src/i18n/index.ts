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
import roundsEn from './locales/rounds.en.json';
import dashboardEn from './locales/dashboard.en.json';
import exchangeNl from './locales/exchange.nl.json';
import roundsNl from './locales/rounds.nl.json';
import dashboardNl from './locales/dashboard.nl.json';
import exchangeFr from './locales/exchange.fr.json';
import roundsFr from './locales/rounds.fr.json';
import dashboardFr from './locales/dashboard.fr.json';
import de from './locales/de.json';
import practicesDe from './locales/practices.de.json';
import programmesDe from './locales/programmes.de.json';
import adminDe from './locales/admin.de.json';
import accountDe from './locales/account.de.json';
import authDe from './locales/auth.de.json';
import reviewDe from './locales/review.de.json';
import exchangeDe from './locales/exchange.de.json';
import roundsDe from './locales/rounds.de.json';
import dashboardDe from './locales/dashboard.de.json';

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
export const FEATURE_NAMESPACES = ['practices', 'programmes', 'admin', 'account', 'auth'] as const;

export const resources = {
  en: { translation: en, practices: practicesEn, programmes: programmesEn, admin: adminEn, account: accountEn, auth: authEn, review: reviewEn, rounds: roundsEn, exchange: exchangeEn, dashboard: dashboardEn },
  nl: { translation: nl, practices: practicesNl, programmes: programmesNl, admin: adminNl, account: accountNl, auth: authNl, review: reviewNl, rounds: roundsNl, exchange: exchangeNl, dashboard: dashboardNl },
  de: { translation: de, practices: practicesDe, programmes: programmesDe, admin: adminDe, account: accountDe, auth: authDe, review: reviewDe, rounds: roundsDe, exchange: exchangeDe, dashboard: dashboardDe },
  fr: { translation: fr, practices: practicesFr, programmes: programmesFr, admin: adminFr, account: accountFr, auth: authFr, review: reviewFr, rounds: roundsFr, exchange: exchangeFr, dashboard: dashboardFr },
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
  ns: ['translation', ...FEATURE_NAMESPACES, 'review', 'rounds', 'exchange', 'dashboard'],
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
