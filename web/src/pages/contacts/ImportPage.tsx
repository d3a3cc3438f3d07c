import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { ApiError, newIdempotencyKey } from '../../api/client.js';
import { importContacts, type ImportResult } from '../../api/contacts.js';
import { FormError, SelectField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { WorkStatus } from '../../components/Progress.js';
import { RejectedRows } from '../../components/RejectedRows.js';
import { describeError } from '../../errors.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { ContactsNav } from './ContactsNav.js';
import {
  buildCsv, guessMapping, IMPORT_FIELDS, localTimeZone, mappingProblems, readCsv, readWorkbook, sheetTable, WorkbookTooLarge,
  type Cell, type ImportField, type MappedFile, type SourceTable,
} from './importFile.js';

/** The import endpoint's limit. */
const MAX_BYTES = 50 * 1024 * 1024;

const fieldLabel = (f: ImportField): MessageKey => `contacts.${f}`;

type Phase = 'idle' | 'reading' | 'checking' | 'importing';

interface Check {
  file: MappedFile;
  result: ImportResult;
  /** One key per checked file: a retried import of it takes effect once. */
  key: string;
}

function sample(table: SourceTable, column: number): string {
  const values: string[] = [];
  for (const { cells } of table.rows) {
    const c = cells[column];
    if (c === null || c === undefined || String(c).trim() === '') continue;
    values.push(c instanceof Date ? c.toISOString().slice(0, 16).replace('T', ' ') : String(c).slice(0, 40));
    if (values.length === 2) break;
  }
  return values.join(' · ');
}

/**
 * Years of old spreadsheets into the contact log: choose a CSV or XLSX file, match its columns to
 * contact fields, check it (a dry run listing every bad row), then import it, all or nothing.
 */
export default function ImportPage({ title }: PageProps) {
  const { t } = useI18n();
  const fileId = useId();
  const [fileName, setFileName] = useState('');
  const [workbook, setWorkbook] = useState<{ name: string; data: Cell[][] }[] | null>(null);
  const [table, setTable] = useState<SourceTable | null>(null);
  const [mapping, setMapping] = useState<(ImportField | '')[]>([]);
  const [check, setCheck] = useState<Check | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);

  const label = (f: ImportField) => t(fieldLabel(f));
  const showTable = (next: SourceTable) => {
    setTable(next);
    setMapping(guessMapping(next.columns, label));
    setCheck(null);
    setImported(null);
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setError(null);
    setTable(null);
    setWorkbook(null);
    setCheck(null);
    setImported(null);
    if (!file) return;
    setFileName(file.name);
    setPhase('reading');
    try {
      if (/\.xlsx$/i.test(file.name)) {
        const sheets = await readWorkbook(file);
        setWorkbook(sheets);
        showTable(sheetTable(sheets, 0));
      } else if (/\.xls$/i.test(file.name)) {
        setError(t('contacts.import.error.xls'));
      } else {
        showTable(readCsv(await file.arrayBuffer()));
      }
    } catch (err) {
      setError(t(err instanceof WorkbookTooLarge ? 'contacts.import.error.tooLargeWorkbook' : 'contacts.import.error.unreadable'));
    } finally {
      setPhase('idle');
    }
  };

  const problems = mappingProblems(mapping);
  const mappingOk = problems.missing.length === 0 && problems.repeated.length === 0;

  const runCheck = async () => {
    if (!table) return;
    setError(null);
    setCheck(null);
    setImported(null);
    const file = buildCsv(table, mapping);
    if (new Blob([file.csv]).size > MAX_BYTES) return setError(t('contacts.import.error.tooLarge'));
    setPhase('checking');
    try {
      setCheck({ file, result: await importContacts(file.csv, { dryRun: true }), key: newIdempotencyKey() });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'import_rejected') setCheck({ file, result: err.details as ImportResult, key: newIdempotencyKey() });
      else setError(describeError(t, err));
    } finally {
      setPhase('idle');
    }
  };

  const runImport = async () => {
    if (!check) return;
    setError(null);
    setPhase('importing');
    try {
      setImported(await importContacts(check.file.csv, { dryRun: false, key: check.key }));
      setCheck(null);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'import_rejected') setCheck({ ...check, result: err.details as ImportResult });
      else setError(describeError(t, err));
    } finally {
      setPhase('idle');
    }
  };

  const rows = check?.file.rows ?? table?.rows.length ?? 0;
  const phaseText: Record<Phase, string> = {
    idle: '',
    reading: t('contacts.import.reading', { name: fileName }),
    checking: t('contacts.import.checking', { rows }),
    importing: t('contacts.import.importing', { rows }),
  };

  return (
    <>
      <Heading>{title}</Heading>
      <ContactsNav />
      <p className="lead">{t('contacts.import.text')}</p>
      <FormError message={error} />
      <WorkStatus
        working={phase === 'idle' ? null : phaseText[phase]}
        outcome={
          imported && (
            <>
              {t('contacts.import.done', { created: imported.created, duplicates: imported.duplicates })} <Link to="/contacts">{t('contacts.import.toList')}</Link>
            </>
          )
        }
      />

      <section className="panel" aria-labelledby="import-file">
        <h2 id="import-file">{t('contacts.import.step.file')}</h2>
        <div className="field">
          <label htmlFor={fileId}>{t('contacts.import.file')}</label>
          <p id={`${fileId}-hint`} className="hint">{t('contacts.import.file.hint')}</p>
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fileId}-hint`}
            disabled={phase !== 'idle'}
            onChange={(e) => void choose(e)}
          />
        </div>
        {table && (
          <p>
            {t('contacts.import.read', { rows: table.rows.length, columns: table.columns.length })}
            {table.encoding && ` ${t('contacts.import.encoding', { encoding: table.encoding })}`}
          </p>
        )}
        {workbook && workbook.length > 1 && (
          <SelectField
            label={t('contacts.import.sheet')}
            value={String(workbook.findIndex((s) => s.name === table?.sheet))}
            onChange={(i) => showTable(sheetTable(workbook, Number(i)))}
            options={workbook.map((s, i) => ({ value: String(i), label: s.name }))}
          />
        )}
      </section>

      {table && (
        <section className="panel" aria-labelledby="import-columns">
          <h2 id="import-columns">{t('contacts.import.step.columns')}</h2>
          <p>{t('contacts.import.columns.text', { zone: localTimeZone() })}</p>
          <table className="data-table mapping-table">
            <thead>
              <tr>
                <th scope="col">{t('contacts.import.column')}</th>
                <th scope="col">{t('contacts.import.examples')}</th>
                <th scope="col">{t('contacts.import.field')}</th>
              </tr>
            </thead>
            <tbody>
              {table.columns.map((column, i) => {
                const name = column || t('contacts.import.unnamed', { n: i + 1 });
                return (
                  <tr key={i}>
                    <th scope="row" data-label={t('contacts.import.column')}>{name}</th>
                    <td data-label={t('contacts.import.examples')} className="details-cell">{sample(table, i)}</td>
                    <td>
                      <ColumnChoice
                        label={t('contacts.import.fieldFor', { column: name })}
                        value={mapping[i] ?? ''}
                        onChange={(v) => {
                          setMapping((m) => m.map((f, k) => (k === i ? v : f)));
                          setCheck(null);
                        }}
                        error={mapping[i] && problems.repeated.includes(mapping[i]) ? t('contacts.import.repeated') : undefined}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {problems.missing.length > 0 && <p className="field-error">{t('contacts.import.missing', { fields: problems.missing.map(label).join(', ') })}</p>}
          <button type="button" className="button" disabled={!mappingOk || phase !== 'idle'} onClick={() => void runCheck()}>
            {t('contacts.import.check')}
          </button>
        </section>
      )}

      {check && table && (
        <CheckResult check={check} table={table} mapping={mapping} busy={phase !== 'idle'} onImport={() => void runImport()} />
      )}
    </>
  );
}

/** The field a column goes to. The table's headers say which column; the label says it again for screen readers. */
function ColumnChoice({ label, value, onChange, error }: { label: string; value: ImportField | ''; onChange(v: ImportField | ''): void; error?: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ImportField | '')} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{t('contacts.import.leaveOut')}</option>
        {IMPORT_FIELDS.map((f) => (
          <option key={f} value={f}>{t(fieldLabel(f))}</option>
        ))}
      </select>
    </div>
  );
}

function CheckResult({ check, table, mapping, busy, onImport }: { check: Check; table: SourceTable; mapping: (ImportField | '')[]; busy: boolean; onImport(): void }) {
  const { t } = useI18n();
  const { result, file } = check;
  const problems = useMemo(() => {
    const columnOf = (field: string) => {
      const i = mapping.indexOf(field as ImportField);
      return i >= 0 ? table.columns[i] || t('contacts.import.unnamed', { n: i + 1 }) : field;
    };
    return result.rejected.map((p) => {
        const source = file.sourceOf(p.row);
      const value = source?.values[p.field as ImportField];
      // The API words a missing value as a type error; the operator sees an empty cell.
      const message = value === '' ? t('contacts.import.emptyCell') : p.message;
      return { row: source?.row ?? p.row, column: columnOf(p.field), value: value ?? '', message };
    });
  }, [result, file, table, mapping, t]);
  const badRows = new Set(problems.map((p) => p.row)).size;
  return (
    <section className="panel" aria-labelledby="import-check">
      <h2 id="import-check">{t('contacts.import.step.check')}</h2>
      {problems.length === 0 ? (
        <>
          <p className="check-ok">{t('contacts.import.ok', { rows: result.rows, created: result.created, duplicates: result.duplicates })}</p>
          {file.blankRows > 0 && <p>{t('contacts.import.blankRows', { count: file.blankRows })}</p>}
          <button type="button" className="button" disabled={busy || result.created === 0} onClick={onImport}>
            {t('contacts.import.submit', { created: result.created })}
          </button>
        </>
      ) : (
        <>
          <p className="field-error">{t('contacts.import.rejected', { rows: badRows })}</p>
          <RejectedRows caption={t('contacts.import.step.check')} problems={problems} />
        </>
      )}
    </section>
  );
}
