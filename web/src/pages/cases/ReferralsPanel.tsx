import { useId, useState, type FormEvent } from 'react';
import { addReferral, updateReferral, type CaseFile, type CaseVocabularies, type Referral, type ReferralStatus } from '../../api/cases.js';
import type { Partner } from '../../api/partners.js';
import { FormActions, FormError, SelectField, TextAreaField } from '../../components/forms.js';
import { DataTable } from '../../components/lists.js';
import { useApiForm } from '../../components/useApiForm.js';
import { useI18n } from '../../i18n/i18n.js';
import { DateField, today, useFormat } from './fields.js';
import { errorUnder, labels, optionsOf, type FormErrors } from './labels.js';

interface Props {
  file: CaseFile;
  vocabularies: CaseVocabularies;
  partners: readonly Partner[];
  caseworker: boolean;
  onChanged(message: string): Promise<void>;
}

/** The victim's consent, ticked and dated: a referral without it is refused, here and by the API. */
function ConsentField({ given, on, onGiven, onOn, errors }: { given: boolean; on: string; onGiven(v: boolean): void; onOn(v: string): void; errors: FormErrors }) {
  const { t } = useI18n();
  const id = useId();
  const givenError = errors.fields['consent.given'] ?? errors.fields.consent;
  return (
    <fieldset className={`field subfields${givenError ? ' field-invalid' : ''}`} aria-describedby={`${id}-hint${givenError ? ` ${id}-error` : ''}`}>
      <legend>{t('cases.referrals.consent')}</legend>
      <p id={`${id}-hint`} className="hint">{t('cases.referrals.consent.hint')}</p>
      {givenError && <p id={`${id}-error`} className="field-error">{givenError}</p>}
      <div className="checkbox">
        <input id={`${id}-given`} type="checkbox" checked={given} onChange={(e) => onGiven(e.target.checked)} aria-invalid={givenError ? true : undefined} />
        <label htmlFor={`${id}-given`}>{t('cases.referrals.consent.given')}</label>
      </div>
      <DateField label={t('cases.referrals.consent.on')} value={on} onChange={onOn} required error={errors.fields['consent.on']} />
    </fieldset>
  );
}

