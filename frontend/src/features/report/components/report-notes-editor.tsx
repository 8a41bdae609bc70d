import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/form-fields';
import { numberFormat } from '@/lib/format';
import type { SaveStatus } from '@/lib/use-versioned-autosave';
import type { ReportNotesInput } from '../api/types';
import type { useReportNotesSession } from '../hooks/use-report-notes-session';
import { REPORT_NAMESPACES } from '../report-namespaces';

/** The bound the server keeps on each text (ReportNotesInput.maxLength). */
export const NOTES_MAX_LENGTH = 20000;

const STATUS_KEYS: Record<SaveStatus['kind'], string> = {
  idle: 'report.notes.status.idle',
  pending: 'report.notes.status.pending',
  saving: 'report.notes.status.saving',
  saved: 'report.notes.status.saved',
  blocked: 'report.notes.status.error',
  error: 'report.notes.status.error',
  conflict: 'report.notes.status.conflict',
  locked: 'report.notes.status.error',
};

/**
 * The coordinators' conclusions and policy lessons, saved as they are written (If-Match). When
 * another coordinator saved first, saving stops and the editor says so, with the choice to reload
 * their version or keep this one; nothing typed is lost without being asked.
 */
export function ReportNotesEditor({ session }: { session: ReturnType<typeof useReportNotesSession> }) {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const { draft, change, fieldErrors, autosave, reloadTheirs, keepMine } = session;
  const number = numberFormat(i18n.language);
  const state = autosave.state;
  const field = (name: keyof ReportNotesInput, label: string) => (
    <TextAreaField
      label={label}
      rows={7}
      value={draft[name]}
      maxLength={NOTES_MAX_LENGTH}
      onChange={(e) => change(name, e.target.value)}
      error={fieldErrors[name]}
      hint={t('report.notes.count', { count: number.format(draft[name].length), max: number.format(NOTES_MAX_LENGTH) })}
    />
  );
  return (
    <section className="report-notes-editor no-print" aria-labelledby="report-notes-editor-title">
      <h2 id="report-notes-editor-title">{t('report.notes.editorTitle')}</h2>
      <p className="muted">{t('report.notes.editorLead')}</p>
      {state.kind === 'conflict' && (
        <div className="alert alert-warning" role="alert">
          <p>
            <strong>{t('report.notes.conflictTitle')}</strong>
          </p>
          <p>{t('report.notes.conflict')}</p>
          <div className="report-notes-actions">
            <Button onClick={() => void reloadTheirs()}>{t('report.notes.reload')}</Button>
            <Button variant="primary" onClick={() => void keepMine()}>
              {t('report.notes.keepMine')}
            </Button>
          </div>
        </div>
      )}
      {field('conclusions', t('report.notes.conclusions'))}
      {field('policy_lessons', t('report.notes.policyLessons'))}
      <div className="report-notes-actions">
        <Button onClick={() => void autosave.flush()} disabled={state.kind === 'conflict' || !autosave.dirty}>
          {t('report.notes.save')}
        </Button>
        <span className="muted report-notes-status" role="status" aria-live="polite">
          {state.kind === 'idle' ? '' : t(STATUS_KEYS[state.kind])}
        </span>
      </div>
    </section>
  );
}
