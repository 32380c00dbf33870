import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  /** Plain text used as the label when a row is stacked as a card on a narrow screen. */
  label: string;
  cell: (row: T) => ReactNode;
  align?: 'start' | 'end';
  className?: string;
}

/**
 * A real `<table>` (so screen readers announce headers) that stacks each row as a card below 640 px,
 * using `data-label` for the column names — no horizontal scrolling on a 360-px phone.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  captionHidden = false,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  captionHidden?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <caption className={captionHidden ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.align === 'end' ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td
                    key={c.key}
                    data-label={c.label}
                    className={
                      [c.align === 'end' ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined
                    }
                  >
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
