import { describe, expect, it } from 'vitest';
import en from './locales/exchange.en.json';
import fr from './locales/exchange.fr.json';
import nl from './locales/exchange.nl.json';

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

describe('the "exchange" namespace (adaptations, new products, dashboard)', () => {
  it('has exactly the same keys in English, Dutch and French', () => {
    const enKeys = [...locales.en.keys()].sort();
    expect(enKeys.length).toBeGreaterThan(300);
    expect([...locales.nl.keys()].sort()).toEqual(enKeys);
    expect([...locales.fr.keys()].sort()).toEqual(enKeys);
  });

  it('has no empty translations', () => {
    for (const [lang, strings] of Object.entries(locales)) {
      expect([...strings].filter(([, v]) => !v.trim()).map(([k]) => `${lang}:${k}`)).toEqual([]);
    }
  });

  it('uses the same placeholders in every language', () => {
    const mismatches: string[] = [];
    for (const [key, text] of locales.en) {
      for (const lang of ['nl', 'fr'] as const) {
        if (placeholders(locales[lang].get(key) ?? '').join() !== placeholders(text).join()) mismatches.push(`${lang}:${key}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('is really translated: Dutch and French differ from English in most strings', () => {
    for (const lang of ['nl', 'fr'] as const) {
      const same = [...locales.en].filter(([k, v]) => locales[lang].get(k) === v).length;
      expect(same / locales.en.size).toBeLessThan(0.15);
    }
  });
});
