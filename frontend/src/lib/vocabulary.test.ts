import { describe, expect, it } from 'vitest';
import { criterionIn, keyedTitle, pickTranslation, programmeText, titleOf } from './vocabulary';

describe('vocabulary', () => {
  it('picks the exact tag, then the language, then another variant', () => {
    const t = { fr: 'fr', 'fr-CA': 'fr-CA', 'de-AT': 'de-AT' };
    expect(pickTranslation(t, 'fr-CA')).toBe('fr-CA');
    expect(pickTranslation(t, 'fr-BE')).toBe('fr');
    expect(pickTranslation(t, 'de')).toBe('de-AT');
    expect(pickTranslation(t, 'nl')).toBeUndefined();
    expect(pickTranslation(undefined, 'fr')).toBeUndefined();
  });

  it('falls back to the original text by text', () => {
    const theme = { key: 'upscaling', title: 'Scaling up', titles: { nl: 'Opschalen', fr: ' ' } };
    expect(keyedTitle(theme, 'nl')).toBe('Opschalen');
    expect(keyedTitle(theme, 'fr')).toBe('Scaling up');
    expect(titleOf([theme], 'upscaling', 'nl')).toBe('Opschalen');
    expect(titleOf([theme], 'unknown', 'nl')).toBe('unknown');
    const p = { name: 'Return to work', description: 'Original', objective: 'Aim', translations: { de: { name: 'Rückkehr', description: '' } } };
    expect(programmeText(p, 'de')).toEqual({ name: 'Rückkehr', description: 'Original', objective: 'Aim' });
    expect(programmeText(p, 'en').name).toBe('Return to work');
  });

  it('translates a criterion without changing what is judged', () => {
    const c = {
      key: 'k',
      title: 'Relevance',
      description: 'Original',
      weight: 2,
      levels: [
        { value: 0, label: 'Fails', descriptor: 'fail' },
        { value: 1, label: 'Passes', descriptor: 'pass' },
      ],
      translations: { fr: { title: 'Pertinence', levels: [{ value: 1, label: 'Satisfait' }] } },
    };
    const fr = criterionIn(c, 'fr');
    expect(fr.title).toBe('Pertinence');
    expect(fr.description).toBe('Original');
    expect(fr.levels).toEqual([
      { value: 0, label: 'Fails', descriptor: 'fail' },
      { value: 1, label: 'Satisfait', descriptor: 'pass' },
    ]);
    expect(fr.weight).toBe(2);
    expect(criterionIn(c, 'nl')).toBe(c);
  });
});
