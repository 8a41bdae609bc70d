import { describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import en from './locales/review.en.json';
import fr from './locales/review.fr.json';
import nl from './locales/review.nl.json';

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

const locales = { en: flatten(en as Tree), nl: flatten(nl as Tree), fr: flatten(fr as Tree) };

describe('review namespace locale files', () => {
  it('have exactly the same keys in English, Dutch and French', () => {
    const enKeys = [...locales.en.keys()].sort();
    expect(enKeys.length).toBeGreaterThan(200);
    expect([...locales.nl.keys()].sort()).toEqual(enKeys);
    expect([...locales.fr.keys()].sort()).toEqual(enKeys);
  });

  it('have no empty translations and the same placeholders in every language', () => {
    const problems: string[] = [];
    for (const [key, text] of locales.en) {
      for (const lang of ['en', 'nl', 'fr'] as const) {
        const value = locales[lang].get(key) ?? '';
        if (!value.trim()) problems.push(`${lang}:${key} is empty`);
        if (placeholders(value).join() !== placeholders(text).join()) problems.push(`${lang}:${key} placeholders`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('is registered as the "review" namespace, next to the app strings', async () => {
    await i18n.changeLanguage('nl');
    expect(i18n.t('review:nav.myReviews')).toBe('Mijn reviews');
    expect(i18n.t('actions.cancel')).toBe('Annuleren');
    await i18n.changeLanguage('en');
  });
});