function NewReferralForm({ caseId, vocabularies, partners, onDone, onCancel }: {
  caseId: string;
  vocabularies: CaseVocabularies;
  partners: readonly Partner[];
  onDone(message: string): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [partnerId, setPartnerId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [referredOn, setReferredOn] = useState(today);
  const [consentGiven, setConsentGiven] = useState(false);
  const [consentOn, setConsentOn] = useState(today);
  const [status, setStatus] = useState<ReferralStatus | ''>('planned');
  const [followUpOn, setFollowUpOn] = useState('');
  const [notes, setNotes] = useState('');
  const { errors, setErrors, busy, submit } = useApiForm(['partnerId', 'purpose', 'referredOn', 'consent', 'status', 'followUpOn', 'notes'], {
    partnerId: t('cases.error.choose'), purpose: t('cases.error.choose'), referredOn: t('cases.error.day'),
  });

  const save = async (key: string) => {
    await addReferral(
      caseId,
      {
        partnerId, purpose, referredOn, consent: { given: consentGiven, on: consentOn }, status: status || 'planned',
        ...(followUpOn ? { followUpOn } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}),
      },
      key,
    );
    await onDone(t('cases.referrals.added'));
  };
  const onSubmit = (e: FormEvent) => {
    if (consentGiven) return submit(e, save);
    e.preventDefault();
    setErrors({ form: t('errors.invalidFields'), fields: { 'consent.given': t('cases.referrals.consent.required') } });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="subform">
      <h3>{t('cases.referrals.add')}</h3>
      <FormError message={errors.form} />
      <SelectField label={t('cases.referrals.partner')} hint={t('cases.referrals.partner.hint')} value={partnerId} onChange={setPartnerId} options={partners.map((p) => ({ value: p.id, label: `${p.name} (${labels.partnerKind(t, p.kind)})` }))} empty={t('cases.choose')} required error={errors.fields.partnerId} />
      <SelectField label={t('cases.referrals.purpose')} value={purpose} onChange={setPurpose} options={optionsOf(t, labels.purpose, vocabularies.referralPurposes)} empty={t('cases.choose')} required error={errors.fields.purpose} />
      <DateField label={t('cases.referrals.referredOn')} value={referredOn} onChange={setReferredOn} required error={errors.fields.referredOn} />
      <ConsentField given={consentGiven} on={consentOn} onGiven={setConsentGiven} onOn={setConsentOn} errors={errors} />
      <SelectField label={t('cases.referrals.status')} value={status} onChange={(v) => setStatus(v)} options={optionsOf(t, labels.referralStatus, vocabularies.referralStatuses)} error={errorUnder(errors, 'status')} />
      <DateField label={t('cases.referrals.followUpOn')} hint={t('cases.referrals.followUpOn.hint')} value={followUpOn} onChange={setFollowUpOn} error={errors.fields.followUpOn} />
      <TextAreaField label={t('cases.referrals.notes')} hint={t('cases.confidential.hint')} value={notes} onChange={setNotes} error={errors.fields.notes} />
      <FormActions busy={busy} submitLabel={t('cases.referrals.add.submit')} onCancel={onCancel} />
    </form>
  );
}

/** A referral's progress: its status, the next follow-up and the caseworker's notes. */
function ReferralUpdateForm({ caseId, referral, vocabularies, onDone, onCancel }: {
  caseId: string;
  referral: Referral;
  vocabularies: CaseVocabularies;
  onDone(message: string): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ReferralStatus | ''>(referral.status as ReferralStatus);
  const [followUpOn, setFollowUpOn] = useState(referral.followUpOn ?? '');
  const [notes, setNotes] = useState(('notes' in referral ? referral.notes : null) ?? '');
  const { errors, busy, submit } = useApiForm(['status', 'followUpOn', 'notes']);

  const save = async () => {
    await updateReferral(caseId, referral.id, { status: status || undefined, followUpOn: followUpOn || null, notes: notes.trim() || null });
    await onDone(t('cases.referrals.updated'));
  };

  return (
    <form onSubmit={(e) => submit(e, save)} noValidate className="subform">
      <h3>{t('cases.referrals.update.title', { partner: 'name' in referral.partner ? referral.partner.name : referral.partner.id })}</h3>
      <FormError message={errors.form} />
      <SelectField label={t('cases.referrals.status')} value={status} onChange={(v) => setStatus(v)} options={optionsOf(t, labels.referralStatus, vocabularies.referralStatuses)} error={errors.fields.status} />
      <DateField label={t('cases.referrals.followUpOn')} hint={t('cases.referrals.followUpOn.hint')} value={followUpOn} onChange={setFollowUpOn} error={errors.fields.followUpOn} />
      <TextAreaField label={t('cases.referrals.notes')} hint={t('cases.confidential.hint')} value={notes} onChange={setNotes} error={errors.fields.notes} />
      <FormActions busy={busy} submitLabel={t('cases.referrals.update.submit')} onCancel={onCancel} />
    </form>
  );
}

/** Referrals to partners in the directory, each with the victim's consent and a follow-up day. */
export function ReferralsPanel({ file, vocabularies, partners, caseworker, onChanged }: Props) {
  const { t } = useI18n();
  const f = useFormat();
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const edited = file.referrals.find((r) => r.id === editing);
  const done = async (message: string) => {
    setEditing(null);
    await onChanged(message);
  };
  const partnerName = (r: Referral) => ('name' in r.partner ? r.partner.name : r.partner.id);

  return (
    <section className="panel" aria-labelledby="case-referrals">
      <h2 id="case-referrals">{t('cases.section.referrals')}</h2>
      {file.referrals.length === 0 ? (
        <p>{t('cases.referrals.none')}</p>
      ) : (
        <DataTable
          compact
          caption={t('cases.section.referrals')}
          rows={file.referrals}
          rowKey={(r) => r.id}
          columns={[
            { label: t('cases.referrals.partner'), rowHeader: true, cell: partnerName },
            { label: t('cases.referrals.purpose'), cell: (r) => labels.purpose(t, r.purpose) },
            {
              label: t('cases.referrals.referredOn'),
              cell: (r) => (
                <>
                  {f.day(r.referredOn)}
                  <span className="cell-sub">{t('cases.referrals.consentOn', { day: f.day(r.consent.on) })}</span>
                </>
              ),
            },
            { label: t('cases.referrals.status'), cell: (r) => labels.referralStatus(t, r.status) },
            { label: t('cases.referrals.followUpOn'), cell: (r) => (r.followUpOn ? f.day(r.followUpOn) : '–') },
            { label: t('cases.referrals.notes'), hidden: !file.referrals.some((r) => 'notes' in r), className: 'notes', cell: (r) => ('notes' in r ? r.notes : null) ?? '–' },
            {
              label: t('cases.actions'),
              actions: true,
              hidden: !caseworker,
              cell: (r) => (
                <button type="button" className="button secondary small" onClick={() => setEditing(r.id)}>
                  {t('cases.referrals.update')}
                  <span className="visually-hidden"> {partnerName(r)}</span>
                </button>
              ),
            },
          ]}
        />
      )}
      {caseworker &&
        (editing === 'new' ? (
          <NewReferralForm caseId={file.id} vocabularies={vocabularies} partners={partners} onDone={done} onCancel={() => setEditing(null)} />
        ) : edited ? (
          <ReferralUpdateForm key={edited.id} caseId={file.id} referral={edited} vocabularies={vocabularies} onDone={done} onCancel={() => setEditing(null)} />
        ) : (
          <button type="button" className="button secondary" onClick={() => setEditing('new')}>{t('cases.referrals.add')}</button>
        ))}
    </section>
  );
}
