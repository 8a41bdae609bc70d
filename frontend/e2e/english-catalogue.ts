import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The English strings of the interface catalogue (src/i18n/locales), as matchers for the text a
 * page in another language renders: a text that equals one of them is an English string the
 * product wrote and forgot to translate. Strings identical in the target language's catalogue
 * ("Dashboard", "Partner", "Type") are not English-only and are skipped, as are strings with too
 * little text of their own to say anything (a lone placeholder, an abbreviation).
 */

const LOCALES = fileURLToPath(new URL('../src/i18n/locales/', import.meta.url));

type Tree = { [key: string]: string | Tree };

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
}

function catalogue(lang: string): string[] {
  return readdirSync(LOCALES)
    .filter((file) => file === `${lang}.json` || file.endsWith(`.${lang}.json`))
    .flatMap((file) => values(JSON.parse(readFileSync(LOCALES + file, 'utf8')) as Tree));
}

/**
 * Names and words that are the same in every language (the brand, language names, codes), and
 * texts of the demo data that happen to equal a catalogue string: the default rubric's own
 * criterion and level titles, which are the rubric's (translated with the rubric), not the
 * interface's.
 */
const ALLOWED = new Set([
  'Peerbridge',
  'English',
  'Nederlands',
  'Français',
  'Deutsch',
  'OK',
  'CSV',
  'ID',
  'E-mail',
  'Email',
  'Transferability',
  'Passes',
  'Does not pass',
]);

const PLACEHOLDER = /\{\{\s*[\w.,\s]+\}\}|\$t\([^)]*\)/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface EnglishMatcher {
  /** The English catalogue text a rendered text equals, or null. */
  match(text: string): string | null;
}

export function englishMatcher(lang: string): EnglishMatcher {
  const target = new Set(catalogue(lang).map((v) => v.trim()));
  const exact = new Map<string, string>();
  const patterns: { re: RegExp; source: string }[] = [];
  for (const raw of catalogue('en')) {
    const value = raw.trim();
    if (target.has(value) || ALLOWED.has(value)) continue;
    const literal = value.replace(PLACEHOLDER, '');
    // Fewer than four letters of its own: too little to tell English from anything else.
    if ((literal.match(/\p{L}/gu) ?? []).length < 4) continue;
    if (literal === value) exact.set(value.replace(/\s+/g, ' '), value);
    else {
      const parts = value.split(PLACEHOLDER).map((p) => escape(p.replace(/\s+/g, ' ')));
      patterns.push({ re: new RegExp(`^${parts.join('.+?')}$`, 's'), source: value });
    }
  }
  return {
    match(text) {
      const t = text.replace(/\s+/g, ' ').trim();
      if (exact.has(t)) return exact.get(t)!;
      return patterns.find((p) => p.re.test(t))?.source ?? null;
    },
  };
}
