import { describe, expect, it } from 'vitest';
import type { Revision } from '@/api/types';
import { presentSections } from './practice-content';
import { readableFromSnapshot } from './practice-snapshot';

describe('a revision read as a practice', () => {
  it('turns the frozen lists kept as null into empty ones and the translations into a list by language', () => {
    const revision = {
      practice: {
        title: 'Job coach',
        summary: 'In the ward.',
        language: 'en',
        context: 'Patients rarely talk about work.',
        evidence: { level: 'monitoring', description: '', indicators: null },
        learning_questions: null,
        links: null,
        products: [{ id: 'p1', name: 'Consultation hour', kind: 'service', description: '', core_elements: null }],
        translations: {
          nl: { status: 'verified', title: 'Jobcoach', updated_at: '2026-02-01T00:00:00Z' },
          de: { status: 'machine', title: 'Jobcoach', updated_at: '2026-02-02T00:00:00Z' },
        },
      },
    } as unknown as Pick<Revision, 'practice'>;

    const readable = readableFromSnapshot(revision);
    expect(readable.translations.map((t) => [t.language, t.status])).toEqual([
      ['de', 'machine'],
      ['nl', 'verified'],
    ]);
    expect(readable.evidence?.indicators).toEqual([]);
    expect(readable.learning_questions).toEqual([]);
    expect(readable.links).toEqual([]);
    expect(readable.products[0].core_elements).toEqual([]);
    expect(presentSections(readable)).toEqual(['context', 'products', 'evidence']);
  });

  it('reads a snapshot without translations', () => {
    const readable = readableFromSnapshot({ practice: { title: 'T', language: 'fr', translations: null } } as unknown as Pick<Revision, 'practice'>);
    expect(readable.translations).toEqual([]);
    expect(readable.products).toEqual([]);
    expect(readable.title).toBe('T');
  });
});
