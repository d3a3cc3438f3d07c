import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { readTable, UnreadableFile, type Cell, type TabularRow } from '../../platform/tabular.js';
import { foldName } from './agency-register.js';
import type { AgenciesService } from './agencies.service.js';
import type { AgencyRow } from './agencies.repository.js';

export interface RejectedRow {
  /** The file's line (CSV) or the sheet's row (XLSX); the header is 1. */
  row: number;
  /** The column, by its API name, or (file) / (row). */
  field: string;
  message: string;
}

export interface AgencyImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Agencies on the register that the new list no longer holds: they stay, marked as not listed. */
  delisted: number;
  /** Columns of the file that are not agency fields (a row number, a phone number...), left aside. */
  ignoredColumns: string[];
  rejected: RejectedRow[];
}

type Field = 'name' | 'registrationNumber' | 'licenceNumber' | 'licenceDate' | 'address';

/**
 * The headers a column may have, folded (lower case, Latin script, no accents, letters and digits
 * only): the API's names, English, and the ministry's Serbian in either script.
 */
const HEADERS: Readonly<Record<Field, readonly string[]>> = {
  name: ['name', 'agencyname', 'naziv', 'nazivagencije', 'poslovnoime', 'agencija', 'nazivposlodavca'],
  registrationNumber: ['registrationnumber', 'registrationno', 'companynumber', 'maticnibroj', 'mb', 'maticnibrojagencije'],
  licenceNumber: ['licencenumber', 'licensenumber', 'licence', 'license', 'brojdozvole', 'brojlicence', 'brojresenja', 'dozvola', 'brojresenjaodozvoli'],
  licenceDate: ['licencedate', 'licensedate', 'datumdozvole', 'datumizdavanjadozvole', 'datumizdavanja', 'datumresenja', 'datum'],
  address: ['address', 'adresa', 'sediste', 'adresasedista', 'sedisteiadresa'],
};
const REQUIRED: readonly Field[] = ['name', 'registrationNumber', 'licenceNumber'];
const FIELD_OF_HEADER = new Map(Object.entries(HEADERS).flatMap(([field, names]) => names.map((n) => [n, field as Field])));
const foldHeader = (header: string) => foldName(header).replace(/[^\p{L}\p{N}]/gu, '');

/** An agency as a row of the list says it. */
interface ListedAgency {
  name: string;
  registrationNumber: string;
  licenceNumber: string;
  licenceDate: string | null;
  address: string | null;
}

const rejectedFile = (result: AgencyImportResult) =>
  new AppError(422, 'import_rejected', `Nothing was imported: ${new Set(result.rejected.map((r) => r.row)).size} row(s) need correcting.`, result);

const emptyResult = (rows: number, rejected: RejectedRow[], ignoredColumns: string[] = []): AgencyImportResult => ({
  rows, created: 0, updated: 0, unchanged: 0, delisted: 0, ignoredColumns, rejected,
});

const cellText = (cell: Cell | undefined): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null || cell === undefined ? '' : String(cell).trim());

