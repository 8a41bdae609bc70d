import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/api/errors';
import type { Practice, PracticePatch, Versioned } from '@/api/types';
import { patchPractice } from './practices';

export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'blocked'; at?: Date }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict' }
  | { kind: 'locked'; error: unknown };

type Body = Record<string, unknown>;

interface AutosaveOptions {
  /** Nothing is saved without one (a practice not created yet). */
  practiceId: string | undefined;
  /** The ETag of the version the editor started from. */
  etag: string;
  /** The whole draft as a request body. */
  body: Body;
  /** Top-level fields that are not valid now: they wait, the rest is saved. */
  blocked: ReadonlySet<string>;
  /** The body of the version the editor started from (read once, and on rebase). */
  baseline: Body;
  /** Quiet time after the last change before saving. */
  delay?: number;
  onSaved?: (result: Versioned<Practice>) => void;
  /** A 400 with field errors, to show next to the fields. */
  onRejected?: (error: unknown) => void;
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/** The top-level fields of `body` that differ from `saved` and may be sent. */
function changedFields(body: Body, saved: Body, blocked: ReadonlySet<string>): PracticePatch {
  const out: Body = {};
  for (const [key, value] of Object.entries(body)) {
    if (!blocked.has(key) && json(value) !== json(saved[key])) out[key] = value;
  }
  return out as PracticePatch;
}

function isDirty(body: Body, saved: Body): boolean {
  return Object.keys({ ...body, ...saved }).some((key) => json(body[key]) !== json(saved[key]));
}

/**
 * Draft autosave: after a quiet `delay`, PATCHes the fields that changed with `If-Match` of the
 * last known ETag; one request at a time; changes made while saving are saved next. A 412
 * (someone else saved first) stops it until the conflict is resolved with `rebase` (take the
 * latest version) or `overwrite` (keep the local text on top of it). Local text is never replaced
 * behind the user's back.
 */
export function useAutosave({ practiceId, etag, body, blocked, baseline, delay = 1500, onSaved, onRejected }: AutosaveOptions) {
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const etagRef = useRef(etag);
  const savedRef = useRef<Body>(baseline);
  const bodyRef = useRef(body);
  const blockedRef = useRef(blocked);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const stoppedRef = useRef<'conflict' | 'locked' | null>(null);
  const lastSavedAtRef = useRef<Date | undefined>(undefined);
  const callbacksRef = useRef({ onSaved, onRejected });
  bodyRef.current = body;
  blockedRef.current = blocked;
  callbacksRef.current = { onSaved, onRejected };

  const clearTimer = () => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  /** Sends what changed; resolves when the state is settled (saved, blocked or failed). */
  const save = useCallback(async (): Promise<void> => {
    clearTimer();
    if (!practiceId || stoppedRef.current) return;
    if (inFlightRef.current) {
      await inFlightRef.current;
      if (stoppedRef.current) return;
    }
    const patch = changedFields(bodyRef.current, savedRef.current, blockedRef.current);
    if (Object.keys(patch).length === 0) {
      if (isDirty(bodyRef.current, savedRef.current)) setState({ kind: 'blocked', at: lastSavedAtRef.current });
      return;
    }
    setState({ kind: 'saving' });
    const request = patchPractice(practiceId, patch, etagRef.current).then(
      (result) => {
        etagRef.current = result.etag;
        savedRef.current = { ...savedRef.current, ...(patch as Body) };
        lastSavedAtRef.current = new Date();
        callbacksRef.current.onSaved?.(result);
        const stillChanged = Object.keys(changedFields(bodyRef.current, savedRef.current, blockedRef.current)).length > 0;
        if (stillChanged) {
          setState({ kind: 'pending' });
          timerRef.current = setTimeout(() => void save(), delay);
        } else if (isDirty(bodyRef.current, savedRef.current)) {
          setState({ kind: 'blocked', at: lastSavedAtRef.current });
        } else {
          setState({ kind: 'saved', at: lastSavedAtRef.current });
        }
      },
      (error: unknown) => {
        if (isApiError(error) && error.status === 412) {
          stoppedRef.current = 'conflict';
          setState({ kind: 'conflict' });
        } else if (isApiError(error) && error.status === 409) {
          stoppedRef.current = 'locked';
          setState({ kind: 'locked', error });
        } else {
          if (isApiError(error) && error.status === 400) callbacksRef.current.onRejected?.(error);
          setState({ kind: 'error', error });
        }
      },
    );
    inFlightRef.current = request.finally(() => {
      inFlightRef.current = null;
    });
    await inFlightRef.current;
  }, [practiceId, delay]);

  const bodyJson = json(body);
  const blockedKey = [...blocked].sort().join(',');
  useEffect(() => {
    if (!practiceId || stoppedRef.current) return;
    if (!isDirty(bodyRef.current, savedRef.current)) {
      clearTimer();
      setState((s) => (s.kind === 'pending' || s.kind === 'blocked' ? (lastSavedAtRef.current ? { kind: 'saved', at: lastSavedAtRef.current } : { kind: 'idle' }) : s));
      return;
    }
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    clearTimer();
    timerRef.current = setTimeout(() => void save(), delay);
    return clearTimer;
  }, [bodyJson, blockedKey, practiceId, delay, save]);

  useEffect(() => clearTimer, []);

  /** Saves now (before submitting or leaving); true when everything is saved afterwards. */
  const flush = useCallback(async (): Promise<boolean> => {
    await save();
    if (inFlightRef.current) await inFlightRef.current;
    return !stoppedRef.current && !isDirty(bodyRef.current, savedRef.current);
  }, [save]);

  /** Starts over from a version read from the server (after "Reload latest version"). */
  const rebase = useCallback((nextBaseline: Body, nextEtag: string) => {
    clearTimer();
    stoppedRef.current = null;
    savedRef.current = nextBaseline;
    etagRef.current = nextEtag;
    setState({ kind: 'idle' });
  }, []);

  /**
   * Keeps the local text: takes the latest version's ETag and saves every local field over it.
   * `latest` is the body of the version just read.
   */
  const overwrite = useCallback(
    async (latest: Body, latestEtag: string) => {
      stoppedRef.current = null;
      savedRef.current = latest;
      etagRef.current = latestEtag;
      await save();
    },
    [save],
  );

  return {
    state,
    dirty: isDirty(body, savedRef.current),
    flush,
    retry: save,
    rebase,
    overwrite,
    /** The ETag of the last version saved (for submitting or translating next). */
    etag: () => etagRef.current,
  };
}
