import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';

/** A spreadsheet cell as read: text from CSV; text, numbers, booleans or dates from XLSX. */
export type Cell = string | number | boolean | Date | null;

export interface TabularRow {
  /** The line of the file (CSV) or the row of the sheet (XLSX) the row starts on; the header is 1. */
  line: number;
  cells: Cell[];
}

/** A file that is not the CSV or spreadsheet it claims to be; `line` is where reading stopped. */
export class UnreadableFile extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface CsvRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

/** Reads CSV text (a BOM is dropped, empty lines skipped) into rows with the line each starts on. */
export function readCsv(text: string): TabularRow[] {
  let parsed: CsvRecord[];
  try {
    parsed = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as CsvRecord[];
  } catch (err) {
    const line = (err as { lines?: unknown }).lines;
    throw new UnreadableFile(typeof line === 'number' ? line : 1, `not readable as CSV: ${(err as Error).message}`);
  }
  // csv-parse reports where a record ends; a quoted cell may span lines, so count back to its start.
  let previousEnd = 0;
  let previousEmpty = 0;
  return parsed.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return { line, cells: record };
  });
}

/** Reads the first sheet of an XLSX workbook; rows with no value at all are left out, as in CSV. */
export async function readXlsx(file: Buffer): Promise<TabularRow[]> {
  let rows: Cell[][];
  try {
    rows = (await readSheet(file)) as Cell[][];
  } catch (err) {
    throw new UnreadableFile(1, `not readable as an XLSX spreadsheet: ${(err as Error).message}`);
  }
  return rows
    .map((cells, i) => ({ line: i + 1, cells }))
    .filter(({ cells }) => cells.some((c) => c !== null && c !== ''));
}

/** Spreadsheet programs read UTF-8 CSV correctly (Serbian letters, Cyrillic) only after a byte order mark. */
/** An uploaded table, as the type it was sent as: CSV (UTF-8) or XLSX. An unreadable file throws `UnreadableFile`. */
export async function readTable(body: Buffer, type: 'csv' | 'xlsx'): Promise<TabularRow[]> {
  return type === 'csv' ? readCsv(body.toString('utf8')) : readXlsx(body);
}

export function writeCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return stringify(rows as (string | number | null)[][], { bom: true });
}

/** A workbook of named sheets; a header row is set in bold. */
export function writeXlsx(sheets: readonly { sheet: string; header?: readonly string[]; rows: readonly (readonly (string | number | null)[])[] }[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map(({ sheet, header, rows }) => ({
      sheet,
      data: [
        ...(header ? [header.map((value) => ({ value, fontWeight: 'bold' as const }))] : []),
        ...rows.map((r) => r.map((value) => (value === null ? null : { value, wrap: typeof value === 'string' && value.length > 80 }))),
      ] as SheetData,
    })),
  ).toBuffer();
}
