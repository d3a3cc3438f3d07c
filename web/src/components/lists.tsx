import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

/** One page of a cursor-paged API list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T, P extends Page<T>> {
  items: T[];
  setItems: (update: (items: T[]) => T[]) => void;
  /** The last page received, for the extra fields some lists carry beside their items. */
  page: P | null;
  nextCursor: string | null;
  loading: boolean;
  /** What the last load failed with, as thrown (the page words it for its own fields). */
  error: unknown;
  /** Loads the first page again. */
  reload: () => Promise<void>;
  /** Appends the next page. */
  loadMore: () => Promise<void>;
}

/**
 * A list read page by page: the first page whenever `fetchPage` changes (a new filter), the next
 * on demand. A failed first page empties the list, so stale rows never stand under a new filter,
 * and an answer overtaken by a newer request is ignored.
 */
export function usePagedList<P extends Page<unknown>>(fetchPage: (cursor?: string) => Promise<P>): PagedList<P['items'][number], P> {
  type T = P['items'][number];
  const [items, setItems] = useState<T[]>([]);
  const [page, setPage] = useState<P | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  // Only the latest request may fill the list: an answer to an older filter arriving late is dropped.
  const latest = useRef(0);

  const load = useCallback(
    async (cursor?: string) => {
      const request = ++latest.current;
      setLoading(true);
      setError(null);
      try {
        const next = await fetchPage(cursor);
        if (request !== latest.current) return;
        setItems((before) => (cursor ? [...before, ...next.items] : next.items));
        setPage(next);
      } catch (e) {
        if (request !== latest.current) return;
        if (!cursor) {
          setItems([]);
          setPage(null);
        }
        setError(e);
      } finally {
        if (request === latest.current) setLoading(false);
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const nextCursor = page?.nextCursor ?? null;
  return {
    items,
    setItems,
    page,
    nextCursor,
    loading,
    error,
    reload: useCallback(() => load(), [load]),
    loadMore: useCallback(() => (nextCursor ? load(nextCursor) : Promise.resolve()), [load, nextCursor]),
  };
}

/** The button under a paged list, shown while there is more to read. */
export function LoadMore({ list }: { list: Pick<PagedList<unknown, Page<unknown>>, 'nextCursor' | 'loading' | 'loadMore'> }) {
  const { t } = useI18n();
  if (!list.nextCursor) return null;
  return (
    <p>
      <button type="button" className="button secondary" disabled={list.loading} onClick={() => void list.loadMore()}>
        {t('common.loadMore')}
      </button>
    </p>
  );
}

export interface Column<T> {
  label: string;
  /** Leaves the column out (a field this reader's role does not receive, say). */
  hidden?: boolean;
  cell: (row: T) => ReactNode;
  /** The cell that names the row (read out before the others by screen readers). */
  rowHeader?: boolean;
  /** A column of buttons: its heading is for screen readers only. */
  actions?: boolean;
  className?: string;
}

/**
 * A table of records that turns into labelled cards on a phone (each cell carries its column's
 * name), with nothing rendered while there are no rows.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, rowClass, compact }: {
  caption: string;
  /** Tighter rows, for a table inside a panel. */
  compact?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  rowClass?: (row: T) => string | undefined;
}) {
  if (rows.length === 0) return null;
  columns = columns.filter((c) => !c.hidden);
  return (
    <table className={compact ? 'data-table compact' : 'data-table'}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.className}>{c.actions ? <span className="visually-hidden">{c.label}</span> : c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClass?.(row)}>
            {columns.map((c) => {
              const label = c.actions ? undefined : c.label;
              return c.rowHeader ? (
                <th key={c.label} scope="row" data-label={label} className={c.className}>{c.cell(row)}</th>
              ) : (
                <td key={c.label} data-label={label} className={c.className}>{c.cell(row)}</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
