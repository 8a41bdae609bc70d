import type { Frame, NewProductStatus, ProductKind, Stage } from '../api/types';

/**
 * The closed vocabularies of an adaptation, after FRAME (Stirman et al. 2019), in the order the
 * API lists them (api/openapi.yaml, schema Frame). Every label and plain-language explanation
 * lives in the "exchange" namespace under `frame.<field>.options.<value>`.
 */
type Item<T> = T extends readonly (infer U)[] ? U : T;
type Values<K extends keyof Frame> = readonly NonNullable<Item<NonNullable<Frame[K]>>>[];

export const STAGES: readonly Stage[] = ['exploring', 'planning', 'implementing', 'evaluating', 'sustained', 'discontinued'];

export const FRAME_WHEN: Values<'when'> = ['pre_implementation', 'implementation', 'scale_up', 'sustainment'];
export const FRAME_PLANNED: Values<'planned'> = ['proactive', 'reactive', 'unplanned'];
export const FRAME_DECIDED_BY: Values<'decided_by'> = [
  'programme_leader',
  'funder',
  'manager',
  'developer',
  'researcher',
  'practitioner',
  'employer',
  'recipient',
  'community',
  'policy_maker',
];
export const FRAME_WHAT: Values<'what'> = ['content', 'context', 'training_evaluation', 'implementation_scale_up'];
export const FRAME_LEVEL: Values<'level'> = ['individual', 'target_group', 'cohort', 'practitioner', 'unit', 'organisation', 'network_system'];
export const FRAME_CONTEXT_MODIFICATIONS: Values<'context_modifications'> = ['format', 'setting', 'personnel', 'population'];
export const FRAME_CONTENT_MODIFICATIONS: Values<'content_modifications'> = [
  'tailoring',
  'adding',
  'removing',
  'shortening',
  'lengthening',
  'substituting',
  'reordering',
  'integrating',
  'repeating',
  'loosening_structure',
  'departing',
];
export const FRAME_FIDELITY: Values<'fidelity'> = ['consistent', 'inconsistent', 'unknown'];
export const FRAME_GOALS: Values<'goals'> = ['reach', 'retention', 'feasibility', 'fit', 'culture', 'effectiveness', 'cost', 'satisfaction'];

export type Reasons = NonNullable<Frame['reasons']>;
export type ReasonLevel = keyof Reasons;
export const REASON_LEVELS: readonly ReasonLevel[] = ['sociopolitical', 'organisation', 'provider', 'recipient'];
export const FRAME_REASONS: { [L in ReasonLevel]: readonly NonNullable<Reasons[L]>[number][] } = {
  sociopolitical: ['laws_policies', 'funding', 'political_climate', 'social_norms', 'existing_services'],
  organisation: ['resources', 'mission_fit', 'time_constraints', 'competing_demands', 'staff_capacity', 'location'],
  provider: ['clinical_judgement', 'preferences', 'skills', 'cultural_background'],
  recipient: ['language', 'literacy', 'cultural_norms', 'access', 'health_status', 'work_situation', 'motivation'],
};

export const PRODUCT_KINDS: readonly ProductKind[] = [
  'guidance',
  'assessment',
  'information',
  'training',
  'placement',
  'network',
  'tool',
  'service',
  'other',
];
export const NEW_PRODUCT_STATUSES: readonly NewProductStatus[] = ['idea', 'in_development', 'available'];

export type Tone = 'neutral' | 'info' | 'accent' | 'warning' | 'success' | 'danger';

/** Badge tones by stage, shared by the tracker, the board, the detail page and the lineage graph. */
export const STAGE_TONES: Record<Stage, Tone> = {
  exploring: 'neutral',
  planning: 'info',
  implementing: 'accent',
  evaluating: 'warning',
  sustained: 'success',
  discontinued: 'danger',
};

/** Stroke colours of the stages in the lineage graph (3:1 or more against white). */
export const STAGE_COLOURS: Record<Stage, string> = {
  exploring: '#5b6b7a',
  planning: '#1d4f91',
  implementing: '#6b3fa0',
  evaluating: '#8a5300',
  sustained: '#1f6f43',
  discontinued: '#b42318',
};

export const FIDELITY_TONES: Record<string, Tone> = {
  consistent: 'success',
  inconsistent: 'warning',
  unknown: 'neutral',
};

export function isStage(value: string | null | undefined): value is Stage {
  return !!value && (STAGES as readonly string[]).includes(value);
}
