import { useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isApiError, type FieldError } from '@/api/errors';
import { queryKeys } from '@/api/query-keys';
import type { Practice, PracticePatch, Programme, Versioned } from '@/api/types';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useVersionedAutosave } from '@/lib/use-versioned-autosave';
import { fetchPractice, patchPractice, runLifecycleAction, storePractice, useCreatePractice } from '../api/practices';
import { draftFromPractice, draftToBody, isFilledIn, validateDraft, type PracticeDraft } from '../components/practice-draft';
import { focusEditorField, missingToSubmit } from '../components/submit-checklist';

/** What the "new" page hands to the edit page, so that nothing typed during creation is lost. */
export interface CarriedDraft {
  draft: PracticeDraft;
  version: number;
}

export interface PracticeEditorSessionOptions {
  programme: Programme;
  /** Absent while creating. */
  practice?: Practice;
  etag?: string;
  initialDraft: PracticeDraft;
}

const topLevel = (path: string) => path.split(/[.[]/)[0];

/**
 * One editing session of a practice: the draft, its validation and server errors, autosave
 * (with the leave guard), and the actions that end or repair the session (create, submit,
 * reload the latest version, keep mine).
 */
export function usePracticeEditorSession({ programme, practice, etag = '', initialDraft }: PracticeEditorSessionOptions) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const create = useCreatePractice(programme.id);
  const idempotency = useIdempotencyKey();
  const [draft, setDraft] = useState<PracticeDraft>(initialDraft);
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<FieldError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitTried, setSubmitTried] = useState(false);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [confirmReload, setConfirmReload] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const focusAfterDialog = useRef<string | null>(null);
  const creating = !practice;

  const validation = useMemo(() => validateDraft(draft, t), [draft, t]);
  const blocked = useMemo(() => new Set(Object.keys(validation).map(topLevel)), [validation]);
  const body = useMemo(() => draftToBody(draft), [draft]);
  // While creating, "unsaved" means changed since the page opened; nothing is saved before the draft exists.
  const [baseline] = useState(() => draftToBody(practice ? draftFromPractice(practice) : initialDraft));

  const autosave = useVersionedAutosave({
    enabled: !!practice,
    etag,
    body,
    blocked,
    baseline,
    partial: true,
    save: (patch, ifMatch) => patchPractice(practice!.id, patch as PracticePatch, ifMatch),
    onSaved: (result: Versioned<Practice>) => {
      storePractice(queryClient, result);
      setServerErrors({});
    },
    onRejected: (error) => {
      if (!isApiError(error)) return;
      setServerErrors(Object.fromEntries(error.fieldErrors.map((fe) => [fe.field, fe.message])));
      setShowAll(true);
    },
  });
  const state = autosave.state;
  const unsaved = autosave.dirty;

  // Once saving was held back by a mistake, show every mistake, not only text over its limit.
  useEffect(() => {
    if (state.kind === 'blocked') setShowAll(true);
  }, [state.kind]);

  useEffect(() => {
    if (!focusTarget) return;
    const el = document.getElementById(focusTarget);
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  // A link to a field (from the practice page's "what is missing" list) lands on it.
  useEffect(() => {
    const target = location.hash.slice(1);
    if (!target) return;
    const timer = setTimeout(() => {
      const el = document.getElementById(target);
      el?.scrollIntoView?.({ block: 'center' });
      el?.focus();
    }, 0);
    return () => clearTimeout(timer);
    // Only on arrival, not when the hash changes later (the contents links scroll by themselves).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const shown: Record<string, string> = {};
  for (const [path, error] of Object.entries(validation)) if (!error.deferred || showAll) shown[path] = error.message;
  for (const [path, message] of Object.entries(serverErrors)) shown[path] ??= message;
  for (const m of missing) if (!isFilledIn(draft, m.field)) shown[m.field] ??= t('practices.editor.neededToSubmit');
  const errorFor = (path: string) => shown[path];

  const set = <K extends keyof PracticeDraft>(key: K, value: PracticeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const requestFocus = (id: string) => setFocusTarget(id);

  const focusFirstError = () => {
    setTimeout(() => {
      const first = document.querySelector<HTMLElement>('.practice-editor-form [aria-invalid="true"]');
      first?.scrollIntoView?.({ block: 'center' });
      first?.focus();
    }, 0);
  };

  // --- creating --------------------------------------------------------------------------
  const createDraft = () => {
    setShowAll(true);
    if (Object.keys(validation).length > 0) {
      setFormError(t('forms.fixErrors', { count: Object.keys(validation).length }));
      focusFirstError();
      return;
    }
    setFormError(null);
    const requestBody = draftToBody(draft);
    create.mutate(
      { body: requestBody, idempotencyKey: idempotency.forBody(requestBody) },
      {
        onSuccess: (result) => {
          idempotency.reset();
          autosave.leave.allow();
          toast.show(t('practices.editor.created'));
          navigate(`/practices/${result.data.id}/edit`, {
            replace: true,
            state: { carried: { draft, version: result.data.version } satisfies CarriedDraft },
          });
        },
        onError: (error) => {
          if (isApiError(error) && error.fieldErrors.length) {
            setServerErrors(Object.fromEntries(error.fieldErrors.map((fe) => [fe.field, fe.message])));
            focusFirstError();
          }
          setFormError(describeError(error, t));
        },
      },
    );
  };

  // --- submitting ------------------------------------------------------------------------
  /** What submitting still needs, judged on the draft as it is typed (see SubmitChecklist). */
  const toSubmit = useMemo(() => missingToSubmit(draft, practice?.missing), [draft, practice?.missing]);
  /** After "Submit" on an incomplete practice: how many fields are still needed, until none is. */
  const incompleteMessage = submitTried && toSubmit.length > 0 ? t('practices.editor.checklist.incomplete', { count: toSubmit.length }) : null;

  /**
   * "Submit for review": an incomplete practice says what it lacks first (under each field, in
   * the checklist, and focus on the first one); only a complete one opens the confirmation.
   */
  const trySubmit = () => {
    if (toSubmit.length > 0) {
      setSubmitTried(true);
      setMissing(toSubmit.map((field) => ({ field, message: '' })));
      focusEditorField(toSubmit[0]);
      return;
    }
    setMissing([]);
    setSubmitOpen(true);
  };

  const submit = async () => {
    if (!practice) return;
    setSubmitError(null);
    setMissing([]);
    setSubmitting(true);
    try {
      const saved = await autosave.flush();
      if (!saved) {
        setShowAll(true);
        setSubmitError(t('practices.editor.saveBeforeSubmit'));
        return;
      }
      const result = await runLifecycleAction(practice.id, 'submit');
      storePractice(queryClient, result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.practices.revisions(practice.id) });
      autosave.leave.allow();
      setSubmitOpen(false);
      toast.show(t('practices.submit.done'));
      navigate(`/practices/${practice.id}`);
    } catch (error) {
      if (isApiError(error) && error.code === 'practice_incomplete' && error.fieldErrors.length) {
        setMissing(error.fieldErrors);
        setShowAll(true);
      } else {
        setSubmitError(describeError(error, t));
      }
    } finally {
      setSubmitting(false);
    }
  };

  // --- conflicts -------------------------------------------------------------------------
  /** Fetches the server's latest version and resolves the conflict with it; a failure shows in the form alert. */
  const resolveWith = async (resolve: (latest: Versioned<Practice>) => void | Promise<void>) => {
    if (!practice) return;
    setResolving(true);
    try {
      const latest = await fetchPractice(practice.id);
      storePractice(queryClient, latest);
      await resolve(latest);
    } catch (error) {
      setFormError(describeError(error, t));
    } finally {
      setResolving(false);
    }
  };

  const reloadLatest = () =>
    resolveWith((latest) => {
      const next = draftFromPractice(latest.data);
      setDraft(next);
      setMissing([]);
      setServerErrors({});
      autosave.rebase(draftToBody(next), latest.etag);
      setConfirmReload(false);
      setAnnouncement(t('practices.editor.reloaded'));
    });

  const keepMine = () => resolveWith((latest) => autosave.overwrite(latest.etag, draftToBody(draftFromPractice(latest.data))));

  return {
    creating,
    draft,
    set,
    errorFor,
    requestFocus,
    autosave,
    state,
    unsaved,
    create,
    createDraft,
    submit,
    toSubmit,
    trySubmit,
    reloadLatest,
    keepMine,
    formError: formError ?? incompleteMessage,
    announcement,
    setAnnouncement,
    missing,
    submitOpen,
    setSubmitOpen,
    submitError,
    setSubmitError,
    submitting,
    confirmReload,
    setConfirmReload,
    resolving,
    focusAfterDialog,
  };
}
