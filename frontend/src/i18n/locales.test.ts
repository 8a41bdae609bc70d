import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';
import nl from './locales/nl.json';

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

describe('locale files', () => {
  it('have exactly the same keys in English, Dutch and French', () => {
    const enKeys = [...locales.en.keys()].sort();
    expect(enKeys.length).toBeGreaterThan(100);
    expect([...locales.nl.keys()].sort()).toEqual(enKeys);
    expect([...locales.fr.keys()].sort()).toEqual(enKeys);
  });

  it('have no empty translations', () => {
    for (const [lang, strings] of Object.entries(locales)) {
      const empty = [...strings].filter(([, v]) => !v.trim()).map(([k]) => `${lang}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders in every language', () => {
    const mismatches: string[] = [];
    for (const [key, text] of locales.en) {
      const expected = placeholders(text);
      for (const lang of ['nl', 'fr'] as const) {
        const actual = placeholders(locales[lang].get(key) ?? '');
        if (actual.join() !== expected.join()) mismatches.push(`${lang}:${key}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
