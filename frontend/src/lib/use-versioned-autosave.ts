import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { isApiError } from '@/api/errors';

/** Where an autosaving form stands; every form shows its save status from this one type. */
export type SaveStatus =
  | { kind: 'idle' }
  /** Changed, waiting for the quiet time to pass. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** Some changed fields are not valid now: they wait, the rest was saved (at `at`). */
  | { kind: 'blocked'; at?: Date }
  | { kind: 'error'; error: unknown }
  /** 412 or `version_mismatch`: someone else saved first; nothing is saved until resolved. */
  | { kind: 'conflict' }
  /** 409: the resource can no longer be written (submitted, closed, …). */
  | { kind: 'locked'; error: unknown };

type Body = Record<string, unknown>;

export interface VersionedAutosaveOptions<TBody extends object, TResult extends { etag: string }> {
  /** Nothing is saved while false (not created yet, read-only). */
  enabled: boolean;
  /** The ETag of the version the form started from. */
  etag: string;
  /** The whole form as a request body. */
  body: TBody;
  /** The body of the version the form started from (read once, and on rebase). */
  baseline: TBody;
  /** Sends `payload` with `If-Match: ifMatch`; resolves with the new version's ETag. */
  save: (payload: Partial<TBody>, ifMatch: string) => Promise<TResult>;
  /** True: only the top-level fields that changed are sent (PATCH); false: the whole body (PUT). */
  partial?: boolean;
  /** Top-level fields that are not valid now: they wait, the rest is saved (`partial` only). */
  blocked?: ReadonlySet<string>;
  /** Quiet time after the last change before saving. */
  delay?: number;
  onSaved?: (result: TResult) => void;
  /** A 400 with field errors, to show next to the fields. */
  onRejected?: (error: unknown) => void;
  /** Holds navigation and warns before unload while there is something unsaved (default true). */
  leaveGuard?: boolean;
}

const NOTHING_BLOCKED: ReadonlySet<string> = new Set();
const json = (v: unknown) => JSON.stringify(v ?? null);

/** The top-level fields of `body` that differ from `saved` and may be sent. */
function changedFields(body: Body, saved: Body, blocked: ReadonlySet<string>): Body {
  const out: Body = {};
  for (const [key, value] of Object.entries(body)) {
    if (!blocked.has(key) && json(value) !== json(saved[key])) out[key] = value;
  }
  return out;
}

function isDirty(body: Body, saved: Body): boolean {
  return Object.keys({ ...body, ...saved }).some((key) => json(body[key]) !== json(saved[key]));
}

export const isConflict = (error: unknown) => isApiError(error) && (error.status === 412 || error.code === 'version_mismatch');

/**
 * The editing core of every autosaving form: after a quiet `delay`, sends the draft with
 * `If-Match` of the last known ETag; one request at a time, and changes made while saving are
 * sent next. A 412 (or a `version_mismatch` problem) stops it until the conflict is resolved with
 * `rebase` (take the latest version) or `overwrite` (keep the local text on top of it); a 409
 * stops it for good. Local text is never replaced behind the user's back, and leaving with
 * unsaved text first tries to save, then asks (`leave`).
 */
