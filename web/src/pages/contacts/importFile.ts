import { parse } from 'csv-parse/browser/esm/sync';
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { OptionalField } from '../../../../src/modules/helpline/contacts.schemas.js';
import { decodeText } from '../../files.js';

/**
 * Reading a CSV or XLSX file in the browser and turning it into the CSV the import endpoint reads:
 * the columns the operator matched to contact fields, by their API names, with dates and topics in
 * the API's form. The server checks every value; this only translates layout.
 */

export type ImportField = 'receivedAt' | 'channel' | 'topics' | OptionalField;

// A Record makes the compiler insist on exactly the server's fields; the values give the order on screen.
const FIELD_ORDER: Record<ImportField, number> = {
  receivedAt: 1, channel: 2, topics: 3, language: 4, callerRole: 5, sex: 6, ageGroup: 7, nationality: 8, destinationCountry: 9,
  heardAbout: 10, summary: 11, referralGiven: 12, jobCheck: 13, callerName: 14, callerPhone: 15, callerEmail: 16, contactMethod: 17, safeTime: 18,
};
export const IMPORT_FIELDS = (Object.keys(FIELD_ORDER) as ImportField[]).sort((a, b) => FIELD_ORDER[a] - FIELD_ORDER[b]);
export const REQUIRED_FIELDS: readonly ImportField[] = ['receivedAt', 'channel', 'topics'];

export type Cell = string | number | boolean | Date | null;

export interface SourceTable {
  columns: string[];
  /** `row` is the row number the spreadsheet shows, the header being row 1. */
  rows: { row: number; cells: Cell[] }[];
  /** For a workbook: its sheets, and which one this is. */
  sheets?: string[];
  sheet?: string;
  /** The text encoding of a CSV file, when it was not UTF-8. */
  encoding?: string;
}

/** Thrown when a workbook is too large to unpack here; saving it as CSV works. */
export class WorkbookTooLarge extends Error {}

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

function tableOf(data: Cell[][], extra: Partial<SourceTable> = {}): SourceTable {
  const [header = [], ...body] = data;
  const width = body.reduce((w, r) => Math.max(w, r.length), header.length);
  const columns = Array.from({ length: width }, (_, i) => String(header[i] ?? '').trim());
  return { columns, rows: body.map((cells, i) => ({ row: i + 2, cells })), ...extra };
}

/** Excel writes `;`-separated CSV where the decimal separator is a comma, as in Serbia: count what separates the header. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function readCsv(bytes: ArrayBuffer): SourceTable {
  const { text, encoding } = decodeText(bytes);
  const records = parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false }) as string[][];
  return tableOf(records, encoding ? { encoding } : {});
}

/**
 * The sheets of a workbook. The reader unpacks parts over 512 KB in a worker made from a blob:
 * address, which the staff app's Content-Security-Policy forbids: that shows as a policy
 * violation, and the operator is asked for a CSV instead of waiting for ever.
 */
export async function readWorkbook(file: Blob): Promise<{ name: string; data: Cell[][] }[]> {
  const { default: readXlsxFile } = await import('read-excel-file/browser');
  let blocked: () => void = () => undefined;
  const refused = new Promise<never>((_, reject) => {
    blocked = () => reject(new WorkbookTooLarge());
  });
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    if (e.effectiveDirective === 'worker-src' || e.effectiveDirective === 'script-src') blocked();
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    const sheets = await Promise.race([readXlsxFile(file), refused]);
    return sheets.map((s) => ({ name: s.sheet, data: s.data as Cell[][] }));
  } finally {
    document.removeEventListener('securitypolicyviolation', onViolation);
  }
}

export function sheetTable(sheets: { name: string; data: Cell[][] }[], index: number): SourceTable {
  const sheet = sheets[index] ?? { name: '', data: [] };
  return tableOf(sheet.data, { sheets: sheets.map((s) => s.name), sheet: sheet.name });
}

const squash = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');

