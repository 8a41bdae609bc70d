import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import type { Versioned } from '@/api/types';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useProgrammeOutlet } from '@/lib/programme-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { programmeText } from '@/lib/vocabulary';
import { useProgrammeReport, useReportNotes } from '../api/report';
import type { ProgrammeReport, ReportNotes } from '../api/types';
import { useReportNotesSession } from '../hooks/use-report-notes-session';
import { REPORT_NAMESPACES } from '../report-namespaces';
import { ReportDocument } from './report-document';
import { ReportNotesEditor } from './report-notes-editor';
import '../report.css';

/** The programme's report for policy (coordinators): an A4 document to print or save as PDF. */
export function ReportPage() {
  const { t, i18n } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const { programme, canCoordinate } = useProgrammeOutlet();
  const report = useProgrammeReport(programme.id, i18n.language);
  const notes = useReportNotes(programme.id);
  useDocumentTitle(`${t('report.title')} — ${programmeText(programme, i18n.language).name}`);

  const coordinatorsOnly = <EmptyState title={t('report.coordinatorsOnlyTitle')}>{t('report.coordinatorsOnly')}</EmptyState>;
  if (!canCoordinate) return coordinatorsOnly;
  const failed = report.error ?? notes.error;
  if (failed) {
    if (isApiError(failed) && (failed.status === 404 || failed.status === 403)) return coordinatorsOnly;
    return (
      <ErrorState
        error={failed}
        onRetry={() => {
          void report.refetch();
          void notes.refetch();
        }}
      />
    );
  }
  if (!report.data || !notes.data) return <LoadingState />;
  return <ReportWorkspace programmeId={programme.id} report={report.data} notes={notes.data} />;
}

function ReportWorkspace({ programmeId, report, notes }: { programmeId: string; report: ProgrammeReport; notes: Versioned<ReportNotes> }) {
  const { t } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  const session = useReportNotesSession(programmeId, notes, t);
  return (
    <div className="report-screen">
      <div className="report-toolbar no-print">
        <div>
          <h2>{t('report.title')}</h2>
          <p className="muted">{t('report.lead')}</p>
          <p className="muted">{t('report.printHint')}</p>
        </div>
        <Button variant="primary" onClick={() => window.print()}>
          {t('report.print')}
        </Button>
      </div>
      <ReportNotesEditor session={session} />
      <ReportDocument report={report} notes={session.draft} />
    </div>
  );
}
