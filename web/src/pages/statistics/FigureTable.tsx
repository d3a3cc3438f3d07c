import { useMemo, type ReactNode } from 'react';
import { changePercent } from '../../../../src/modules/reports/change.js';
import { LOCALES } from '../../../../src/platform/i18n/locales.js';
import { useI18n } from '../../i18n/i18n.js';

export interface FigureRow {
  key: string;
  label: string;
  cells: ReactNode[];
  /** A row of zeros, shown greyed. */
  muted?: boolean;
}

interface FigureTableProps {
  caption: string;
  /** The heading of the first column, which names each row. */
  rowHeader: string;
  columns: readonly string[];
  rows: readonly FigureRow[];
  /** Totals, below the rows. */
  foot?: readonly FigureRow[];
  note?: string;
}

/**
 * A table of figures: the text alternative to the charts, and what a coordinator copies from. On a
 * narrow screen each row becomes a card whose values carry their column's name.
 */
export function FigureTable({ caption, rowHeader, columns, rows, foot, note }: FigureTableProps) {
  const row = (r: FigureRow) => (
    <tr key={r.key} className={r.muted ? 'muted-row' : undefined}>
      <th scope="row">{r.label}</th>
      {r.cells.map((cell, i) => (
        <td key={columns[i]} data-label={columns[i]} className="figure">{cell}</td>
      ))}
    </tr>
  );
  return (
    <div>
      <table className="data-table figure-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((c) => (
              <th scope="col" key={c} className="figure">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(row)}</tbody>
        {foot && foot.length > 0 && <tfoot>{foot.map(row)}</tfoot>}
      </table>
      {note && <p className="hint">{note}</p>}
    </div>
  );
}

/** Numbers as the reader writes them: counts, signed differences and changes in percent. */
export function useFigures() {
  const { lang } = useI18n();
  return useMemo(() => {
    const tag = LOCALES[lang].tag;
    const count = new Intl.NumberFormat(tag);
    const signed = new Intl.NumberFormat(tag, { signDisplay: 'exceptZero' });
    const percent = new Intl.NumberFormat(tag, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 });
    return {
      n: (n: number) => count.format(n),
      /** A figure beside the same dates a year earlier: both, the difference, and the change in percent ("–" with nothing to compare). */
      compared: (now: number, before: number): string[] => {
        const change = changePercent(now, before);
        return [count.format(now), count.format(before), signed.format(now - before), change === null ? '–' : percent.format(change / 100)];
      },
    };
  }, [lang]);
}
