import { describe, expect, it } from 'vitest';
import i18n, { SUPPORTED_LANGUAGES } from '@/i18n';
import { resources } from '@/i18n/resources';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

const languages = SUPPORTED_LANGUAGES.map((l) => l.code);
const others = languages.filter((l) => l !== 'en');
const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];
/** namespace → language → key → text */
const strings = Object.fromEntries(
  namespaces.map((ns) => [ns, Object.fromEntries(languages.map((lang) => [lang, flatten(resources[lang][ns] as unknown as Tree)]))]),
) as Record<string, Record<string, Map<string, string>>>;

/** The one parity test of every namespace in every language. */
describe.each(namespaces)('the "%s" namespace', (ns) => {
  const en = strings[ns].en;

  it('exists in every language', () => {
    for (const lang of languages) expect(Object.keys(resources[lang]).sort()).toEqual([...namespaces].sort());
  });

  it('has exactly the same keys in every language', () => {
    const enKeys = [...en.keys()].sort();
    expect(enKeys.length).toBeGreaterThan(5);
    for (const lang of others) expect([...strings[ns][lang].keys()].sort()).toEqual(enKeys);
  });

  it('has no empty translations', () => {
    for (const lang of languages) {
      expect([...strings[ns][lang]].filter(([, v]) => !v.trim()).map(([k]) => `${lang}:${k}`)).toEqual([]);
    }
  });

  it('uses the same placeholders in every language', () => {
    const mismatches: string[] = [];
    for (const [key, text] of en) {
      for (const lang of others) {
        if (placeholders(strings[ns][lang].get(key) ?? '').join() !== placeholders(text).join()) mismatches.push(`${lang}:${key}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('addresses the reader formally in Dutch (u) and German (Sie), never with du or je', () => {
    const informal = { nl: /\b(je|jij|jou|jouw|jullie|jezelf)\b/i, de: /\b(du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer)\b/i } as const;
    const found: string[] = [];
    for (const [lang, pattern] of Object.entries(informal)) {
      for (const [key, text] of strings[ns][lang] ?? new Map<string, string>()) if (pattern.test(text)) found.push(`${lang}:${key}: ${text}`);
    }
    expect(found).toEqual([]);
  });

  it('is really translated: other languages differ from English in most strings', () => {
    for (const lang of others) {
      const same = [...en].filter(([k, v]) => strings[ns][lang].get(k) === v).length;
      expect(same / en.size).toBeLessThan(0.15);
    }
  });
});

describe('the catalogue', () => {
  it('covers the four interface languages', () => {
    expect([...languages].sort()).toEqual(['de', 'en', 'fr', 'nl']);
  });

  it('registers every locale file on disk, so none escapes the parity test', () => {
    const files = Object.keys(import.meta.glob('./locales/*.json'));
    const registered = languages.flatMap((lang) => namespaces.map((ns) => (ns === 'translation' ? `./locales/${lang}.json` : `./locales/${ns}.${lang}.json`)));
    expect(files.sort()).toEqual(registered.sort());
  });
});

describe('namespaces', () => {
  it('are registered next to the app strings', async () => {
    await i18n.changeLanguage('nl');
    expect(i18n.t('review:nav.myReviews')).toBe('Mijn reviews');
    expect(i18n.t('actions.cancel')).toBe('Annuleren');
    // A feature's keys keep their paths, found through the fallback namespaces.
    expect(i18n.t('practices.editor.leaveConfirm')).toBe('Toch weggaan');
    expect(i18n.t('auth.signOut')).toBe('Afmelden');
    await i18n.changeLanguage('en');
  });
});
