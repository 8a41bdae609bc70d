import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { personName } from './person-name';

describe('personName', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows an erased person’s pseudonym in the interface language', async () => {
    for (const [lang, want] of [
      ['en', 'Former member 7F3A'],
      ['nl', 'Voormalig lid 7F3A'],
      ['fr', 'Ancien membre 7F3A'],
      ['de', 'Ehemaliges Mitglied 7F3A'],
    ] as const) {
      await i18n.changeLanguage(lang);
      expect(personName('Former member 7F3A')).toBe(want);
    }
  });

  it('leaves every other name as it was written', async () => {
    await i18n.changeLanguage('nl');
    for (const name of ['Anna de Vries', 'Former member of the board', 'Former member 7f3a', 'Former member 7F3AB']) {
      expect(personName(name)).toBe(name);
    }
    expect(personName(undefined)).toBe('');
  });
});
