import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/api/errors';
import type { Review, ReviewInput } from '@/api/review-types';
import type { Versioned } from '@/api/types';
import { fetchReview, putReview } from './review';

export type ReviewSaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: unknown }
  /** 412: the review was saved elsewhere (another tab) since it was loaded. */
  | { kind: 'conflict' }
  /** 409: the review can no longer be written (submitted, round closed, deadline passed). */
  | { kind: 'locked'; error: unknown };

interface Options {
  assignmentId: string;
  etag: string;
  /** The whole review as the form holds it. */
  body: ReviewInput;
  /** The body of the version the form started from. */
  baseline: ReviewInput;
  enabled: boolean;
  delay?: number;
  onSaved?: (result: Versioned<Review>) => void;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Saves the review draft like an editor: after a quiet `delay` the whole draft is PUT with
 * `If-Match`; one request at a time, and changes made meanwhile are saved next. A 412 stops
 * saving until the user chooses to reload the latest version or keep their own; a 409 stops it
 * for good (the review is locked).
 */
export function useReviewAutosave({ assignmentId, etag, body, baseline, enabled, delay = 1500, onSaved }: Options) {
  const [state, setState] = useState<ReviewSaveState>({ kind: 'idle' });
  const etagRef = useRef(etag);
  const savedRef = useRef(json(baseline));
  const bodyRef = useRef(body);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const stoppedRef = useRef<'conflict' | 'locked' | null>(null);
  const lastSavedAtRef = useRef<Date | null>(null);
  const onSavedRef = useRef(onSaved);
  bodyRef.current = body;
  onSavedRef.current = onSaved;

  const clearTimer = () => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  const save = useCallback(async (): Promise<void> => {
    clearTimer();
    if (!enabled || stoppedRef.current) return;
    if (inFlightRef.current) {
      await inFlightRef.current;
      if (stoppedRef.current) return;
    }
    const sending = bodyRef.current;
    const sendingJson = json(sending);
    if (sendingJson === savedRef.current) return;
    setState({ kind: 'saving' });
    const request = putReview(assignmentId, sending, etagRef.current).then(
      (result) => {
        etagRef.current = result.etag;
        savedRef.current = sendingJson;
        lastSavedAtRef.current = new Date();
        onSavedRef.current?.(result);
        if (json(bodyRef.current) !== savedRef.current) {
          setState({ kind: 'pending' });
          timerRef.current = setTimeout(() => void save(), delay);
        } else {
          setState({ kind: 'saved', at: lastSavedAtRef.current });
        }
      },
      (error: unknown) => {
        if (isApiError(error) && (error.status === 412 || error.code === 'version_mismatch')) {
          stoppedRef.current = 'conflict';
          setState({ kind: 'conflict' });
        } else if (isApiError(error) && error.status === 409) {
          stoppedRef.current = 'locked';
          setState({ kind: 'locked', error });
        } else {
          setState({ kind: 'error', error });
        }
      },
    );
    inFlightRef.current = request.finally(() => {
      inFlightRef.current = null;
    });
    await inFlightRef.current;
  }, [assignmentId, delay, enabled]);

  const bodyJson = json(body);
  useEffect(() => {
    if (!enabled || stoppedRef.current) return;
    if (bodyJson === savedRef.current) {
      clearTimer();
      setState((s) => (s.kind === 'pending' ? (lastSavedAtRef.current ? { kind: 'saved', at: lastSavedAtRef.current } : { kind: 'idle' }) : s));
      return;
    }
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    clearTimer();
    timerRef.current = setTimeout(() => void save(), delay);
    return clearTimer;
  }, [bodyJson, enabled, delay, save]);

  useEffect(() => clearTimer, []);

  /** Saves now; true when everything is saved afterwards. */
  const flush = useCallback(async (): Promise<boolean> => {
    await save();
    if (inFlightRef.current) await inFlightRef.current;
    return !stoppedRef.current && json(bodyRef.current) === savedRef.current;
  }, [save]);

  /** After a 412: keeps the local draft and saves it over the latest version. */
  const keepMine = useCallback(async () => {
    const latest = await fetchReview(assignmentId);
    etagRef.current = latest.etag;
    savedRef.current = '';
    stoppedRef.current = null;
    await save();
  }, [assignmentId, save]);

  return {
    state,
    dirty: bodyJson !== savedRef.current,
    flush,
    retry: save,
    keepMine,
  };
}
