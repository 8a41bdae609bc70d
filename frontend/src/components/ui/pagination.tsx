import { useTranslation } from 'react-i18next';
import { Button } from './button';

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label?: string;
}

export function Pagination({ page, pageSize, total, onPageChange, label }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (total <= pageSize && page <= 1) {
    return <p className="pagination-summary">{t('pagination.total', { count: total })}</p>;
  }
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={label ?? t('pagination.label')}>
      <p className="pagination-summary" aria-live="polite">
        {t('pagination.range', { from, to, total })}
      </p>
      <div className="pagination-controls">
        <Button size="sm" onClick={() => onPageChange(page - 1)} disabled={page <= 1}>
          <span aria-hidden="true">← </span>
          {t('pagination.previous')}
        </Button>
        <span className="pagination-page">{t('pagination.page', { page, pages })}</span>
        <Button size="sm" onClick={() => onPageChange(page + 1)} disabled={page >= pages}>
          {t('pagination.next')}
          <span aria-hidden="true"> →</span>
        </Button>
      </div>
    </nav>
  );
}
