import { useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api/client.js';
import type { CaseFields, CaseFile, CaseVocabularies, ContactDetails, DocumentNumber } from '../../api/cases.js';
import { hasIdentity } from '../../api/cases.js';
import { CheckboxGroup, FormActions, FormError, SelectField, TextAreaField, TextField } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { CountryField, DateField, LanguagesField, today } from './fields.js';
import { errorUnder, formErrorsOf, labels, noErrors, optionsOf, type FormErrors } from './labels.js';

const CONTACT_KEYS = ['phone', 'email', 'messenger', 'address', 'other'] as const;
type ContactDraft = Record<(typeof CONTACT_KEYS)[number], string>;

interface DocumentDraft {
  /** Keeps React's rows apart while numbers are typed and rows removed. */
  key: number;
  type: string;
  number: string;
  country: string;
}

/** The form as typed: every field a string or a list, empty where nothing is known. */
interface Draft {
  contactId: string;
  status: string;
  identifiedOn: string;
  statusDate: string;
  identifyingBody: string;
  openedOn: string;
  sex: string;
  age: string;
  citizenship: string;
  languages: string[];
  exploitationTypes: string[];
  sector: string;
  countryOfRecruitment: string;
  placeOfRecruitment: string;
  countryOfExploitation: string;
  placeOfExploitation: string;
  recruitmentMethod: string;
  recruiterRelation: string;
  meansOfControl: string[];
  referredBy: string;
  name: string;
  dateOfBirth: string;
  contact: ContactDraft;
  documentNumbers: DocumentDraft[];
  notes: string;
}

let documentKey = 0;
const emptyContact = (): ContactDraft => ({ phone: '', email: '', messenger: '', address: '', other: '' });

function draftOf(file: CaseFile | null, contactId: string | null): Draft {
  const identity = file && hasIdentity(file) ? file : null;
  return {
    contactId: file?.contactId ?? contactId ?? '',
    status: file?.status ?? 'potential',
    identifiedOn: '',
    statusDate: '',
    identifyingBody: '',
    openedOn: file?.openedOn ?? today(),
    sex: file?.sex ?? '',
    age: file?.age === null || file?.age === undefined ? '' : String(file.age),
    citizenship: file?.citizenship ?? '',
    languages: file?.languages ?? [],
    exploitationTypes: file?.exploitationTypes ?? [],
    sector: file?.sector ?? '',
    countryOfRecruitment: file?.countryOfRecruitment ?? '',
    placeOfRecruitment: file?.placeOfRecruitment ?? '',
    countryOfExploitation: file?.countryOfExploitation ?? '',
    placeOfExploitation: file?.placeOfExploitation ?? '',
    recruitmentMethod: file?.recruitmentMethod ?? '',
    recruiterRelation: file?.recruiterRelation ?? '',
    meansOfControl: file?.meansOfControl ?? [],
    referredBy: file?.referredBy ?? (contactId ? 'hotline' : ''),
    name: identity?.name ?? '',
    dateOfBirth: identity?.dateOfBirth ?? '',
    contact: { ...emptyContact(), ...identity?.contact },
    documentNumbers: (identity?.documentNumbers ?? []).map((d) => ({ key: documentKey++, type: d.type, number: d.number, country: d.country ?? '' })),
    notes: identity?.notes ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function contactOf(c: ContactDraft): ContactDetails | null {
  const filled = CONTACT_KEYS.filter((k) => c[k].trim() !== '').map((k) => [k, c[k].trim()]);
  return filled.length ? (Object.fromEntries(filled) as ContactDetails) : null;
}

/** What the form says, as the API's fields: null where nothing is known. */
function fieldsOf(d: Draft): Required<Omit<CaseFields, 'status' | 'identifiedOn' | 'statusDate' | 'identifyingBody' | 'openedOn'>> {
  return {
    sex: d.sex,
    age: d.age.trim() === '' ? null : Number(d.age),
    citizenship: d.citizenship,
    languages: d.languages,
    exploitationTypes: d.exploitationTypes,
    sector: orNull(d.sector),
    countryOfRecruitment: orNull(d.countryOfRecruitment),
    placeOfRecruitment: orNull(d.placeOfRecruitment),
    countryOfExploitation: orNull(d.countryOfExploitation),
    placeOfExploitation: orNull(d.placeOfExploitation),
    recruitmentMethod: orNull(d.recruitmentMethod),
    recruiterRelation: orNull(d.recruiterRelation),
    meansOfControl: d.meansOfControl,
    referredBy: orNull(d.referredBy),
    contactId: orNull(d.contactId),
    name: orNull(d.name),
    dateOfBirth: orNull(d.dateOfBirth),
    contact: contactOf(d.contact),
    documentNumbers: d.documentNumbers.map((x): DocumentNumber => ({ type: x.type as DocumentNumber['type'], number: x.number.trim(), ...(x.country ? { country: x.country } : {}) })),
    notes: orNull(d.notes),
  };
}

const IDENTITY_FIELDS = ['name', 'dateOfBirth', 'contact', 'documentNumbers', 'notes'] as const;

/** A new file gives what is known and leaves the rest out. */
function createBody(d: Draft): CaseFields {
  const all = fieldsOf(d);
  const body: CaseFields = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null && v !== '')) as CaseFields;
  body.status = d.status as CaseFields['status'];
  body.openedOn = d.openedOn || undefined;
  if (d.status === 'identified' || d.status === 'closed') body.identifiedOn = orNull(d.identifiedOn) ?? undefined;
  if (d.status !== 'identified' && d.statusDate) body.statusDate = d.statusDate;
  if (d.identifyingBody) body.identifyingBody = d.identifyingBody as CaseFields['identifyingBody'];
  if (all.documentNumbers.length === 0) delete body.documentNumbers;
  return body;
}

/** A change sends only what changed, so a stated age is not sent again beside a new date of birth. */
function changeBody(before: Draft, after: Draft, withIdentity: boolean): CaseFields {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  const keys = (Object.keys(b) as (keyof typeof b)[]).filter((k) => withIdentity || !(IDENTITY_FIELDS as readonly string[]).includes(k));
  return Object.fromEntries(keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => [k, b[k]])) as CaseFields;
}

