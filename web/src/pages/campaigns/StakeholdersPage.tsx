import { useCallback, useEffect, useState } from 'react';
import {
  createStakeholder, getStakeholder, listStakeholders, STAKEHOLDER_KIND_IDS, updateStakeholder,
  type Stakeholder, type StakeholderKind,
} from '../../api/campaigns.js';
import { FormError, SelectField, Status, SubmitButton, TextAreaField, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { DataTable, LoadMore, usePagedList, type Column } from '../../components/lists.js';
import { describeError } from '../../errors.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useApiForm, useListForms } from './useApiForm.js';

type Form = { kind: 'add' } | { kind: 'edit'; id: string };

const kindLabel = (t: Translate, kind: string) => t(`campaigns.stakeholders.kind.${kind as StakeholderKind}`);

/**
 * The campaign team's contact list, which events invite from. The list names people and
 * organisations; a stakeholder's e-mail, phone and notes show when opened (a read the audit trail keeps).
 */
export default function StakeholdersPage({ title }: PageProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<StakeholderKind | ''>('');
  const fetchPage = useCallback((cursor?: string) => listStakeholders({ kind: kind || undefined, limit: 100, cursor }), [kind]);
  const list = usePagedList(fetchPage);
  const { items: stakeholders, loading, reload } = list;
  const error = list.error ? describeError(t, list.error) : null;
  const { form, setForm, notice, setNotice, saved } = useListForms<Form>(reload);
  const columns: Column<Stakeholder>[] = [
    { label: t('campaigns.stakeholders.name'), rowHeader: true, cell: (s) => <><span className="cell-main">{s.name}</span>{s.role && <span className="cell-sub">{s.role}</span>}</> },
    { label: t('campaigns.stakeholders.kind'), cell: (s) => kindLabel(t, s.kind) },
    { label: t('campaigns.stakeholders.organisation'), cell: (s) => s.organisation },
    {
      label: t('cases.actions'),
      actions: true,
      cell: (s) => <button type="button" className="button secondary" onClick={() => setForm({ kind: 'edit', id: s.id })}>{t('campaigns.stakeholders.edit', { name: s.name })}</button>,
    },
  ];

  return (
    <>
      <p className="breadcrumb">
        <Link to="/campaigns">{t('nav.campaigns')}</Link>
      </p>
      <Heading>{title}</Heading>
      <p className="lead">{t('campaigns.stakeholders.lead')}</p>
      <p className="page-actions">
        <button type="button" className="button" onClick={() => setForm({ kind: 'add' })}>{t('campaigns.stakeholders.add')}</button>
      </p>
      {form.kind === 'add' && <StakeholderForm onSaved={() => saved(t('campaigns.stakeholders.added'))} onCancel={() => setForm({ kind: 'none' })} />}
      {form.kind === 'edit' && <StakeholderForm key={form.id} id={form.id} onSaved={() => saved(t('campaigns.stakeholders.saved'))} onCancel={() => setForm({ kind: 'none' })} />}
      <SelectField<StakeholderKind>
        label={t('campaigns.stakeholders.kind')}
        value={kind}
        onChange={(k) => {
          setNotice('');
          setKind(k);
        }}
        options={STAKEHOLDER_KIND_IDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        empty={t('campaigns.stakeholders.allKinds')}
      />
      <Status message={loading ? t('common.loading') : notice || (error ? '' : t('campaigns.stakeholders.count', { n: stakeholders.length }))} />
      <FormError message={error} />
      <DataTable caption={title} columns={columns} rows={stakeholders} rowKey={(s) => s.id} />
      <LoadMore list={list} />
    </>
  );
}

/** Adds a stakeholder, or (given `id`) changes one, loaded with its contact details. */
function StakeholderForm({ id, onSaved, onCancel }: { id?: string; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Stakeholder | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [kind, setKind] = useState<StakeholderKind | ''>('');
  const [role, setRole] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [notes, setNotes] = useState('');
  const { errors, busy, submit } = useApiForm(['name', 'organisation', 'kind', 'role', 'email', 'phone', 'notes'], { kind: t('cases.error.choose') });

  useEffect(() => {
    if (!id) return;
    getStakeholder(id).then((s) => {
      setLoaded(s);
      setName(s.name);
      setOrganisation(s.organisation);
      setKind(s.kind as StakeholderKind);
      setRole(s.role ?? '');
      setEmail(s.email ?? '');
      setPhone(s.phone ?? '');
      setNotes(s.notes ?? '');
    }, (x: unknown) => setLoadError(describeError(t, x)));
  }, [id, t]);

  if (id && !loaded) return <FormError message={loadError} />;
  const label = loaded ? t('campaigns.stakeholders.edit', { name: loaded.name }) : t('campaigns.stakeholders.add');
  // A cleared optional field is removed when changing, and left out when adding.
  const optional = (v: string) => v.trim() || (loaded ? null : undefined);
  const body = { name: name.trim(), organisation: organisation.trim(), kind: kind || undefined, role: optional(role), email: optional(email), phone: optional(phone), notes: optional(notes) };
  const save = (key: string) => (loaded ? updateStakeholder(loaded.id, body) : createStakeholder(body, key)).then(onSaved);

  return (
    <form className="panel form-section" onSubmit={(e) => void submit(e, save)} noValidate aria-label={label}>
      {loaded && <h2>{label}</h2>}
      <FormError message={errors.form} />
      <div className="field-pair">
        <TextField label={t('campaigns.stakeholders.name')} required value={name} onChange={setName} error={errors.fields.name} />
        <TextField label={t('campaigns.stakeholders.role')} value={role} onChange={setRole} error={errors.fields.role} />
      </div>
      <div className="field-pair">
        <TextField label={t('campaigns.stakeholders.organisation')} required value={organisation} onChange={setOrganisation} error={errors.fields.organisation} />
        <SelectField<StakeholderKind> label={t('campaigns.stakeholders.kind')} value={kind} onChange={setKind} options={STAKEHOLDER_KIND_IDS.map((k) => ({ value: k, label: kindLabel(t, k) }))} empty={t('cases.choose')} required error={errors.fields.kind} />
      </div>
      <div className="field-pair">
        <TextField label={t('campaigns.stakeholders.email')} type="email" spellCheck={false} autoCapitalize="none" value={email} onChange={setEmail} error={errors.fields.email} />
        <TextField label={t('campaigns.stakeholders.phone')} type="tel" value={phone} onChange={setPhone} error={errors.fields.phone} />
      </div>
      <TextAreaField label={t('campaigns.stakeholders.notes')} value={notes} onChange={setNotes} error={errors.fields.notes} />
      <div className="actions">
        <SubmitButton busy={busy}>{loaded ? t('campaigns.stakeholders.save') : t('campaigns.stakeholders.add')}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
