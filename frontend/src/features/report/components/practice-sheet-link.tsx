import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REPORT_NAMESPACES } from '../report-namespaces';

/** The way from a practice's page to its printable sheet. */
export function PracticeSheetLink({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation(REPORT_NAMESPACES, { nsMode: 'fallback' });
  return (
    <p className="practice-sheet-link">
      <Link to={`/practices/${practiceId}/sheet`} className="btn btn-secondary btn-sm">
        {t('report.sheet.open')}
      </Link>
    </p>
  );
}