const SHOWN = [
  'status', 'identifiedOn', 'statusDate', 'identifyingBody', 'openedOn', 'sex', 'age', 'citizenship', 'languages', 'exploitationTypes', 'sector',
  'countryOfRecruitment', 'placeOfRecruitment', 'countryOfExploitation', 'placeOfExploitation', 'recruitmentMethod', 'recruiterRelation',
  'meansOfControl', 'referredBy', 'contactId', 'name', 'dateOfBirth', 'contact', 'documentNumbers', 'notes',
];

interface Props {
  vocabularies: CaseVocabularies;
  /** The file to change; without it the form opens a new one. */
  file?: CaseFile;
  /** The helpline contact a new file is opened from. */
  contactId?: string | null;
  submitLabel: string;
  onSubmit(body: CaseFields, idempotencyKey: string): Promise<void>;
  onCancel?(): void;
}

/**
 * Every field of a case file, grouped as caseworkers think of them. Opening a file includes its first
 * status; changing one leaves the status to its own form, where its requirements are explained.
 */
export function CaseForm({ vocabularies: v, file, contactId = null, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [initial] = useState(() => draftOf(file ?? null, contactId));
  const [d, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const creating = !file;
  const withIdentity = creating || (hasIdentity(file) && !file.identityErasedAt);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((x) => ({ ...x, [key]: value }));
  const err = (field: string) => errorUnder(errors, field);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(noErrors);
    try {
      await onSubmit(creating ? createBody(d) : changeBody(initial, d, withIdentity), idempotencyKey);
      setIdempotencyKey(newIdempotencyKey());
    } catch (x) {
      setErrors(formErrorsOf(t, x, SHOWN, { status: t('cases.error.choose'), sex: t('cases.error.choose'), citizenship: t('cases.error.choose') }));
    } finally {
      setBusy(false);
    }
  };

  const setDocument = (key: number, change: Partial<DocumentDraft>) => set('documentNumbers')(d.documentNumbers.map((x) => (x.key === key ? { ...x, ...change } : x)));
  const identified = d.status === 'identified' || d.status === 'closed';

  return (
    <form onSubmit={submit} noValidate className="case-form">
      <FormError message={errors.form} />
      {creating && (
        <fieldset className="panel form-section">
          <legend>{t('cases.section.status')}</legend>
          <SelectField label={t('cases.field.status')} value={d.status} onChange={set('status')} options={optionsOf(t, labels.status, v.statuses)} required error={err('status')} />
          {identified && (
            <DateField label={t('cases.field.identifiedOn')} hint={t('cases.field.identifiedOn.hint')} value={d.identifiedOn} onChange={set('identifiedOn')} required={d.status === 'identified'} error={err('identifiedOn')} />
          )}
          {d.status !== 'potential' && (
            <SelectField label={t('cases.field.identifyingBody')} value={d.identifyingBody} onChange={set('identifyingBody')} options={optionsOf(t, labels.body, v.identifyingBodies)} empty={t('cases.notKnown')} error={err('identifyingBody')} />
          )}
          {d.status !== 'identified' && (
            <DateField label={t('cases.field.statusDate')} hint={t('cases.field.statusDate.hint')} value={d.statusDate} onChange={set('statusDate')} error={err('statusDate')} />
          )}
          <DateField label={t('cases.field.openedOn')} hint={t('cases.field.openedOn.hint')} value={d.openedOn} onChange={set('openedOn')} error={err('openedOn')} />
        </fieldset>
      )}

      <fieldset className="panel form-section">
        <legend>{t('cases.section.person')}</legend>
        <SelectField label={t('cases.field.sex')} value={d.sex} onChange={set('sex')} options={optionsOf(t, labels.sex, v.sexes)} empty={t('cases.choose')} required error={err('sex')} />
        <TextField label={t('cases.field.age')} hint={t('cases.field.age.hint')} type="number" inputMode="numeric" min={0} max={130} value={d.age} onChange={set('age')} error={err('age')} className="field-short" />
        <CountryField label={t('cases.field.citizenship')} value={d.citizenship} onChange={set('citizenship')} required error={err('citizenship')} />
        <LanguagesField legend={t('cases.field.languages')} value={d.languages} onChange={set('languages')} error={err('languages')} />
        <SelectField label={t('cases.field.referredBy')} value={d.referredBy} onChange={set('referredBy')} options={optionsOf(t, labels.source, v.referralSources)} empty={t('cases.notKnown')} error={err('referredBy')} />
        {d.contactId && <p className="hint">{t('cases.fromContact')}</p>}
        {err('contactId') && <p className="field-error">{err('contactId')}</p>}
      </fieldset>

      <fieldset className="panel form-section">
        <legend>{t('cases.section.exploitation')}</legend>
        <div className="checkbox-columns">
          <CheckboxGroup legend={t('cases.field.exploitationTypes')} options={optionsOf(t, labels.exploitation, v.exploitationTypes)} selected={d.exploitationTypes} onChange={set('exploitationTypes')} error={err('exploitationTypes')} />
        </div>
        <SelectField label={t('cases.field.sector')} value={d.sector} onChange={set('sector')} options={optionsOf(t, labels.sector, v.sectors.map((s) => s.id))} empty={t('cases.notKnown')} error={err('sector')} />
        <div className="field-pair">
          <CountryField label={t('cases.field.countryOfRecruitment')} value={d.countryOfRecruitment} onChange={set('countryOfRecruitment')} error={err('countryOfRecruitment')} />
          <TextField label={t('cases.field.placeOfRecruitment')} hint={t('cases.field.place.hint')} value={d.placeOfRecruitment} onChange={set('placeOfRecruitment')} error={err('placeOfRecruitment')} />
        </div>
        <div className="field-pair">
          <CountryField label={t('cases.field.countryOfExploitation')} value={d.countryOfExploitation} onChange={set('countryOfExploitation')} error={err('countryOfExploitation')} />
          <TextField label={t('cases.field.placeOfExploitation')} hint={t('cases.field.place.hint')} value={d.placeOfExploitation} onChange={set('placeOfExploitation')} error={err('placeOfExploitation')} />
        </div>
        <SelectField label={t('cases.field.recruitmentMethod')} value={d.recruitmentMethod} onChange={set('recruitmentMethod')} options={optionsOf(t, labels.recruitment, v.recruitmentMethods)} empty={t('cases.notKnown')} error={err('recruitmentMethod')} />
        <SelectField label={t('cases.field.recruiterRelation')} value={d.recruiterRelation} onChange={set('recruiterRelation')} options={optionsOf(t, labels.recruiter, v.recruiterRelations)} empty={t('cases.notKnown')} error={err('recruiterRelation')} />
        <div className="checkbox-columns">
          <CheckboxGroup legend={t('cases.field.meansOfControl')} options={optionsOf(t, labels.means, v.meansOfControl)} selected={d.meansOfControl} onChange={set('meansOfControl')} error={err('meansOfControl')} />
        </div>
      </fieldset>

      {withIdentity && (
        <fieldset className="panel form-section confidential">
          <legend>{t('cases.section.identity')}</legend>
          <p className="hint">{t('cases.section.identity.hint')}</p>
          <TextField label={t('cases.field.name')} autoComplete="off" value={d.name} onChange={set('name')} error={err('name')} />
          <DateField label={t('cases.field.dateOfBirth')} hint={t('cases.field.dateOfBirth.hint')} value={d.dateOfBirth} onChange={set('dateOfBirth')} error={err('dateOfBirth')} />
          <fieldset className="field subfields">
            <legend>{t('cases.field.contact')}</legend>
            {err('contact') && !CONTACT_KEYS.some((k) => errors.fields[`contact.${k}`]) && <p className="field-error">{err('contact')}</p>}
            {CONTACT_KEYS.map((k) => (
              <TextField
                key={k}
                label={t(`cases.field.contact.${k}`)}
                type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
                autoComplete="off"
                value={d.contact[k]}
                onChange={(value) => set('contact')({ ...d.contact, [k]: value })}
                error={errors.fields[`contact.${k}`]}
              />
            ))}
          </fieldset>
          <fieldset className="field subfields">
            <legend>{t('cases.field.documentNumbers')}</legend>
            {d.documentNumbers.length === 0 && <p className="hint">{t('cases.documents.none')}</p>}
            {d.documentNumbers.map((doc, i) => (
              <div key={doc.key} className="document-row">
                <SelectField label={t('cases.document.type')} value={doc.type} onChange={(type) => setDocument(doc.key, { type })} options={optionsOf(t, labels.document, v.documentTypes)} empty={t('cases.choose')} error={err(`documentNumbers.${i}.type`)} />
                <TextField label={t('cases.document.number')} autoComplete="off" value={doc.number} onChange={(number) => setDocument(doc.key, { number })} error={err(`documentNumbers.${i}.number`)} />
                <CountryField label={t('cases.document.country')} value={doc.country} onChange={(country) => setDocument(doc.key, { country })} error={err(`documentNumbers.${i}.country`)} />
                <button type="button" className="button secondary small" onClick={() => set('documentNumbers')(d.documentNumbers.filter((x) => x.key !== doc.key))}>
                  {t('cases.documents.remove', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button type="button" className="button secondary small" onClick={() => set('documentNumbers')([...d.documentNumbers, { key: documentKey++, type: '', number: '', country: '' }])}>
              {t('cases.documents.add')}
            </button>
          </fieldset>
          <TextAreaField label={t('cases.field.notes')} rows={6} value={d.notes} onChange={set('notes')} error={err('notes')} />
        </fieldset>
      )}

      <FormActions busy={busy} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
