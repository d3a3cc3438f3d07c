import { useState } from 'react';
import { addService, updateService, type CaseFile, type CaseVocabularies, type Service, type ServiceFields } from '../../api/cases.js';
import type { Partner } from '../../api/partners.js';
import { FormActions, FormError, SelectField, TextAreaField, TextField } from '../../components/forms.js';
import { DataTable } from '../../components/lists.js';
import { useApiForm } from '../../components/useApiForm.js';
import { useI18n } from '../../i18n/i18n.js';
import { DateField, today, useFormat } from './fields.js';
import { labels, optionsOf } from './labels.js';

interface Props {
  file: CaseFile;
  vocabularies: CaseVocabularies;
  partners: readonly Partner[];
  caseworker: boolean;
  onChanged(message: string): Promise<void>;
}

const SHOWN = ['kind', 'startedOn', 'endedOn', 'partnerId', 'provider', 'outcome'];

/** A service as the form holds it: a partner from the directory, or a provider named by hand. */
interface ServiceDraft {
  kind: string;
  startedOn: string;
  endedOn: string;
  partnerId: string;
  provider: string;
  outcome: string;
}

const draftOf = (s?: Service): ServiceDraft => ({
  kind: s?.kind ?? '',
  startedOn: s?.startedOn ?? today(),
  endedOn: s?.endedOn ?? '',
  partnerId: s?.partner?.id ?? '',
  provider: s?.provider ?? '',
  outcome: (s && 'outcome' in s ? s.outcome : null) ?? '',
});

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function ServiceForm({ caseId, service, vocabularies, partners, onDone, onCancel }: {
  caseId: string;
  service?: Service;
  vocabularies: CaseVocabularies;
  partners: readonly Partner[];
  onDone(message: string): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [d, setDraft] = useState(() => draftOf(service));
  const { errors, busy, submit } = useApiForm(SHOWN, { kind: t('cases.error.choose'), startedOn: t('cases.error.day') });
  const set = (k: keyof ServiceDraft) => (v: string) => setDraft((x) => ({ ...x, [k]: v }));

  const save = async (key: string) => {
    const fields: ServiceFields = { kind: d.kind, startedOn: d.startedOn, endedOn: orNull(d.endedOn), partnerId: orNull(d.partnerId), provider: orNull(d.provider), outcome: orNull(d.outcome) };
    if (service) {
      await updateService(caseId, service.id, fields);
      await onDone(t('cases.services.updated'));
    } else {
      // A new service leaves out what is not known rather than sending nulls.
      await addService(caseId, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== '')), key);
      await onDone(t('cases.services.added'));
    }
  };

  return (
    <form onSubmit={(e) => submit(e, save)} noValidate className="subform">
      <h3>{t(service ? 'cases.services.edit' : 'cases.services.add')}</h3>
      <FormError message={errors.form} />
      <SelectField label={t('cases.services.kind')} value={d.kind} onChange={set('kind')} options={optionsOf(t, labels.service, vocabularies.serviceKinds)} empty={t('cases.choose')} required error={errors.fields.kind} />
      <div className="field-pair">
        <DateField label={t('cases.services.startedOn')} value={d.startedOn} onChange={set('startedOn')} required error={errors.fields.startedOn} />
        <DateField label={t('cases.services.endedOn')} hint={t('cases.services.endedOn.hint')} value={d.endedOn} onChange={set('endedOn')} error={errors.fields.endedOn} />
      </div>
      <SelectField
        label={t('cases.services.partner')}
        hint={t('cases.services.partner.hint')}
        value={d.partnerId}
        onChange={set('partnerId')}
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
        empty={t('cases.services.partner.none')}
        error={errors.fields.partnerId}
      />
      <TextField label={t('cases.services.provider')} hint={t('cases.services.provider.hint')} value={d.provider} onChange={set('provider')} error={errors.fields.provider} />
      <TextAreaField label={t('cases.services.outcome')} hint={t('cases.confidential.hint')} value={d.outcome} onChange={set('outcome')} error={errors.fields.outcome} />
      <FormActions busy={busy} submitLabel={t(service ? 'cases.services.save' : 'cases.services.add.submit')} onCancel={onCancel} />
    </form>
  );
}

/** Services delivered to the person: what, when, by whom, and (for caseworkers) with what outcome. */
export function ServicesPanel({ file, vocabularies, partners, caseworker, onChanged }: Props) {
  const { t } = useI18n();
  const f = useFormat();
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const editedService = file.services.find((s) => s.id === editing);
  const done = async (message: string) => {
    setEditing(null);
    await onChanged(message);
  };

  return (
    <section className="panel" aria-labelledby="case-services">
      <h2 id="case-services">{t('cases.section.services')}</h2>
      {file.services.length === 0 ? (
        <p>{t('cases.services.none')}</p>
      ) : (
        <DataTable
          compact
          caption={t('cases.section.services')}
          rows={file.services}
          rowKey={(s) => s.id}
          columns={[
            { label: t('cases.services.kind'), rowHeader: true, cell: (s) => labels.service(t, s.kind) },
            { label: t('cases.services.when'), cell: (s) => (s.endedOn ? t('cases.period', { from: f.day(s.startedOn), to: f.day(s.endedOn) }) : t('cases.since', { from: f.day(s.startedOn) })) },
            { label: t('cases.services.providedBy'), cell: (s) => [s.partner && 'name' in s.partner ? s.partner.name : null, s.provider].filter(Boolean).join(' · ') || '–' },
            { label: t('cases.services.outcome'), hidden: !file.services.some((s) => 'outcome' in s), className: 'notes', cell: (s) => ('outcome' in s ? s.outcome : null) ?? '–' },
            {
              label: t('cases.actions'),
              actions: true,
              hidden: !caseworker,
              cell: (s) => (
                <button type="button" className="button secondary small" onClick={() => setEditing(s.id)}>
                  {t('cases.services.edit')}
                  <span className="visually-hidden"> {labels.service(t, s.kind)} {f.day(s.startedOn)}</span>
                </button>
              ),
            },
          ]}
        />
      )}
      {caseworker &&
        (editing ? (
          <ServiceForm key={editing} caseId={file.id} service={editedService} vocabularies={vocabularies} partners={partners} onDone={done} onCancel={() => setEditing(null)} />
        ) : (
          <button type="button" className="button secondary" onClick={() => setEditing('new')}>{t('cases.services.add')}</button>
        ))}
    </section>
  );
}
