import { useState, type FormEvent } from 'react';
import { updateCase, type CaseFields, type CaseFile, type CaseStatus, type CaseVocabularies } from '../../api/cases.js';
import { FormError, SelectField, SubmitButton } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { DateField, today, useFormat } from './fields.js';
import { formErrorsOf, labels, noErrors, optionsOf, type FormErrors } from './labels.js';

interface Props {
  file: CaseFile;
  vocabularies: CaseVocabularies;
  caseworker: boolean;
  onChanged(message: string, updated: CaseFile): Promise<void>;
}

/**
 * The status history and, for caseworkers, the next step. Each status asks for what it needs: an
 * identification its day and the body that identified; going back withdraws the identification.
 */
export function StatusPanel({ file, vocabularies, caseworker, onChanged }: Props) {
  const { t } = useI18n();
  const f = useFormat();
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [identifiedOn, setIdentifiedOn] = useState('');
  const [statusDate, setStatusDate] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const withdraws = (status === 'potential' || status === 'presumed') && file.identifiedOn !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!status) missing.status = t('cases.statusChange.chooseStatus');
    if (status === 'identified' && !identifiedOn) missing.identifiedOn = t('cases.statusChange.needsIdentifiedOn');
    if (status === 'identified' && !body) missing.identifyingBody = t('cases.statusChange.needsBody');
    if (Object.keys(missing).length) return setErrors({ form: t('errors.invalidFields'), fields: missing });
    const change: CaseFields = { status: status as CaseStatus };
    if (status === 'identified') change.identifiedOn = identifiedOn;
    else if (status === 'closed' && !file.identifiedOn && identifiedOn) change.identifiedOn = identifiedOn;
    if (withdraws) change.identifiedOn = null;
    if (status !== 'identified' && statusDate) change.statusDate = statusDate;
    if (body) change.identifyingBody = body as CaseFields['identifyingBody'];
    setBusy(true);
    setErrors(noErrors);
    try {
      const updated = await updateCase(file.id, change);
      setStatus('');
      setIdentifiedOn('');
      setStatusDate('');
      setBody('');
      await onChanged(t('cases.statusChange.done', { status: labels.status(t, updated.status) }), updated);
    } catch (x) {
      setErrors(formErrorsOf(t, x, ['status', 'identifiedOn', 'statusDate', 'identifyingBody']));
    } finally {
      setBusy(false);
    }
  };

  const next = vocabularies.statuses.filter((s) => s !== file.status);

  return (
    <section className="panel" aria-labelledby="case-status">
      <h2 id="case-status">{t('cases.section.statusHistory')}</h2>
      <table className="data-table compact">
        <caption className="visually-hidden">{t('cases.section.statusHistory')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.field.status')}</th>
            <th scope="col">{t('cases.status.decidedOn')}</th>
            <th scope="col">{t('cases.field.identifyingBody')}</th>
            <th scope="col">{t('cases.status.decidedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {file.statusHistory.map((s, i) => (
            <tr key={i}>
              <th scope="row" data-label={t('cases.field.status')}>{labels.status(t, s.status)}</th>
              <td data-label={t('cases.status.decidedOn')}>{f.day(s.decidedOn)}</td>
              <td data-label={t('cases.field.identifyingBody')}>{s.identifyingBody ? labels.body(t, s.identifyingBody) : '–'}</td>
              <td data-label={t('cases.status.decidedBy')}>{s.decidedBy?.name ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {caseworker && (
        <form onSubmit={submit} noValidate className="subform" aria-labelledby="case-status-change">
          <h3 id="case-status-change">{t('cases.statusChange.title')}</h3>
          <FormError message={errors.form} />
          <SelectField
            label={t('cases.statusChange.new')}
            value={status}
            onChange={(v) => setStatus(v)}
            options={optionsOf(t, labels.status, next)}
            empty={t('cases.choose')}
            error={errors.fields.status}
          />
          {status === 'identified' && <p className="hint">{t('cases.statusChange.identified.hint')}</p>}
          {withdraws && <p className="notice">{t('cases.statusChange.withdraws', { day: f.day(file.identifiedOn!) })}</p>}
          {(status === 'identified' || (status === 'closed' && !file.identifiedOn)) && (
            <DateField
              label={t('cases.field.identifiedOn')}
              hint={t(status === 'identified' ? 'cases.field.identifiedOn.hint' : 'cases.statusChange.closedIdentifiedOn.hint')}
              value={identifiedOn}
              onChange={setIdentifiedOn}
              required={status === 'identified'}
              error={errors.fields.identifiedOn}
            />
          )}
          {status !== '' && status !== 'identified' && (
            <DateField label={t('cases.field.statusDate')} hint={t('cases.statusChange.statusDate.hint', { today: f.day(today()) })} value={statusDate} onChange={setStatusDate} error={errors.fields.statusDate} />
          )}
          {status !== '' && status !== 'potential' && (
            <SelectField
              label={t('cases.field.identifyingBody')}
              value={body}
              onChange={setBody}
              options={optionsOf(t, labels.body, vocabularies.identifyingBodies)}
              empty={status === 'identified' ? t('cases.choose') : t('cases.notKnown')}
              required={status === 'identified'}
              error={errors.fields.identifyingBody}
            />
          )}
          <SubmitButton busy={busy}>{t('cases.statusChange.submit')}</SubmitButton>
        </form>
      )}
    </section>
  );
}
