import { parse } from 'csv-parse/sync';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { OPTIONAL_FIELDS } from './contacts.schemas.js';
import type { ContactFields, ContactsService } from './contacts.service.js';

export interface RejectedRow {
  /** The line of the file where the row starts; the header is line 1. */
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  rows: number;
  created: number;
  duplicates: number;
  rejected: RejectedRow[];
}

/** The columns an import may have: the fields of a contact, by their API names. */
export const IMPORT_COLUMNS: readonly string[] = ['receivedAt', 'channel', 'topics', ...OPTIONAL_FIELDS];
const REQUIRED_COLUMNS = ['receivedAt', 'channel', 'topics'];

interface CsvRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

const rejectedRows = (rejected: readonly RejectedRow[]) => new Set(rejected.map((r) => r.row)).size;

const rejectAll = (rows: number, duplicates: number, rejected: RejectedRow[]) =>
  new AppError(422, 'import_rejected', `Nothing was imported: ${rejectedRows(rejected)} row(s) need correcting.`, { rows, created: 0, duplicates, rejected });

/** Reads a CSV file into records with the line each starts on, or the line where the file stops being CSV. */
function readCsv(csv: string): { records: { line: number; cells: string[] }[] } | { error: RejectedRow } {
  let parsed: CsvRecord[];
  try {
    parsed = parse(csv, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as CsvRecord[];
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : 1;
    return { error: { row: line, field: '(file)', message: `not readable as CSV: ${(err as Error).message}` } };
  }
  // csv-parse reports where a record ends; a quoted cell may span lines, so count back to its start.
  let previousEnd = 0;
  let previousEmpty = 0;
  const records = parsed.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return { line, cells: record };
  });
  return { records };
}

/** Contacts encrypted and written together: large enough to batch, small enough to free memory as it goes. */
const CHUNK = 2000;

/**
 * Imports past contacts from a CSV file, all or nothing: every bad row is listed and then
 * nothing is written. A row whose content is already stored, or repeats an earlier row of the
 * file, is counted as a duplicate and skipped, so importing a file twice stores it once.
 */
export class ContactImportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly contacts: ContactsService,
  ) {}

  /** Checks the file and tells what an import would do; writes nothing. */
  dryRun(csv: string): Promise<ImportResult> {
    return this.run(csv, null);
  }

  async import(csv: string, actorId: string, trx: Transaction<DB>): Promise<ImportResult> {
    const result = await this.run(csv, { actorId, trx });
    await this.ctx.audit.record({ actorId, action: 'contacts.imported', targetType: 'contact', details: { rows: result.rows, created: result.created, duplicates: result.duplicates } }, trx);
    return result;
  }

  /**
   * Checks every row first, so a bad file writes nothing, then writes the new contacts a chunk at
   * a time: encrypted rows exist only for the chunk being written.
   */
  private async run(csv: string, write: { actorId: string; trx: Transaction<DB> } | null): Promise<ImportResult> {
    const read = readCsv(csv);
    if ('error' in read) throw rejectAll(0, 0, [read.error]);
    const [header, ...records] = read.records;
    if (!header) throw rejectAll(0, 0, [{ row: 1, field: '(file)', message: 'the file is empty; the first line must name the columns' }]);
    const columns = header.cells.map((c) => c.trim());
    const headerProblems: RejectedRow[] = [
      ...columns.filter((c) => !IMPORT_COLUMNS.includes(c)).map((c) => ({ row: header.line, field: c, message: `unknown column; the columns are ${IMPORT_COLUMNS.join(', ')}` })),
      ...columns.filter((c, i) => columns.indexOf(c) !== i).map((c) => ({ row: header.line, field: c, message: 'this column appears twice' })),
      ...REQUIRED_COLUMNS.filter((c) => !columns.includes(c)).map((c) => ({ row: header.line, field: c, message: 'required column missing' })),
    ];
    if (headerProblems.length) throw rejectAll(records.length, 0, headerProblems);

    const rejected: RejectedRow[] = [];
    const seen = new Set<string>();
    const fresh: { fields: ContactFields; fingerprint: string }[] = [];
    for (const { line, cells } of records) {
      const fields = this.rowFields(line, columns, cells, rejected);
      if (!fields) continue;
      const fingerprint = this.contacts.fingerprintOf(fields);
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      fresh.push({ fields, fingerprint });
    }
    // Looked up before anything is written, so the lookups meet only the contacts stored earlier.
    const stored = await this.contacts.storedFingerprints([...seen], write?.trx);
    const toCreate = stored.size ? fresh.filter((f) => !stored.has(f.fingerprint)) : fresh;
    const duplicates = records.length - rejectedRows(rejected) - toCreate.length;
    if (rejected.length) throw rejectAll(records.length, duplicates, rejected);
    if (write) {
      const at = nowIso();
      for (let i = 0; i < toCreate.length; i += CHUNK) {
        const rows = toCreate.slice(i, i + CHUNK).map(({ fields, fingerprint }) =>
          this.contacts.rowOf(fields, { id: newId(), reference: null, status: 'done', assigneeId: null, source: 'import', createdBy: write.actorId, at, fingerprint }),
        );
        await this.contacts.insertRows(rows, write.trx);
      }
      if (toCreate.length >= CHUNK) await this.contacts.refreshStatistics(write.trx);
    }
    return { rows: records.length, created: toCreate.length, duplicates, rejected: [] };
  }

  /** A row as contact fields, or null with its problems added to `rejected`. */
  private rowFields(line: number, columns: readonly string[], cells: readonly string[], rejected: RejectedRow[]): ContactFields | null {
    if (cells.length !== columns.length) {
      rejected.push({ row: line, field: '(row)', message: `has ${cells.length} cells where the header names ${columns.length} columns` });
      return null;
    }
    const input: Record<string, unknown> = {};
    const problems: RejectedRow[] = [];
    columns.forEach((column, i) => {
      const value = cells[i]!.trim();
      if (value === '') return;
      if (column === 'topics') input.topics = value.split(';').map((t) => t.trim()).filter(Boolean);
      else if (column === 'jobCheck') {
        try {
          input.jobCheck = JSON.parse(value) as unknown;
        } catch {
          problems.push({ row: line, field: 'jobCheck', message: 'must be a JSON object' });
        }
      } else input[column] = value;
    });
    const parsed = this.contacts.schemas.ZCreateContactRequest.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ row: line, field: String(issue.path[0] ?? '(row)'), message: issue.message });
    }
    if (problems.length || !parsed.success) {
      rejected.push(...problems);
      return null;
    }
    return parsed.data as ContactFields;
  }
}
