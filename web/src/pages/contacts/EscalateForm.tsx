import { useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api/client.js';
import { escalateContact, type ExploitationType, type FullContact, type PotentialCase } from '../../api/contacts.js';
import { CheckboxGroup, FormError, SelectField, Status, SubmitButton, TextAreaField } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { fieldErrors, type FieldErrors } from './contactErrors.js';
import { EXPLOITATION_TYPES, exploitationLabel, SEXES, sexLabel, useNames } from './vocabulary.js';

const SHOWN = ['sex', 'citizenship', 'exploitationTypes', 'notes'];
const isSex = (v: string | null): v is PotentialCase['sex'] => (SEXES as readonly (string | null)[]).includes(v);

/**
 * Hands a contact to the Victim Support Team as a potential case. The file points back at the
 * contact (contactId), where caseworkers read what was said; the hotline gets only the reference.
 */
export function EscalateForm({ contact }: { contact: FullContact }) {
  const { t } = useI18n();
  const names = useNames();
  const [sex, setSex] = useState<PotentialCase['sex']>(isSex(contact.sex) ? contact.sex : 'unknown');
  const [citizenship, setCitizenship] = useState(contact.nationality ?? '');
  const [types, setTypes] = useState<ExploitationType[]>([]);
  const [notes, setNotes] = useState('');
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [opened, setOpened] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const file = await escalateContact(contact.id, { sex, citizenship, exploitationTypes: types, notes: notes.trim() || undefined }, key);
      setOpened(file.reference);
    } catch (err) {
      setErrors(fieldErrors(t, err, SHOWN));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Status message={opened && t('contacts.escalate.done', { reference: opened })} />
      {!opened && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormError message={errors.form} />
          <SelectField label={t('contacts.escalate.sex')} value={sex} onChange={(v) => setSex(v as PotentialCase['sex'])} options={SEXES.map((s) => ({ value: s, label: t(sexLabel(s)) }))} error={errors.sex} />
          <SelectField label={t('contacts.escalate.citizenship')} required empty={t('contacts.escalate.choose')} value={citizenship} onChange={setCitizenship} options={names.countries} error={errors.citizenship} />
          <CheckboxGroup
            legend={t('contacts.escalate.types')}
            options={EXPLOITATION_TYPES.map((x) => ({ value: x, label: t(exploitationLabel(x)) }))}
            selected={types}
            onChange={setTypes}
            error={errors.exploitationTypes}
          />
          <TextAreaField label={t('contacts.escalate.notes')} hint={t('contacts.escalate.notes.hint')} rows={3} value={notes} onChange={setNotes} error={errors.notes} />
          <SubmitButton busy={busy}>{t('contacts.escalate.submit')}</SubmitButton>
        </form>
      )}
    </>
  );
}
