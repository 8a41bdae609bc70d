import type { Adaptation, AdaptationInput, AdaptationPatch, Fidelity, Frame, Stage } from '../api/types';
import { type CoreAnswer, deriveFidelity, fidelityProblem, splitCore } from './fidelity';
import { REASON_LEVELS, type ReasonLevel, type Reasons } from './frame-vocabulary';

/** Limits of the API contract (AdaptationInput), mirrored for validation before sending. */
export const ADAPTATION_LIMITS = {
  titleMax: 200,
  contextMax: 10000,
  listMax: 30,
  listItemMax: 300,
} as const;

/** The form's fields, named by their path in the API so that server errors land on them. */
export const ADAPTATION_FIELDS = [
  'source_practice_id',
  'product_id',
  'title',
  'country',
  'context_description',
  'target_groups',
  'stage',
  'frame.when',
  'frame.planned',
  'frame.decided_by',
  'frame.what',
  'frame.level',
  'frame.context_modifications',
  'frame.content_modifications',
  'frame.core_elements',
  'frame.fidelity',
  'frame.goals',
  'frame.reasons',
  'barriers',
  'facilitators',
] as const;

export type AdaptationField = (typeof ADAPTATION_FIELDS)[number];

/** Server paths that the form shows on another field. */
export const ADAPTATION_FIELD_ALIASES: Partial<Record<string, AdaptationField>> = {
  'frame.core_elements_kept': 'frame.core_elements',
  'frame.core_elements_changed': 'frame.core_elements',
  'frame.reasons.sociopolitical': 'frame.reasons',
  'frame.reasons.organisation': 'frame.reasons',
  'frame.reasons.provider': 'frame.reasons',
  'frame.reasons.recipient': 'frame.reasons',
  frame: 'frame.fidelity',
};

export interface AdaptationDraft {
  sourcePracticeId: string;
  /** '' = the practice as a whole. */
  productId: string;
  title: string;
  country: string;
  contextDescription: string;
  targetGroups: string[];
  stage: Stage;
  when: string;
  planned: string;
  decidedBy: string[];
  what: string[];
  level: string;
  contextModifications: string[];
  contentModifications: string[];
  coreAnswers: Record<string, CoreAnswer>;
  /** The fidelity the partner chose; null = follow what the core elements say. */
  fidelityChoice: Fidelity | null;
  goals: string[];
  reasons: Record<ReasonLevel, string[]>;
  barriers: string[];
  facilitators: string[];
}

export function emptyDraft(init: { sourcePracticeId?: string; productId?: string; country?: string } = {}): AdaptationDraft {
  return {
    sourcePracticeId: init.sourcePracticeId ?? '',
    productId: init.productId ?? '',
    title: '',
    country: init.country ?? '',
    contextDescription: '',
    targetGroups: [],
    stage: 'exploring',
    when: '',
    planned: '',
    decidedBy: [],
    what: [],
    level: '',
    contextModifications: [],
    contentModifications: [],
    coreAnswers: {},
    fidelityChoice: null,
    goals: [],
    reasons: { sociopolitical: [], organisation: [], provider: [], recipient: [] },
    barriers: [],
    facilitators: [],
  };
}

/** The form's state for an existing adaptation. */
export function draftFromAdaptation(a: Adaptation): AdaptationDraft {
  const f = a.frame;
  const coreAnswers: Record<string, CoreAnswer> = {};
  for (const c of f.core_elements_kept ?? []) coreAnswers[c] = 'kept';
  for (const c of f.core_elements_changed ?? []) coreAnswers[c] = 'changed';
  const reasons = (f.reasons ?? {}) as Reasons;
  return {
    sourcePracticeId: a.source_practice_id,
    productId: a.product_id ?? '',
    title: a.title,
    country: a.country,
    contextDescription: a.context_description ?? '',
    targetGroups: [...(a.target_groups ?? [])],
    stage: a.stage,
    when: f.when ?? '',
    planned: f.planned ?? '',
    decidedBy: [...(f.decided_by ?? [])],
    what: [...(f.what ?? [])],
    level: f.level ?? '',
    contextModifications: [...(f.context_modifications ?? [])],
    contentModifications: [...(f.content_modifications ?? [])],
    coreAnswers,
    fidelityChoice: f.fidelity,
    goals: [...(f.goals ?? [])],
    reasons: {
      sociopolitical: [...(reasons.sociopolitical ?? [])],
      organisation: [...(reasons.organisation ?? [])],
      provider: [...(reasons.provider ?? [])],
      recipient: [...(reasons.recipient ?? [])],
    },
    barriers: [...(a.barriers ?? [])],
    facilitators: [...(a.facilitators ?? [])],
  };
}