/** A first guess at the matching: a column named as a field (by its API name or its label) goes to that field. */
export function guessMapping(columns: readonly string[], labelOf: (f: ImportField) => string): (ImportField | '')[] {
  const taken = new Set<ImportField>();
  return columns.map((column) => {
    const name = squash(column);
    const field = IMPORT_FIELDS.find((f) => !taken.has(f) && name !== '' && (squash(f) === name || squash(labelOf(f)) === name));
    if (!field) return '';
    taken.add(field);
    return field;
  });
}

export interface MappingProblems {
  /** Required fields no column goes to. */
  missing: ImportField[];
  /** Fields more than one column goes to. */
  repeated: ImportField[];
}

export function mappingProblems(mapping: readonly (ImportField | '')[]): MappingProblems {
  const chosen = mapping.filter((f): f is ImportField => f !== '');
  return {
    missing: REQUIRED_FIELDS.filter((f) => !chosen.includes(f)),
    repeated: IMPORT_FIELDS.filter((f) => chosen.filter((c) => c === f).length > 1),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const LOCAL_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const LOCAL_DOTTED = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\.?(?:\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

function localInstant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  const at = new Date(y, mo - 1, d, h, mi, s);
  // new Date rolls 31.02. over into March: such a date is not one.
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d) return null;
  return at.toISOString();
}

/**
 * A date and time for the API, which wants a UTC offset. Old spreadsheets write local time
 * without one (`2019-05-02 09:00`, `2.5.2019. 9:00`), and a workbook's dates carry none: these are
 * read as this computer's time zone. Anything else goes as written, for the check to report.
 */
export function toInstant(cell: Cell): string {
  if (cell instanceof Date) {
    // The reader gives a workbook's wall-clock time as if it were UTC.
    return localInstant(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate(), cell.getUTCHours(), cell.getUTCMinutes(), cell.getUTCSeconds()) ?? '';
  }
  const text = String(cell ?? '').trim();
  const iso = LOCAL_ISO.exec(text);
  if (iso) return localInstant(+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0)) ?? text;
  const dotted = LOCAL_DOTTED.exec(text);
  if (dotted) return localInstant(+dotted[3]!, +dotted[2]!, +dotted[1]!, +(dotted[4] ?? 0), +(dotted[5] ?? 0), +(dotted[6] ?? 0)) ?? text;
  return text;
}

export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function cellText(field: ImportField, cell: Cell): string {
  if (isBlank(cell)) return '';
  if (field === 'receivedAt') return toInstant(cell);
  if (cell instanceof Date) return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  const text = String(cell).replace(/\r\n?/g, '\n').trim();
  // Spreadsheets list topics with commas as often as with the semicolons the API reads.
  if (field === 'topics') return text.split(/[;,]/).map((x) => x.trim()).filter(Boolean).join(';');
  return text;
}

export interface MappedFile {
  csv: string;
  /** Rows that will be sent (blank rows are left out). */
  rows: number;
  blankRows: number;
  /** The source row, and its cell for each field, behind each line of the CSV where a record starts. */
  sourceOf(line: number): { row: number; values: Partial<Record<ImportField, string>> } | undefined;
}

/** The CSV for the import endpoint: the matched columns under their API names, one record per non-blank source row. */
export function buildCsv(table: SourceTable, mapping: readonly (ImportField | '')[]): MappedFile {
  const used = mapping.flatMap((field, i) => (field ? [{ field, i }] : []));
  const records: string[][] = [used.map((u) => u.field)];
  const starts = new Map<number, { row: number; values: Partial<Record<ImportField, string>> }>();
  let line = 2;
  let blankRows = 0;
  for (const { row, cells } of table.rows) {
    const values = used.map((u) => cellText(u.field, cells[u.i] ?? null));
    if (values.every((v) => v === '')) {
      blankRows++;
      continue;
    }
    records.push(values);
    starts.set(line, { row, values: Object.fromEntries(used.map((u, k) => [u.field, values[k]!])) });
    // A quoted cell with line breaks spans lines: the next record starts further down.
    line += 1 + values.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
  }
  return { csv: stringify(records), rows: records.length - 1, blankRows, sourceOf: (l) => starts.get(l) };
}
