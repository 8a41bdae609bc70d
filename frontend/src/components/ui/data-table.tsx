import type { ReactNode } from 'react';
import { Pagination } from './pagination';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Render the cell as a row header (<th scope="row">), e.g. the name column. */
  rowHeader?: boolean;
  className?: string;
}

export interface DataTableProps<T> {
  caption: ReactNode;
  /** Keep the caption for screen readers only. */
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  pagination?: { page: number; pageSize: number; total: number; totalIsEstimate?: boolean; onPageChange: (page: number) => void };
  busy?: boolean;
}

export function DataTable<T>({ caption, captionHidden, columns, rows, rowKey, pagination, busy }: DataTableProps<T>) {
  return (
    <div className="table-block">
      <div className="table-scroll" tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : undefined}>
        <table className="table" aria-busy={busy || undefined}>
          <caption className={captionHidden ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.className}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={c.className}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={c.className}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pagination && <Pagination {...pagination} />}
    </div>
  );
}