export function useVersionedAutosave<TBody extends object, TResult extends { etag: string }>(
  options: VersionedAutosaveOptions<TBody, TResult>,
) {
  const { enabled, etag, delay = 1500, partial = false, leaveGuard = true } = options;
  const body = options.body as Body;
  const blocked = options.blocked ?? NOTHING_BLOCKED;
  const [state, setState] = useState<SaveStatus>({ kind: 'idle' });
  const etagRef = useRef(etag);
  const savedRef = useRef<Body>(options.baseline as Body);
  const bodyRef = useRef(body);
  const blockedRef = useRef(blocked);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const stoppedRef = useRef<'conflict' | 'locked' | null>(null);
  const lastSavedAtRef = useRef<Date | undefined>(undefined);
  const callbacksRef = useRef({ save: options.save, onSaved: options.onSaved, onRejected: options.onRejected });
  bodyRef.current = body;
  blockedRef.current = blocked;
  callbacksRef.current = { save: options.save, onSaved: options.onSaved, onRejected: options.onRejected };

  const clearTimer = () => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  /** Sends what changed; resolves when the state is settled (saved, blocked or failed). */
  const save = useCallback(async (): Promise<void> => {
    clearTimer();
    if (!enabled || stoppedRef.current) return;
    if (inFlightRef.current) {
      await inFlightRef.current;
      if (stoppedRef.current) return;
    }
    const changed = changedFields(bodyRef.current, savedRef.current, blockedRef.current);
    if (Object.keys(changed).length === 0) {
      if (isDirty(bodyRef.current, savedRef.current)) setState({ kind: 'blocked', at: lastSavedAtRef.current });
      return;
    }
    const payload = partial ? changed : bodyRef.current;
    setState({ kind: 'saving' });
    const request = callbacksRef.current.save(payload as Partial<TBody>, etagRef.current).then(
      (result) => {
        etagRef.current = result.etag;
        savedRef.current = partial ? { ...savedRef.current, ...payload } : payload;
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
        if (isConflict(error)) {
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
  }, [enabled, delay, partial]);

  const bodyJson = json(body);
  const blockedKey = [...blocked].sort().join(',');
  useEffect(() => {
    if (!enabled || stoppedRef.current) return;
    if (!isDirty(bodyRef.current, savedRef.current)) {
      clearTimer();
      setState((s) =>
        s.kind === 'pending' || s.kind === 'blocked' ? (lastSavedAtRef.current ? { kind: 'saved', at: lastSavedAtRef.current } : { kind: 'idle' }) : s,
      );
      return;
    }
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    clearTimer();
    timerRef.current = setTimeout(() => void save(), delay);
    return clearTimer;
    // `bodyJson` and `blockedKey` stand for the body and the blocked fields read through refs.
  }, [bodyJson, blockedKey, enabled, delay, save]);

  useEffect(() => clearTimer, []);

  /** Saves now (before submitting or leaving); true when everything is saved afterwards. */
  const flush = useCallback(async (): Promise<boolean> => {
    await save();
    if (inFlightRef.current) await inFlightRef.current;
    return !stoppedRef.current && !isDirty(bodyRef.current, savedRef.current);
  }, [save]);

  /** Starts over from a version read from the server (after "Reload latest version"). */
  const rebase = useCallback((nextBaseline: TBody, nextEtag: string) => {
    clearTimer();
    stoppedRef.current = null;
    savedRef.current = nextBaseline as Body;
    etagRef.current = nextEtag;
    setState({ kind: 'idle' });
  }, []);

  /**
   * Keeps the local text: takes the latest version's ETag and saves the local fields over it.
   * `latest` is the body of the version just read; without it everything local is sent.
   */
  const overwrite = useCallback(
    async (latestEtag: string, latest?: TBody) => {
      stoppedRef.current = null;
      savedRef.current = (latest as Body | undefined) ?? {};
      etagRef.current = latestEtag;
      setState({ kind: 'idle' });
      await save();
    },
    [save],
  );

  const dirty = isDirty(body, savedRef.current);
  const leave = useLeaveGuard({
    active: leaveGuard && (dirty || state.kind === 'saving'),
    // Saving first is only possible while saving is on.
    canSave: () => enabled && !stoppedRef.current,
    flush,
  });

  return {
    state,
    dirty,
    flush,
    retry: save,
    rebase,
    overwrite,
    leave,
    /** The ETag of the last version saved (for submitting or translating next). */
    etag: () => etagRef.current,
  };
}

interface LeaveGuardOptions {
  /** There is something unsaved (or being saved). */
  active: boolean;
  canSave: () => boolean;
  flush: () => Promise<boolean>;
}

/**
 * Leaving for another page while `active`: saves first and goes on when that worked, otherwise
 * `asking` turns true for the form to ask (`go` leaves anyway, `stay` stays). Closing or reloading
 * the tab shows the browser's own warning.
 */
function useLeaveGuard({ active, canSave, flush }: LeaveGuardOptions) {
  const activeRef = useRef(active);
  activeRef.current = active;
  const leavingRef = useRef(false);
  const stepsRef = useRef({ canSave, flush });
  stepsRef.current = { canSave, flush };
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: { pathname: string }; nextLocation: { pathname: string } }) =>
        !leavingRef.current && activeRef.current && currentLocation.pathname !== nextLocation.pathname,
      [],
    ),
  );
  const [asking, setAsking] = useState(false);
  const blockerRef = useRef(blocker);
  blockerRef.current = blocker;

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (!stepsRef.current.canSave()) {
      setAsking(true);
      return;
    }
    void stepsRef.current.flush().then((ok) => {
      if (ok) blockerRef.current.proceed?.();
      else setAsking(true);
    });
  }, [blocker.state]);

  useEffect(() => {
    if (!active) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  return {
    /** A navigation is held and could not be saved first: ask whether to leave. */
    asking,
    /** Leave without saving. */
    go: useCallback(() => {
      leavingRef.current = true;
      setAsking(false);
      blockerRef.current.proceed?.();
    }, []),
    /** Stay on the form. */
    stay: useCallback(() => {
      setAsking(false);
      blockerRef.current.reset?.();
    }, []),
    /** The next navigation is meant (after creating or submitting): let it through. */
    allow: useCallback(() => {
      leavingRef.current = true;
    }, []),
  };
}
