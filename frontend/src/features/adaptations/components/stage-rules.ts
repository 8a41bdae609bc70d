import type { Stage } from '../api/types';

/**
 * Where an adaptation may go from each stage: one step forward, back to an earlier stage, or
 * discontinued (and a discontinued one may start again). The same table as the server
 * (internal/domain/adaptation.go); the server stays the authority and answers 409
 * `invalid_status_transition` otherwise.
 */
export const STAGE_MOVES: Record<Stage, readonly Stage[]> = {
  exploring: ['planning', 'discontinued'],
  planning: ['implementing', 'exploring', 'discontinued'],
  implementing: ['evaluating', 'planning', 'exploring', 'discontinued'],
  evaluating: ['sustained', 'implementing', 'planning', 'discontinued'],
  sustained: ['evaluating', 'discontinued'],
  discontinued: ['exploring', 'planning'],
};

const ORDER: readonly Stage[] = ['exploring', 'planning', 'implementing', 'evaluating', 'sustained'];

/** The stages an adaptation in `from` may move to, forward step first. */
export function allowedMoves(from: Stage): readonly Stage[] {
  return STAGE_MOVES[from] ?? [];
}

export function canMove(from: Stage, to: Stage): boolean {
  return from === to || allowedMoves(from).includes(to);
}

export type MoveKind = 'forward' | 'back' | 'stop' | 'restart';

/** What kind of move it is, for the wording of the button. */
export function moveKind(from: Stage, to: Stage): MoveKind {
  if (to === 'discontinued') return 'stop';
  if (from === 'discontinued') return 'restart';
  return ORDER.indexOf(to) > ORDER.indexOf(from) ? 'forward' : 'back';
}
