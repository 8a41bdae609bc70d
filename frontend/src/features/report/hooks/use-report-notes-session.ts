import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { isApiError } from '@/api/errors';
import { queryKeys } from '@/api/query-keys';
import type { Versioned } from '@/api/types';
import { describeFieldError } from '@/lib/describe-error';
import { useVersionedAutosave } from '@/lib/use-versioned-autosave';
import type { TFunction } from 'i18next';
import { fetchReportNotes, putReportNotes } from '../api/report';
import type { ReportNotes, ReportNotesInput } from '../api/types';

const bodyOf = (n: ReportNotes): ReportNotesInput => ({ conclusions: n.conclusions, policy_lessons: n.policy_lessons });

/**
 * The report notes being edited: the draft, saved with If-Match through the app's one editing
 * core (autosave after a quiet time, one request in flight, a conflict stops it until the
 * coordinator reloads the other version or keeps their own).
 */
export function useReportNotesSession(programmeId: string, initial: Versioned<ReportNotes>, t: TFunction) {
  const queryClient = useQueryClient();
  const [baseline] = useState(() => bodyOf(initial.data));
  const [draft, setDraft] = useState<ReportNotesInput>(baseline);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof ReportNotesInput, string>>>({});
  const autosave = useVersionedAutosave<ReportNotesInput, Versioned<ReportNotes>>({
    enabled: true,
    etag: initial.etag,
    body: draft,
    baseline,
    save: (payload, ifMatch) => putReportNotes(programmeId, payload as ReportNotesInput, ifMatch),
    onSaved: (result) => {
      setFieldErrors({});
      queryClient.setQueryData(queryKeys.report.notes(programmeId), result);
    },
    onRejected: (error) => {
      if (!isApiError(error)) return;
      const out: Partial<Record<keyof ReportNotesInput, string>> = {};
      for (const fe of error.fieldErrors) {
        if (fe.field === 'conclusions' || fe.field === 'policy_lessons') out[fe.field] ??= describeFieldError(fe, t);
      }
      setFieldErrors(out);
    },
  });
  const { rebase, overwrite } = autosave;

  const change = useCallback((field: keyof ReportNotesInput, value: string) => setDraft((d) => ({ ...d, [field]: value })), []);

  /** Takes the other coordinator's version: their text replaces the draft. */
  const reloadTheirs = useCallback(async () => {
    const latest = await fetchReportNotes(programmeId);
    queryClient.setQueryData(queryKeys.report.notes(programmeId), latest);
    setDraft(bodyOf(latest.data));
    rebase(bodyOf(latest.data), latest.etag);
  }, [programmeId, queryClient, rebase]);

  /** Keeps the draft: saves it over the other coordinator's version. */
  const keepMine = useCallback(async () => {
    const latest = await fetchReportNotes(programmeId);
    await overwrite(latest.etag, bodyOf(latest.data));
  }, [programmeId, overwrite]);

  return { draft, change, fieldErrors, autosave, reloadTheirs, keepMine };
}
