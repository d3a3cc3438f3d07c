import { useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../../api/client.js';
import { createPartner, PARTNER_KIND_IDS, updatePartner, type Partner, type PartnerContact, type PartnerFields, type PartnerKind } from '../../api/partners.js';
import { CheckboxGroup, FormActions, FormError, SelectField, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { useI18n } from '../../i18n/i18n.js';
import { CountryField, LanguagesField } from '../cases/fields.js';
import { errorUnder, formErrorsOf, labels, noErrors, optionsOf, type FormErrors } from '../cases/labels.js';
import { useVocabularies } from '../cases/useVocabularies.js';

const CONTACT_KEYS = ['name', 'role', 'phone', 'email'] as const;
type ContactDraft = Record<(typeof CONTACT_KEYS)[number], string> & { key: number };
let contactKey = 0;

const SHOWN = ['name', 'kind', 'country', 'city', 'sectors', 'languages', 'website', 'contacts', 'active'];

function contactsOf(drafts: readonly ContactDraft[]): PartnerContact[] {
  return drafts
    .map((c) => Object.fromEntries(CONTACT_KEYS.filter((k) => c[k].trim()).map((k) => [k, c[k].trim()])) as PartnerContact)
    .filter((c) => Object.keys(c).length > 0);
}

/** Adds a partner to the directory or changes one; contacts are the organisation's working contacts. */
export function PartnerForm({ partner, onSaved, onCancel }: { partner?: Partner; onSaved(p: Partner, created: boolean): void; onCancel(): void }) {
  const { t } = useI18n();
  const { vocabularies } = useVocabularies();
  const [name, setName] = useState(partner?.name ?? '');
  const [kind, setKind] = useState<PartnerKind | ''>(partner?.kind as PartnerKind | undefined ?? '');
  const [country, setCountry] = useState(partner?.country ?? 'RS');
  const [city, setCity] = useState(partner?.city ?? '');
  const [sectors, setSectors] = useState<string[]>(partner?.sectors ?? []);
  const [languages, setLanguages] = useState<string[]>(partner?.languages ?? []);
  const [website, setWebsite] = useState(partner?.website ?? '');
  const [active, setActive] = useState(partner?.active ?? true);
  const [contacts, setContacts] = useState<ContactDraft[]>(() =>
    (partner?.contacts ?? []).map((c) => ({ key: contactKey++, name: c.name ?? '', role: c.role ?? '', phone: c.phone ?? '', email: c.email ?? '' })),
  );
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fields: PartnerFields = {
      name: name.trim(), kind: kind || undefined, country, sectors, languages, contacts: contactsOf(contacts), active,
      city: city.trim() || (partner ? null : undefined), website: website.trim() || (partner ? null : undefined),
    };
    setBusy(true);
    setErrors(noErrors);
    try {
      if (partner) onSaved(await updatePartner(partner.id, fields), false);
      else onSaved(await createPartner(fields, key), true);
    } catch (x) {
      setErrors(formErrorsOf(t, x, SHOWN, { name: t('cases.partners.error.name'), kind: t('cases.error.choose'), country: t('cases.error.choose') }));
    } finally {
      setBusy(false);
    }
  };

  const setContact = (k: number, change: Partial<ContactDraft>) => setContacts((all) => all.map((c) => (c.key === k ? { ...c, ...change } : c)));

  return (
    <div className="form-page">
      <Heading>{partner ? partner.name : t('cases.partners.add')}</Heading>
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <fieldset className="panel form-section">
          <legend>{t('cases.partners.section.organisation')}</legend>
          <TextField label={t('cases.partners.name')} required autoComplete="organization" value={name} onChange={setName} error={errors.fields.name} />
          <SelectField label={t('cases.partners.kind')} value={kind} onChange={(v) => setKind(v)} options={optionsOf(t, labels.partnerKind, PARTNER_KIND_IDS)} empty={t('cases.choose')} required error={errors.fields.kind} />
          <div className="field-pair">
            <CountryField label={t('cases.partners.country')} value={country} onChange={setCountry} required error={errors.fields.country} />
            <TextField label={t('cases.partners.city')} value={city} onChange={setCity} error={errors.fields.city} />
          </div>
          <TextField label={t('cases.partners.website')} hint={t('cases.partners.website.hint')} type="url" inputMode="url" spellCheck={false} value={website} onChange={setWebsite} error={errors.fields.website} />
          {vocabularies && (
            <div className="checkbox-columns">
              <CheckboxGroup legend={t('cases.partners.sectors')} options={optionsOf(t, labels.sector, vocabularies.sectors.map((s) => s.id))} selected={sectors} onChange={setSectors} error={errorUnder(errors, 'sectors')} />
            </div>
          )}
          <LanguagesField legend={t('cases.partners.languages')} value={languages} onChange={setLanguages} error={errorUnder(errors, 'languages')} />
          <CheckboxGroup
            legend={t('cases.partners.status')}
            options={[{ value: 'active', label: t('cases.partners.active'), hint: t('cases.partners.active.hint') }]}
            selected={active ? ['active'] : []}
            onChange={(v) => setActive(v.includes('active'))}
            error={errors.fields.active}
          />
        </fieldset>
        <fieldset className="panel form-section">
          <legend>{t('cases.partners.contacts')}</legend>
          {errors.fields.contacts && <p className="field-error">{errors.fields.contacts}</p>}
          {contacts.length === 0 && <p className="hint">{t('cases.partners.contacts.none')}</p>}
          {contacts.map((c, i) => (
            <fieldset key={c.key} className="field subfields contact-row">
              <legend>{t('cases.partners.contact', { n: i + 1 })}</legend>
              {CONTACT_KEYS.map((k) => (
                <TextField
                  key={k}
                  label={t(`cases.partners.contact.${k}`)}
                  type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
                  autoComplete="off"
                  value={c[k]}
                  onChange={(v) => setContact(c.key, { [k]: v })}
                  error={errorUnder(errors, `contacts.${i}.${k}`) ?? (k === 'name' ? errors.fields[`contacts.${i}`] : undefined)}
                />
              ))}
              <button type="button" className="button secondary small" onClick={() => setContacts((all) => all.filter((x) => x.key !== c.key))}>
                {t('cases.partners.contact.remove', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" className="button secondary small" onClick={() => setContacts((all) => [...all, { key: contactKey++, name: '', role: '', phone: '', email: '' }])}>
            {t('cases.partners.contact.add')}
          </button>
        </fieldset>
        <FormActions busy={busy} submitLabel={t(partner ? 'cases.partners.save' : 'cases.partners.add.submit')} onCancel={onCancel} />
      </form>
    </div>
  );
}
