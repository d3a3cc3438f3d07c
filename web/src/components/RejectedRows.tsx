import { useEffect, useMemo } from 'react';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { useI18n } from '../i18n/i18n.js';

/** Problems listed on the page; all of them are in the download. */
const SHOWN_PROBLEMS = 1000;

export interface RowProblem {
  /** The row as the reader's spreadsheet numbers it, the header being 1. */
  row: number;
  /** The column as the file names it, or words for the whole row or file. */
  column: string;
  /** The cell as read, where the page knows it. */
  value?: string;
  message: string;
}

/**
 * The rows an import refused, to correct in the file: row, column, the cell where known, and what
 * is wrong. A long list shows its first thousand and offers all of them as a CSV download.
 */
export function RejectedRows({ caption, problems }: { caption: string; problems: readonly RowProblem[] }) {
  const { t } = useI18n();
  const withValues = problems.some((p) => p.value !== undefined);
  const download = useMemo(() => {
    if (problems.length <= SHOWN_PROBLEMS) return null;
    const header = [t('importProblems.row'), t('importProblems.column'), ...(withValues ? [t('importProblems.value')] : []), t('importProblems.problem')];
    const csv = stringify([header, ...problems.map((p) => [p.row, p.column, ...(withValues ? [p.value ?? ''] : []), p.message])]);
    return URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  }, [problems, withValues, t]);
  useEffect(() => () => void (download && URL.revokeObjectURL(download)), [download]);

  return (
    <>
      {download && (
        <p>
          {t('importProblems.first', { shown: SHOWN_PROBLEMS, count: problems.length })}{' '}
          <a href={download} download="import-problems.csv">{t('importProblems.download')}</a>
        </p>
      )}
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('importProblems.row')}</th>
            <th scope="col">{t('importProblems.column')}</th>
            {withValues && <th scope="col">{t('importProblems.value')}</th>}
            <th scope="col">{t('importProblems.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
            <tr key={i}>
              <th scope="row" data-label={t('importProblems.row')}>{p.row}</th>
              <td data-label={t('importProblems.column')}>{p.column}</td>
              {withValues && <td data-label={t('importProblems.value')} className="details-cell">{p.value}</td>}
              <td data-label={t('importProblems.problem')} className="details-cell">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
