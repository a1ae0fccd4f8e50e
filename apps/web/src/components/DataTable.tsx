import { useId, useMemo, useState, type ReactNode } from 'react';
import { compareCells, display, type Cell } from '../data/cells';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/context';

export interface Column<R> {
  id: string;
  header: string;
  cell(row: R): Cell;
  /** A link for the cell (e.g. the person page). */
  link?(row: R): string | undefined;
}

/** A table as exported: headers and cells, exactly as shown. */
export interface TableData {
  headers: string[];
  rows: Cell[][];
}

export function tableData<R>(columns: readonly Column<R>[], rows: readonly R[]): TableData {
  return { headers: columns.map((c) => c.header), rows: rows.map((r) => columns.map((c) => c.cell(r))) };
}

interface Props<R> {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey(row: R): string;
  /** Rows shown after the others, never sorted (a total). */
  footer?: readonly R[];
  /** Rows per page (client-side paging); default 25. */
  pageSize?: number;
  initialSort?: { column: string; descending?: boolean };
  /** Export buttons and notes shown under the caption. */
  tools?: ReactNode;
}

/**
 * A sortable table: each column header is a button (keyboard and screen readers: `aria-sort`),
 * withheld and refused cells sort last in both directions, long lists are paged. It scrolls
 * horizontally inside a focusable region on narrow screens.
 */
export function DataTable<R>({ caption, columns, rows, rowKey, footer, pageSize = 25, initialSort, tools }: Props<R>) {
  const { t, lang, words } = useLang();
  const captionId = useId();
  const [sort, setSort] = useState<{ column: string; descending: boolean } | null>(
    initialSort ? { column: initialSort.column, descending: !!initialSort.descending } : null,
  );
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.id === sort.column);
    if (!column) return rows;
    return [...rows].sort((a, b) => {
      const ca = column.cell(a);
      const cb = column.cell(b);
      const order = compareCells(ca, cb, lang);
      const nullish = (c: Cell) => ['withheld', 'empty', 'forbidden', 'unavailable'].includes(c.kind);
      // Missing values last whichever the direction.
      if (nullish(ca) !== nullish(cb)) return order;
      return sort!.descending ? -order : order;
    });
  }, [rows, columns, sort, lang]);
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = sorted.slice(current * pageSize, (current + 1) * pageSize);

  const renderRow = (row: R) => (
    <tr key={rowKey(row)}>
      {columns.map((c, i) => {
        const cell = c.cell(row);
        const shown = display(cell, lang, words);
        const link = c.link?.(row);
        const content = shown.title ? <span title={shown.title}>{shown.text}</span> : shown.text;
        const className = [shown.numeric ? 'num' : '', shown.muted ? 'muted' : ''].filter(Boolean).join(' ') || undefined;
        const body = link ? <a href={link}>{content}</a> : content;
        return i === 0 ? (
          <th key={c.id} scope="row" className={className} data-kind={cell.kind}>
            {body}
          </th>
        ) : (
          <td key={c.id} className={className} data-kind={cell.kind}>
            {body}
          </td>
        );
      })}
    </tr>
  );

  return (
    <div className="table-block">
      {tools}
      <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table>
          <caption id={captionId}>
            {caption} <span className="count">({t.rowsCount(formatNumber(rows.length, lang))})</span>
          </caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.column === c.id;
                return (
                  <th key={c.id} scope="col" aria-sort={active ? (sort!.descending ? 'descending' : 'ascending') : 'none'}>
                    <button
                      type="button"
                      className="sort"
                      title={t.sortBy(c.header)}
                      onClick={() => {
                        setSort({ column: c.id, descending: active ? !sort!.descending : false });
                        setPage(0);
                      }}
                    >
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort!.descending ? ' ▼' : ' ▲') : ' ↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.length ? (
              visible.map(renderRow)
            ) : (
              <tr>
                <td colSpan={columns.length}>{t.noRows}</td>
              </tr>
            )}
          </tbody>
          {footer && footer.length ? <tfoot>{footer.map(renderRow)}</tfoot> : null}
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pager" aria-label={`${t.pagination}: ${caption}`}>
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
            {t.previousPage}
          </button>
          <span aria-live="polite">{t.page(current + 1, pages)}</span>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            {t.nextPage}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
