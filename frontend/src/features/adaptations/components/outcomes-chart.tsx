import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import type { Outcome } from '../api/types';

const OutcomesLineChart = lazy(() => import('./outcomes-line-chart').then((m) => ({ default: m.OutcomesLineChart })));

/**
 * Participants against people back at work over time, from the dated follow-ups. The same
 * figures are in the table next to it, so the chart is decoration for screen readers.
 */
export function OutcomesChart({ outcomes }: { outcomes: readonly Outcome[] }) {
  const { t, i18n } = useTranslation('exchange');
  const data = [...outcomes]
    .sort((a, b) => a.recorded_on.localeCompare(b.recorded_on))
    .map((o) => ({
      date: formatDate(o.recorded_on, i18n.language),
      participants: o.participants,
      returned_to_work: o.returned_to_work,
      in_work_after_6_months: o.in_work_after_6_months ?? null,
    }));
  const names = {
    participants: t('outcomes.fields.participants'),
    returned_to_work: t('outcomes.fields.returned_to_work'),
    in_work_after_6_months: t('outcomes.fields.in_work_after_6_months'),
  };
  return (
    <figure className="chart-figure">
      <figcaption>{t('outcomes.chartCaption')}</figcaption>
      <div className="chart-box" aria-hidden="true">
        <Suspense fallback={null}>
          <OutcomesLineChart data={data} names={names} />
        </Suspense>
      </div>
    </figure>
  );
}
