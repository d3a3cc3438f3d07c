import { useId, useState, type ChangeEvent } from 'react';
import { ApiError, newIdempotencyKey } from '../../api/client.js';
import { importAgencies, type AgencyImportResult, type AgencyList } from '../../api/jobcheck.js';
import { FormError, Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { WorkProgress } from '../../components/Progress.js';
import { RejectedRows } from '../../components/RejectedRows.js';
import { describeError } from '../../errors.js';
import { decodeText } from '../../files.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { forgetRegister } from './register.js';

/** The import endpoint's limit. */
const MAX_BYTES = 5 * 1024 * 1024;

type Phase = 'idle' | 'checking' | 'importing';

interface Checked {
  list: AgencyList;
  encoding?: string;
  result: AgencyImportResult;
  /** One key per checked file: a retried import of it takes effect once. */
  key: string;
}

const FIELDS = ['name', 'registrationNumber', 'licenceNumber', 'licenceDate', 'address'] as const;
/** A rejected row's field in words: an agency field, or the file or row as a whole. */
function agencyFieldLabel(field: string): MessageKey {
  return (FIELDS as readonly string[]).includes(field) ? (`agencies.field.${field}` as MessageKey) : field === '(row)' ? 'agencies.import.wholeRow' : 'agencies.import.wholeFile';
}

/** A rejected import (422) carries the same counts and the rows to correct. */
const rejectedOf = (e: unknown): AgencyImportResult | null => (e instanceof ApiError && e.code === 'import_rejected' ? (e.details as AgencyImportResult) : null);

/**
 * The ministry's list of licensed employment agencies into the register the check consults:
 * choose the CSV, see it checked (nothing written, every bad row listed), then import it. The
 * list is the whole register, so the check says beforehand how many agencies would leave it.
 */
export default function AgencyImportPage({ title }: PageProps) {
  const { t } = useI18n();
  const fileId = useId();
  const [phase, setPhase] = useState<Phase>('idle');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [imported, setImported] = useState<AgencyImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Emptied, so that choosing the same file again, once corrected, checks it again.
    e.target.value = '';
    setError(null);
    setChecked(null);
    setImported(null);
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_BYTES) return setError(t('agencies.import.error.tooLarge'));
    const xlsx = /\.xlsx$/i.test(file.name);
    if (!xlsx && !/\.csv$/i.test(file.name) && file.type !== 'text/csv') return setError(t('agencies.import.error.notCsv'));
    setPhase('checking');
    // A CSV is read here, so that one saved in the old Central European code page reads right too.
    const decoded = xlsx ? null : decodeText(await file.arrayBuffer());
    const next = { list: decoded ? { csv: decoded.text } : { xlsx: file }, ...(decoded?.encoding ? { encoding: decoded.encoding } : {}), key: newIdempotencyKey() };
    try {
      setChecked({ ...next, result: await importAgencies(next.list, { dryRun: true }) });
    } catch (err) {
      const rejected = rejectedOf(err);
      if (rejected) setChecked({ ...next, result: rejected });
      else setError(describeError(t, err));
    } finally {
      setPhase('idle');
    }
  };

  const runImport = async () => {
    if (!checked) return;
    setError(null);
    setPhase('importing');
    try {
      setImported(await importAgencies(checked.list, { dryRun: false, key: checked.key }));
      setChecked(null);
      forgetRegister();
    } catch (err) {
      const rejected = rejectedOf(err);
      if (rejected) setChecked({ ...checked, result: rejected });
      else setError(describeError(t, err));
    } finally {
      setPhase('idle');
    }
  };

  const working = t(phase === 'importing' ? 'agencies.import.importing' : 'agencies.import.checking', { name: fileName });
  return (
    <>
      <Heading>{title}</Heading>
      <p className="lead">{t('agencies.import.text')}</p>
      <p>
        <Link to="/agencies">{t('agencies.import.toRegister')}</Link>
      </p>
      <FormError message={error} />
      <Status
        message={
          phase !== 'idle'
            ? working
            : imported && t('agencies.import.done', { created: imported.created, updated: imported.updated, unchanged: imported.unchanged, delisted: imported.delisted })
        }
      />
      {phase !== 'idle' && <WorkProgress key={phase} label={working} />}

      <section className="panel" aria-labelledby="agency-file">
        <h2 id="agency-file">{t('agencies.import.step.file')}</h2>
        <div className="field">
          <label htmlFor={fileId}>{t('agencies.import.file')}</label>
          <p id={`${fileId}-hint`} className="hint">{t('agencies.import.file.hint')}</p>
          <input id={fileId} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={`${fileId}-hint`} disabled={phase !== 'idle'} onChange={(e) => void choose(e)} />
        </div>
      </section>

      {checked && <CheckedList checked={checked} fileName={fileName} busy={phase !== 'idle'} onImport={() => void runImport()} />}
    </>
  );
}

function CheckedList({ checked, fileName, busy, onImport }: { checked: Checked; fileName: string; busy: boolean; onImport(): void }) {
  const { t } = useI18n();
  const { result } = checked;
  const badRows = new Set(result.rejected.map((r) => r.row)).size;
  return (
    <section className="panel" aria-labelledby="agency-check">
      <h2 id="agency-check">{t('agencies.import.step.check')}</h2>
      <p>{t('agencies.import.chosen', { name: fileName })}</p>
      {checked.encoding && <p>{t('agencies.import.encoding', { encoding: checked.encoding })}</p>}
      {result.ignoredColumns.length > 0 && <p>{t('agencies.import.ignored', { columns: result.ignoredColumns.join(', ') })}</p>}
      {result.rejected.length === 0 ? (
        <>
          <p className="check-ok">
            {t('agencies.import.ok', { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged })}
          </p>
          {result.delisted > 0 && <p className="field-error">{t('agencies.import.delisting', { count: result.delisted })}</p>}
          <button type="button" className="button" disabled={busy} onClick={onImport}>
            {t('agencies.import.submit', { rows: result.rows })}
          </button>
        </>
      ) : (
        <>
          <p className="field-error">{t('agencies.import.rejected', { rows: badRows })}</p>
          <RejectedRows caption={t('agencies.import.step.check')} problems={result.rejected.map((p) => ({ row: p.row, column: t(agencyFieldLabel(p.field)), message: p.message }))} />
        </>
      )}
    </section>
  );
}
