import type { Fidelity } from '../api/types';

/** A partner's answer about one core element of the source product. */
export type CoreAnswer = 'kept' | 'changed' | 'unsure';

export interface CoreSplit {
  kept: string[];
  changed: string[];
}

/** The kept and changed core elements, in the order the source product declares them. */
export function splitCore(coreElements: readonly string[], answers: Readonly<Record<string, CoreAnswer>>): CoreSplit {
  return {
    kept: coreElements.filter((c) => answers[c] === 'kept'),
    changed: coreElements.filter((c) => answers[c] === 'changed'),
  };
}

/**
 * The fidelity that follows from the answers: inconsistent as soon as one core element was
 * changed, consistent when every core element was kept, unknown otherwise (some not answered, or
 * a practice without declared core elements).
 */
export function deriveFidelity(coreElements: readonly string[], answers: Readonly<Record<string, CoreAnswer>>): Fidelity {
  const { kept, changed } = splitCore(coreElements, answers);
  if (changed.length > 0) return 'inconsistent';
  if (coreElements.length > 0 && kept.length === coreElements.length) return 'consistent';
  return 'unknown';
}

export type FidelityProblem = 'consistentWithChanges' | 'inconsistentWithoutChanges';

/**
 * Whether a chosen fidelity contradicts the core elements, by the server's rules: "consistent"
 * cannot go with a changed core element; "inconsistent" needs one, when a product is named.
 */
export function fidelityProblem(fidelity: Fidelity, split: CoreSplit, hasProduct: boolean): FidelityProblem | null {
  if (fidelity === 'consistent' && split.changed.length > 0) return 'consistentWithChanges';
  if (fidelity === 'inconsistent' && hasProduct && split.changed.length === 0) return 'inconsistentWithoutChanges';
  return null;
}
