import { useCallback, useEffect, useMemo, useState } from 'react';
import { getCase, updateCase, type CaseFile } from '../../api/cases.js';
import { allPartners, type Partner } from '../../api/partners.js';
import { FormError, Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useSignedIn } from '../../session.js';
import { AssessmentSummary, CaseFacts, IdentitySection } from './CaseFacts.js';
import { CaseForm } from './CaseForm.js';
import { labels } from './labels.js';
import { ReferralsPanel } from './ReferralsPanel.js';
import { ServicesPanel } from './ServicesPanel.js';
import { StatusPanel } from './StatusPanel.js';
import { TimelinePanel } from './TimelinePanel.js';
import { useVocabularies } from './useVocabularies.js';

/**
 * One case file as the reader's role may see it. The API leaves identity fields and free text out of
 * a coordinator's copy, so the page shows what came and offers changes to caseworkers only.
 */
export default function CasePage({ params }: PageProps) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const { vocabularies, error: vocabulariesError } = useVocabularies();
  const [file, setFile] = useState<CaseFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState(false);
  const [partners, setPartners] = useState<Partner[]>([]);
  // Every change adds to the timeline: a new number makes it load again.
  const [changes, setChanges] = useState(0);
  const id = params.id!;
  const caseworker = user.roles.includes('caseworker');

  const load = useCallback(async () => {
    try {
      setFile(await getCase(id));
    } catch (e) {
      setError(describeError(t, e));
    }
  }, [id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    // Inactive partners too: the timeline names the partners of old referrals.
    allPartners({ active: 'all' }).then(setPartners, () => undefined);
  }, []);
  const activePartners = useMemo(() => partners.filter((p) => p.active), [partners]);

  /** After a change: the file as the API now has it, the news, and a fresh timeline. */
  const changed = useCallback(
    async (message: string, updated?: CaseFile) => {
      if (updated) setFile(updated);
      else await load();
      setNotice(message);
      setChanges((n) => n + 1);
    },
    [load],
  );

  if (!file) {
    return (
      <>
        <Heading>{t('cases.file')}</Heading>
        <FormError message={error} />
        {!error && <Status message={t('common.loading')} />}
      </>
    );
  }

  if (editing && vocabularies) {
    return (
      <div className="form-page">
        <Heading>{t('cases.edit.title', { reference: file.reference })}</Heading>
        <CaseForm
          vocabularies={vocabularies}
          file={file}
          submitLabel={t('cases.edit.submit')}
          onSubmit={async (body) => {
            const updated = Object.keys(body).length ? await updateCase(file.id, body) : file;
            setEditing(false);
            await changed(t('cases.edit.done'), updated);
          }}
          onCancel={() => setEditing(false)}
        />
      </div>
    );
  }

  return (
    <>
      <Heading>{file.reference}</Heading>
      <p className="lead">
        <span className={`badge status-${file.status}`}>{labels.status(t, file.status)}</span> {t('cases.file.lead')}
      </p>
      <p className="page-actions actions">
        <Link to="/cases">{t('cases.backToList')}</Link>
        {caseworker && (
          <>
            <Link to={`/cases/${file.id}/identification`} className="button">{t('identification.open')}</Link>
            <button type="button" className="button secondary" disabled={!vocabularies} onClick={() => setEditing(true)}>{t('cases.edit')}</button>
          </>
        )}
      </p>
      <Status message={notice} />
      <FormError message={error ?? (vocabulariesError ? describeError(t, vocabulariesError) : null)} />
      <div className="case-layout">
        <div className="case-main">
          <CaseFacts file={file} />
          <IdentitySection file={file} />
          <AssessmentSummary file={file} caseworker={caseworker} />
          {vocabularies && (
            <>
              <StatusPanel file={file} vocabularies={vocabularies} caseworker={caseworker} onChanged={changed} />
              <ServicesPanel file={file} vocabularies={vocabularies} partners={activePartners} caseworker={caseworker} onChanged={changed} />
              <ReferralsPanel file={file} vocabularies={vocabularies} partners={activePartners} caseworker={caseworker} onChanged={changed} />
            </>
          )}
        </div>
        <TimelinePanel caseId={file.id} changes={changes} partners={partners} />
      </div>
    </>
  );
}
