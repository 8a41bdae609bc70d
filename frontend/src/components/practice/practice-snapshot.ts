import type { Revision, Translation } from '@/api/types';
import type { ReadablePractice } from './practice-content';

type Snapshot = Omit<Partial<ReadablePractice>, 'translations'> & {
  translations?: Record<string, Omit<Translation, 'language'>> | null;
};

/**
 * A frozen revision's text (`GET /practices/{id}/revisions/{n}` → `practice`) in the shape the
 * practice's reading components take. The snapshot keeps lists that were empty as null and its
 * translations keyed by language; both become what a practice response has.
 */
export function readableFromSnapshot(revision: Pick<Revision, 'practice'>): ReadablePractice {
  const s = revision.practice as Snapshot;
  const translations = Object.entries(s.translations ?? {})
    .map(([language, tr]): Translation => ({ ...tr, language }))
    .sort((a, b) => a.language.localeCompare(b.language));
  return {
    title: s.title ?? '',
    summary: s.summary ?? '',
    language: s.language ?? '',
    context: s.context ?? '',
    approach: s.approach ?? '',
    resources: s.resources ?? '',
    scale: s.scale ?? {},
    evidence: { ...s.evidence, indicators: s.evidence?.indicators ?? [] },
    outcomes: s.outcomes ?? '',
    transferability: s.transferability ?? '',
    lessons_learned: s.lessons_learned ?? '',
    learning_questions: s.learning_questions ?? [],
    links: s.links ?? [],
    contact: s.contact ?? {},
    products: (s.products ?? []).map((p) => ({ ...p, core_elements: p.core_elements ?? [] })),
    translations,
  };
}
