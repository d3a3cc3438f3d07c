import { useId, useState, type ChangeEvent } from 'react';
import { importPosts, type PostImportResult } from '../../api/campaigns.js';
import { ApiError, newIdempotencyKey } from '../../api/client.js';
import { FormError } from '../../components/forms.js';
import { WorkStatus } from '../../components/Progress.js';
import { RejectedRows } from '../../components/RejectedRows.js';
import { describeError } from '../../errors.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { CampaignHeader, useCampaign } from './CampaignNav.js';

/** The import endpoint's limit. */
const MAX_BYTES = 20 * 1024 * 1024;

type Phase = 'idle' | 'checking' | 'importing';

interface Check {
  file: File;
  /** Whether the rows with problems are left out; the operator chooses it after seeing them. */
  skipInvalid: boolean;
  result: PostImportResult;
  /** One key per checked file: a retried import of it takes effect once. */
  key: string;
}

/** A refused import (422) carries the same counts and the rows to correct. */
const rejectedOf = (e: unknown): PostImportResult | null => (e instanceof ApiError && e.code === 'import_rejected' ? (e.details as PostImportResult) : null);

const columnOf = (t: Translate, field: string) => (field === '(file)' ? t('campaigns.import.wholeFile') : field === '(row)' ? t('campaigns.import.wholeRow') : field);

/**
 * A network's own export into the campaign's posts: choose the Meta Business Suite or X analytics
 * file as it was downloaded, see it checked (nothing written, every bad row listed), choose to skip
 * the bad rows if there are any, then import. Posts seen before are updated, not added again.
 */
export default function PostImportPage({ params }: PageProps) {
  const { t } = useI18n();
  const { campaign, error: loadError } = useCampaign(params.id!);
  const fileId = useId();
  const [fileName, setFileName] = useState('');
  const [check, setCheck] = useState<Check | null>(null);
  const [imported, setImported] = useState<PostImportResult | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);

  const runCheck = async (file: File, skipInvalid: boolean) => {
    setError(null);
    setImported(null);
    setPhase('checking');
    const key = newIdempotencyKey();
    try {
      setCheck({ file, skipInvalid, key, result: await importPosts(params.id!, file, { dryRun: true, skipInvalid }) });
    } catch (err) {
      const rejected = rejectedOf(err);
      if (rejected) setCheck({ file, skipInvalid, key, result: rejected });
      else {
        setCheck(null);
        setError(describeError(t, err));
      }
    } finally {
      setPhase('idle');
    }
  };

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setCheck(null);
    setImported(null);
    setError(null);
    if (!file) return;
    setFileName(file.name);
    if (/\.xls$/i.test(file.name)) return setError(t('campaigns.import.error.xls'));
    if (file.size > MAX_BYTES) return setError(t('campaigns.import.error.tooLarge'));
    void runCheck(file, false);
  };

  const runImport = async () => {
    if (!check) return;
    setError(null);
    setPhase('importing');
    try {
      setImported(await importPosts(params.id!, check.file, { dryRun: false, skipInvalid: check.skipInvalid, key: check.key }));
      setCheck(null);
    } catch (err) {
      const rejected = rejectedOf(err);
      if (rejected) setCheck({ ...check, result: rejected });
      else setError(describeError(t, err));
    } finally {
      setPhase('idle');
    }
  };

  const phaseText: Record<Phase, string> = {
    idle: '',
    checking: t('campaigns.import.checking', { name: fileName }),
    importing: t('campaigns.import.importing', { name: fileName }),
  };

  return (
    <>
      <CampaignHeader campaign={campaign} error={loadError} />
      {campaign && (
        <>
          <h2>{t('campaigns.import.title')}</h2>
          <p>{t('campaigns.import.text')}</p>
          <FormError message={error} />
          <WorkStatus
            working={phase === 'idle' ? null : phaseText[phase]}
            outcome={
              imported && (
                <>
                  {t('campaigns.import.done', { created: imported.created, updated: imported.updated, unchanged: imported.unchanged, skipped: imported.skipped })}{' '}
                  <Link to={`/campaigns/${encodeURIComponent(campaign.id)}`}>{t('campaigns.import.toPosts')}</Link>
                </>
              )
            }
          />
          <section className="panel" aria-labelledby={`${fileId}-step`}>
            <h3 id={`${fileId}-step`}>{t('campaigns.import.step.file')}</h3>
            <div className="field">
              <label htmlFor={fileId}>{t('campaigns.import.file')}</label>
              <p id={`${fileId}-hint`} className="hint">{t('campaigns.import.file.hint')}</p>
              <input id={fileId} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={`${fileId}-hint`} disabled={phase !== 'idle'} onChange={choose} />
            </div>
          </section>
          {check && <CheckResult check={check} busy={phase !== 'idle'} onSkip={() => void runCheck(check.file, true)} onImport={() => void runImport()} />}
        </>
      )}
    </>
  );
}

function CheckResult({ check, busy, onSkip, onImport }: { check: Check; busy: boolean; onSkip(): void; onImport(): void }) {
  const { t } = useI18n();
  const id = useId();
  const { result, skipInvalid } = check;
  const badRows = new Set(result.rejected.map((r) => r.row)).size;
  const wholeFile = result.rejected.some((r) => r.field === '(file)');
  const problems = result.rejected.map((r) => ({ row: r.row, column: columnOf(t, r.field), message: r.message }));
  const blocked = result.rejected.length > 0 && !skipInvalid;
  return (
    <section className="panel" aria-labelledby={id}>
      <h3 id={id}>{t('campaigns.import.step.check')}</h3>
      {result.format && <p>{t('campaigns.import.format', { format: result.format, rows: result.rows })}</p>}
      {blocked ? (
        <p className="field-error">{t(wholeFile ? 'campaigns.import.unreadable' : 'campaigns.import.rejected', { rows: badRows })}</p>
      ) : (
        <p className="check-ok">
          {t('campaigns.import.ok', { created: result.created, updated: result.updated, unchanged: result.unchanged, outside: result.outsidePeriod, skipped: result.skipped })}
        </p>
      )}
      {problems.length > 0 && <RejectedRows caption={t('campaigns.import.rejectedRows')} problems={problems} />}
      {blocked && !wholeFile && (
        <>
          <p>{t('campaigns.import.skip.text')}</p>
          <button type="button" className="button secondary" disabled={busy} onClick={onSkip}>{t('campaigns.import.skip', { rows: badRows })}</button>
        </>
      )}
      {!blocked && (
        <button type="button" className="button" disabled={busy || result.created + result.updated === 0} onClick={onImport}>
          {t('campaigns.import.submit', { created: result.created, updated: result.updated })}
        </button>
      )}
    </section>
  );
}