/** Dates as the ministry writes them (12.03.2019.) or ISO (2019-03-12); spreadsheets give dates. */
function readDate(text: string): string | null {
  const serbian = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?$/.exec(text);
  const iso = serbian ? `${serbian[3]}-${serbian[2]!.padStart(2, '0')}-${serbian[1]!.padStart(2, '0')}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * Imports the ministry's list of licensed employment agencies (CSV or XLSX). The list is the whole
 * register: an agency is found again by its registration number and updated, a new one is added,
 * and one missing from the list is marked as no longer listed. All or nothing: a file with any bad
 * row changes nothing, and the answer names every bad row and why.
 */
export class AgencyImportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly agencies: AgenciesService,
  ) {}

  async readFile(body: Buffer, type: 'csv' | 'xlsx'): Promise<TabularRow[]> {
    try {
      return await readTable(body, type);
    } catch (err) {
      if (err instanceof UnreadableFile) throw rejectedFile(emptyResult(0, [{ row: err.line, field: '(file)', message: err.message }]));
      throw err;
    }
  }

  /** Checks the list and compares it with the register; writes only when `write` is given (not a dry run). */
  async run(table: readonly TabularRow[], write: { actorId: string } | null, trx: Transaction<DB>): Promise<AgencyImportResult> {
    const [header, ...data] = table;
    if (!header) throw rejectedFile(emptyResult(0, [{ row: 1, field: '(file)', message: 'the file is empty; the first row must name the columns' }]));
    const columns = header.cells.map((c) => FIELD_OF_HEADER.get(foldHeader(cellText(c))));
    const ignoredColumns = header.cells.filter((_, i) => columns[i] === undefined).map((c) => cellText(c));
    const headerProblems: RejectedRow[] = [
      ...REQUIRED.filter((f) => !columns.includes(f)).map((f) => ({ row: header.line, field: f, message: `required column missing; it may be headed ${HEADERS[f].slice(0, 3).join(', ')}` })),
      ...columns.filter((f, i) => f !== undefined && columns.indexOf(f) !== i).map((f) => ({ row: header.line, field: f!, message: 'two columns hold this field' })),
    ];
    if (headerProblems.length > 0) throw rejectedFile(emptyResult(data.length, headerProblems, ignoredColumns));
    if (data.length === 0) throw rejectedFile(emptyResult(0, [{ row: header.line, field: '(file)', message: 'the list holds no agencies; an empty list would take every agency off the register' }], ignoredColumns));

    const rejected: RejectedRow[] = [];
    const listed = new Map<string, { line: number; agency: ListedAgency }>();
    for (const { line, cells } of data) {
      const agency = this.readRow(line, columns, cells, rejected);
      if (!agency) continue;
      const earlier = listed.get(agency.registrationNumber);
      if (earlier) rejected.push({ row: line, field: 'registrationNumber', message: `the same registration number as line ${earlier.line}` });
      else listed.set(agency.registrationNumber, { line, agency });
    }
    if (rejected.length > 0) throw rejectedFile(emptyResult(data.length, rejected, ignoredColumns));

    const stored = new Map((await this.agencies.repo.all(trx)).map((r) => [r.registration_number, r]));
    const at = nowIso();
    const fresh: AgencyRow[] = [];
    const changed: { id: string; agency: ListedAgency }[] = [];
    let unchanged = 0;
    for (const { agency } of listed.values()) {
      const row = stored.get(agency.registrationNumber);
      if (!row) fresh.push({ id: newId(), name: agency.name, registration_number: agency.registrationNumber, licence_number: agency.licenceNumber, licence_date: agency.licenceDate, address: agency.address, listed: 1, created_at: at, updated_at: at });
      else if (row.listed === 1 && row.name === agency.name && row.licence_number === agency.licenceNumber && row.licence_date === agency.licenceDate && row.address === agency.address) unchanged++;
      else changed.push({ id: row.id, agency });
    }
    const delisted = [...stored.values()].filter((r) => r.listed === 1 && !listed.has(r.registration_number)).map((r) => r.id);
    const result: AgencyImportResult = { rows: data.length, created: fresh.length, updated: changed.length, unchanged, delisted: delisted.length, ignoredColumns, rejected: [] };
    if (write) {
      await this.agencies.repo.insert(fresh, trx);
      for (const { id, agency } of changed) {
        await this.agencies.repo.update(id, { name: agency.name, licence_number: agency.licenceNumber, licence_date: agency.licenceDate, address: agency.address, listed: 1, updated_at: at }, trx);
      }
      await this.agencies.repo.delist(delisted, at, trx);
      const { rejected: _none, ignoredColumns: _columns, ...counts } = result;
      await this.ctx.audit.record({ actorId: write.actorId, action: 'agencies.imported', targetType: 'agency', details: counts }, trx);
    }
    return result;
  }

  /** A row as an agency, or null with its problems added to `rejected`. */
  private readRow(line: number, columns: readonly (Field | undefined)[], cells: readonly Cell[], rejected: RejectedRow[]): ListedAgency | null {
    const value = (field: Field): string => {
      const i = columns.indexOf(field);
      const cell = i < 0 ? undefined : cells[i];
      // A spreadsheet stores a registration number as a number and drops its leading zeros.
      return field === 'registrationNumber' && typeof cell === 'number' ? String(cell).padStart(8, '0') : cellText(cell);
    };
    const problems: RejectedRow[] = [];
    const problem = (field: string, message: string) => problems.push({ row: line, field, message });
    const name = value('name').replace(/\s+/g, ' ');
    if (name === '') problem('name', 'required');
    else if (name.length > 300) problem('name', 'at most 300 characters');
    const registrationNumber = value('registrationNumber').replace(/[\s.]/g, '');
    if (!/^\d{8}$/.test(registrationNumber)) problem('registrationNumber', 'must be the 8-digit registration number (matični broj)');
    const licenceNumber = value('licenceNumber');
    if (licenceNumber === '') problem('licenceNumber', 'required');
    else if (licenceNumber.length > 100) problem('licenceNumber', 'at most 100 characters');
    const dateText = value('licenceDate');
    const licenceDate = dateText === '' ? null : readDate(dateText);
    if (dateText !== '' && (licenceDate === null || licenceDate > nowIso().slice(0, 10))) problem('licenceDate', 'must be a date such as 12.03.2019. or 2019-03-12, not in the future');
    const address = value('address').replace(/\s+/g, ' ');
    if (address.length > 300) problem('address', 'at most 300 characters');
    if (problems.length > 0) {
      rejected.push(...problems);
      return null;
    }
    return { name, registrationNumber, licenceNumber, licenceDate, address: address === '' ? null : address };
  }
}