/** The fidelity that will be sent: the partner's choice, else the derived one. */
export function effectiveFidelity(draft: AdaptationDraft, coreElements: readonly string[]): Fidelity {
  return draft.fidelityChoice ?? deriveFidelity(coreElements, draft.coreAnswers);
}

export function toFrame(draft: AdaptationDraft, coreElements: readonly string[]): Frame {
  const split = splitCore(coreElements, draft.coreAnswers);
  const reasons: Record<string, string[]> = {};
  for (const level of REASON_LEVELS) if (draft.reasons[level].length > 0) reasons[level] = draft.reasons[level];
  return {
    ...(draft.when ? { when: draft.when } : {}),
    ...(draft.planned ? { planned: draft.planned } : {}),
    decided_by: draft.decidedBy,
    what: draft.what,
    ...(draft.level ? { level: draft.level } : {}),
    context_modifications: draft.contextModifications,
    content_modifications: draft.contentModifications,
    fidelity: effectiveFidelity(draft, coreElements),
    core_elements_kept: draft.productId ? split.kept : [],
    core_elements_changed: draft.productId ? split.changed : [],
    goals: draft.goals,
    reasons,
  } as Frame;
}

function cleanList(items: readonly string[]): string[] {
  return items.map((s) => s.trim()).filter(Boolean);
}

export function toInput(draft: AdaptationDraft, coreElements: readonly string[]): AdaptationInput {
  return {
    source_practice_id: draft.sourcePracticeId,
    ...(draft.productId ? { product_id: draft.productId } : {}),
    ...(draft.country ? { country: draft.country } : {}),
    title: draft.title.trim(),
    context_description: draft.contextDescription.trim(),
    target_groups: draft.targetGroups,
    stage: draft.stage,
    frame: toFrame(draft, coreElements),
    barriers: cleanList(draft.barriers),
    facilitators: cleanList(draft.facilitators),
  };
}

export function toPatch(draft: AdaptationDraft, coreElements: readonly string[], original: Adaptation): AdaptationPatch {
  return {
    product_id: draft.productId || null,
    ...(draft.country ? { country: draft.country } : {}),
    title: draft.title.trim(),
    context_description: draft.contextDescription.trim(),
    target_groups: draft.targetGroups,
    ...(draft.stage !== original.stage ? { stage: draft.stage } : {}),
    frame: toFrame(draft, coreElements),
    barriers: cleanList(draft.barriers),
    facilitators: cleanList(draft.facilitators),
  };
}

/** Message keys (exchange namespace) of what is wrong, by field; empty when the draft can be sent. */
export type DraftProblems = Partial<Record<AdaptationField, { key: string; values?: Record<string, unknown> }>>;

/** The server's rules for an adaptation, checked before sending. */
export function checkDraft(draft: AdaptationDraft, coreElements: readonly string[]): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.sourcePracticeId) problems.source_practice_id = { key: 'validation.choosePractice' };
  if (!draft.title.trim()) problems.title = { key: 'validation.required' };
  else if (draft.title.trim().length > ADAPTATION_LIMITS.titleMax)
    problems.title = { key: 'validation.maxLength', values: { max: ADAPTATION_LIMITS.titleMax } };
  if (draft.contextDescription.length > ADAPTATION_LIMITS.contextMax)
    problems.context_description = { key: 'validation.maxLength', values: { max: ADAPTATION_LIMITS.contextMax } };
  if (draft.country && !/^[A-Z]{2}$/.test(draft.country)) problems.country = { key: 'validation.country' };
  for (const field of ['barriers', 'facilitators'] as const) {
    const items = cleanList(draft[field]);
    if (items.length > ADAPTATION_LIMITS.listMax) problems[field] = { key: 'validation.maxItems', values: { max: ADAPTATION_LIMITS.listMax } };
    else if (items.some((s) => s.length > ADAPTATION_LIMITS.listItemMax))
      problems[field] = { key: 'validation.maxLength', values: { max: ADAPTATION_LIMITS.listItemMax } };
  }
  const split = splitCore(coreElements, draft.coreAnswers);
  const problem = fidelityProblem(effectiveFidelity(draft, coreElements), split, !!draft.productId);
  if (problem) problems['frame.fidelity'] = { key: `fidelity.problems.${problem}` };
  return problems;
}
