import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';
import nl from './locales/nl.json';
import reviewEn from './locales/review.en.json';
import reviewFr from './locales/review.fr.json';
import reviewNl from './locales/review.nl.json';
import exchangeEn from './locales/exchange.en.json';
import exchangeFr from './locales/exchange.fr.json';
import exchangeNl from './locales/exchange.nl.json';

export const LANGUAGE_STORAGE_KEY = 'peerbridge.lang';

export const SUPPORTED_LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'nl', label: 'Nederlands' },
  { code: 'fr', label: 'Français' },
] as const;

export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number]['code'];

/**
 * Namespaces: the app's strings ("translation", the default), peer review ("review") and the
 * adaptation loop, new products and the dashboard ("exchange").
 */
export const resources = {
  en: { translation: en, review: reviewEn, exchange: exchangeEn },
  nl: { translation: nl, review: reviewNl, exchange: exchangeNl },
  fr: { translation: fr, review: reviewFr, exchange: exchangeFr },
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
  ns: ['translation', 'review', 'exchange'],
  defaultNS: 'translation',
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: SUPPORTED_LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});
applyLanguage(i18n.language);

export default i18n;
