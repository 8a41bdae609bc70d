import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '@/api/types';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { DEFAULT_PAGE_SIZE } from '@/lib/constants';

interface AdminListPageProps<T> {
  title: string;
  lead: string;
  newLabel: string;
  searchLabel: string;
  /** Shown when there is nothing yet (a search without matches says so itself). */
  emptyTitle: string;
  onNew: () => void;
  q: string;
  onSearch: (q: string) => void;
  onPageChange: (page: number) => void;
  list: UseQueryResult<Page<T>>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** The create and edit dialogs. */
  children?: ReactNode;
}

/** An administration list: header with "New …", search, a paged table, and its dialogs. */
export function AdminListPage<T>({ title, lead, newLabel, searchLabel, emptyTitle, onNew, q, onSearch, onPageChange, list, columns, rowKey, children }: AdminListPageProps<T>) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={title}
        lead={lead}
        actions={
          <Button variant="primary" onClick={onNew}>
            <span aria-hidden="true">+ </span>
            {newLabel}
          </Button>
        }
      />
      <SearchForm value={q} onSearch={onSearch} label={searchLabel} />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={q ? t('states.noMatches', { q }) : emptyTitle} />
      ) : (
        <DataTable
          caption={title}
          captionHidden
          columns={columns}
          rows={list.data.items}
          rowKey={rowKey}
          busy={list.isFetching}
          pagination={{
            page: list.data.page,
            pageSize: list.data.page_size || DEFAULT_PAGE_SIZE,
            total: list.data.total,
            totalIsEstimate: list.data.total_is_estimate,
            onPageChange,
          }}
        />
      )}
      {children}
    </>
  );
}
