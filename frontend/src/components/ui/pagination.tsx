import { useTranslation } from 'react-i18next';
import { estimatedTotal } from '@/lib/format';
import { Button } from './button';

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The API's `total_is_estimate`: total is an estimate of a large result. */
  totalIsEstimate?: boolean;
  onPageChange: (page: number) => void;
  label?: string;
}

export function Pagination({ page, pageSize, total, totalIsEstimate, onPageChange, label }: PaginationProps) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  const estimate = estimatedTotal(total, totalIsEstimate, i18n.language);
  if (!estimate && total <= pageSize && page <= 1) {
    return <p className="pagination-summary">{t('pagination.total', { count: total })}</p>;
  }
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = estimate ? page * pageSize : Math.min(total, page * pageSize);
  const summary = !estimate
    ? t('pagination.range', { from, to, total })
    : estimate.kind === 'about'
      ? t('pagination.rangeAbout', { from, to, total: estimate.text })
      : t('pagination.rangeMore', { from, to, total: estimate.text });
  const pageLabel = !estimate
    ? t('pagination.page', { page, pages })
    : estimate.kind === 'about'
      ? t('pagination.pageAbout', { page, pages: Math.round(total / Math.max(1, pageSize)) })
      : t('pagination.pageMore', { page, pages: Math.floor(total / Math.max(1, pageSize)) });
  return (
    <nav className="pagination" aria-label={label ?? t('pagination.label')}>
      <p className="pagination-summary" aria-live="polite">
        {summary}
      </p>
      <div className="pagination-controls">
        <Button size="sm" onClick={() => onPageChange(page - 1)} disabled={page <= 1}>
          <span aria-hidden="true">← </span>
          {t('pagination.previous')}
        </Button>
        <span className="pagination-page">{pageLabel}</span>
        {/* An estimate may fall short of the real number: the next page stays reachable. */}
        <Button size="sm" onClick={() => onPageChange(page + 1)} disabled={!estimate && page >= pages}>
          {t('pagination.next')}
          <span aria-hidden="true"> →</span>
        </Button>
      </div>
    </nav>
  );
}
