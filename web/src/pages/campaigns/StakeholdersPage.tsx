import { useCallback, useEffect, useState } from 'react';
import {
  createStakeholder, getStakeholder, linkStakeholdersToDirectory, listStakeholders, STAKEHOLDER_KIND_IDS, updateStakeholder,
  type Stakeholder, type StakeholderKind,
} from '../../api/campaigns.js';
import { CheckboxField, FormActions, FormError, SelectField, Status, TextAreaField, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { DataTable, LoadMore, usePagedList, type Column } from '../../components/lists.js';
import { useApiForm } from '../../components/useApiForm.js';
import { describeError } from '../../errors.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useListForms } from './useApiForm.js';
import { useActivePartners } from './useDirectory.js';

type Form = { kind: 'add' } | { kind: 'edit'; id: string };
type Shown = 'true' | 'false' | 'all';

const kindLabel = (t: Translate, kind: string) => t(`campaigns.stakeholders.kind.${kind as StakeholderKind}`);
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Whether the stakeholder's organisation is in the partner directory, naming the entry where the list calls it otherwise. */
function directoryNote(t: Translate, s: Stakeholder): string {
  if (!s.partner) return t('campaigns.stakeholders.notLinked');
  return sameName(s.partner.name, s.organisation) ? t('campaigns.stakeholders.inDirectory') : t('campaigns.stakeholders.linked', { partner: s.partner.name });
}

/**
 * The campaign team's contact list, which events invite from and the partner directory absorbs.
 * The list names people and organisations; a stakeholder's e-mail, phone and notes show when
 * opened (a read the audit trail keeps).
 */
export default function StakeholdersPage({ title }: PageProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<StakeholderKind | ''>('');
  const [shown, setShown] = useState<Shown>('true');
  const fetchPage = useCallback((cursor?: string) => listStakeholders({ kind: kind || undefined, active: shown, limit: 100, cursor }), [kind, shown]);
  const list = usePagedList(fetchPage);
  const { items: stakeholders, loading, reload } = list;
  const [linking, setLinking] = useState(false);
  const [linkError, setLinkError] = useState<string | null>(null);
  const error = list.error ? describeError(t, list.error) : linkError;
  const { form, setForm, notice, setNotice, saved } = useListForms<Form>(reload);
  const columns: Column<Stakeholder>[] = [
    {
      label: t('campaigns.stakeholders.name'),
      rowHeader: true,
      cell: (s) => (
        <>
          <span className="cell-main">{s.name}</span>
          {s.role && <span className="cell-sub">{s.role}</span>}
          {!s.active && <span className="badge badge-off">{t('campaigns.stakeholders.inactive')}</span>}
        </>
      ),
    },
    { label: t('campaigns.stakeholders.kind'), cell: (s) => kindLabel(t, s.kind) },
    {
      label: t('campaigns.stakeholders.organisation'),
      cell: (s) => <><span className="cell-main">{s.organisation}</span><span className="cell-sub">{directoryNote(t, s)}</span></>,
    },
    {
      label: t('cases.actions'),
      actions: true,
      cell: (s) => <button type="button" className="button secondary" onClick={() => setForm({ kind: 'edit', id: s.id })}>{t('campaigns.stakeholders.edit', { name: s.name })}</button>,
    },
  ];
  const filter = <T extends string>(set: (v: T) => void) => (v: T) => {
    setNotice('');
    set(v);
  };

  const linkAll = async () => {
    setLinking(true);
    setLinkError(null);
    setNotice('');
    try {
      const { linked, unlinked } = await linkStakeholdersToDirectory();
      await reload();
      setNotice(t('campaigns.stakeholders.linkedAll', { linked, unlinked }));
    } catch (x) {
      setLinkError(describeError(t, x));
    } finally {
      setLinking(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/campaigns">{t('nav.campaigns')}</Link>
      </p>
      <Heading>{title}</Heading>
      <p className="lead">{t('campaigns.stakeholders.lead')}</p>
      <p className="page-actions">
        <button type="button" className="button" onClick={() => setForm({ kind: 'add' })}>{t('campaigns.stakeholders.add')}</button>
        <button type="button" className="button secondary" onClick={() => void linkAll()} disabled={linking} aria-busy={linking || undefined} aria-describedby="link-all-hint">
          {t('campaigns.stakeholders.linkAll')}
        </button>
      </p>
      <p id="link-all-hint" className="hint">{t('campaigns.stakeholders.linkAll.hint')}</p>
      {form.kind === 'add' && <StakeholderForm onSaved={() => saved(t('campaigns.stakeholders.added'))} onCancel={() => setForm({ kind: 'none' })} />}
      {form.kind === 'edit' && <StakeholderForm key={form.id} id={form.id} onSaved={() => saved(t('campaigns.stakeholders.saved'))} onCancel={() => setForm({ kind: 'none' })} />}
      <form className="filters" role="search" aria-label={t('campaigns.stakeholders.filter')} onSubmit={(e) => e.preventDefault()}>
        <SelectField<StakeholderKind>
          label={t('campaigns.stakeholders.kind')}
          value={kind}
          onChange={filter<StakeholderKind | ''>(setKind)}
          options={STAKEHOLDER_KIND_IDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          empty={t('campaigns.stakeholders.allKinds')}
        />
        <SelectField<Shown>
          label={t('campaigns.stakeholders.shown')}
          value={shown}
          onChange={filter<Shown | ''>((v) => setShown(v || 'true'))}
          options={(['true', 'false', 'all'] as const).map((v) => ({ value: v, label: t(`campaigns.stakeholders.shown.${v}`) }))}
        />
      </form>
      <Status message={loading ? t('common.loading') : notice || (error ? '' : t('campaigns.stakeholders.count', { n: stakeholders.length }))} />
      <FormError message={error} />
      <DataTable caption={title} columns={columns} rows={stakeholders} rowKey={(s) => s.id} />
      <LoadMore list={list} />
    </>
  );
}

/**
 * Adds a stakeholder, or (given `id`) changes one, loaded with its contact details. Linked to a
 * partner of the directory, an empty organisation and kind are taken from the directory.
 */
function StakeholderForm({ id, onSaved, onCancel }: { id?: string; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { partners, error: partnersError } = useActivePartners();
  const [loaded, setLoaded] = useState<Stakeholder | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [kind, setKind] = useState<StakeholderKind | ''>('');
  const [role, setRole] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [notes, setNotes] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [active, setActive] = useState(true);
  const { errors, busy, submit } = useApiForm(['name', 'organisation', 'kind', 'role', 'email', 'phone', 'notes', 'partnerId'], { kind: t('cases.error.choose') });

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
      setPartnerId(s.partner?.id ?? '');
      setActive(s.active);
    }, (x: unknown) => setLoadError(describeError(t, x)));
  }, [id, t]);

  if (id && !loaded) return <FormError message={loadError} />;
  const label = loaded ? t('campaigns.stakeholders.edit', { name: loaded.name }) : t('campaigns.stakeholders.add');
  // A cleared optional field is removed when changing, and left out when adding.
  const optional = (v: string) => v.trim() || (loaded ? null : undefined);
  const fromDirectory = !loaded && partnerId !== '';
  const body = {
    name: name.trim(), organisation: fromDirectory ? organisation.trim() || undefined : organisation.trim(), kind: kind || undefined, role: optional(role),
    email: optional(email), phone: optional(phone), notes: optional(notes), partnerId: optional(partnerId), ...(loaded ? { active } : {}),
  };
  const save = (key: string) => (loaded ? updateStakeholder(loaded.id, body) : createStakeholder(body, key)).then(onSaved);
  // The linked partner stays a choice even when the directory has since marked it inactive.
  const choices = loaded?.partner && !partners.some((p) => p.id === loaded.partner!.id) ? [loaded.partner, ...partners] : partners;

  return (
    <form className="panel form-section" onSubmit={(e) => void submit(e, save)} noValidate aria-label={label}>
      {loaded && <h2>{label}</h2>}
      <FormError message={errors.form ?? (partnersError ? describeError(t, partnersError) : null)} />
      <div className="field-pair">
        <TextField label={t('campaigns.stakeholders.name')} required value={name} onChange={setName} error={errors.fields.name} />
        <TextField label={t('campaigns.stakeholders.role')} value={role} onChange={setRole} error={errors.fields.role} />
      </div>
      <SelectField
        label={t('campaigns.stakeholders.partner')}
        hint={t('campaigns.stakeholders.partner.hint')}
        value={partnerId}
        onChange={setPartnerId}
        options={choices.map((p) => ({ value: p.id, label: p.name }))}
        empty={t('campaigns.stakeholders.noPartner')}
        error={errors.fields.partnerId}
      />
      <div className="field-pair">
        <TextField
          label={t('campaigns.stakeholders.organisation')}
          required={!fromDirectory}
          hint={fromDirectory ? t('campaigns.stakeholders.fromDirectory') : undefined}
          value={organisation}
          onChange={setOrganisation}
          error={errors.fields.organisation}
        />
        <SelectField<StakeholderKind>
          label={t('campaigns.stakeholders.kind')}
          value={kind}
          onChange={setKind}
          options={STAKEHOLDER_KIND_IDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          empty={fromDirectory ? t('campaigns.stakeholders.kindFromDirectory') : t('cases.choose')}
          required={!fromDirectory}
          error={errors.fields.kind}
        />
      </div>
      <div className="field-pair">
        <TextField label={t('campaigns.stakeholders.email')} type="email" spellCheck={false} autoCapitalize="none" value={email} onChange={setEmail} error={errors.fields.email} />
        <TextField label={t('campaigns.stakeholders.phone')} type="tel" value={phone} onChange={setPhone} error={errors.fields.phone} />
      </div>
      <TextAreaField label={t('campaigns.stakeholders.notes')} value={notes} onChange={setNotes} error={errors.fields.notes} />
      {loaded && <CheckboxField label={t('campaigns.stakeholders.active')} hint={t('campaigns.stakeholders.active.hint')} checked={active} onChange={setActive} />}
      <FormActions busy={busy} submitLabel={loaded ? t('campaigns.stakeholders.save') : t('campaigns.stakeholders.add')} onCancel={onCancel} />
    </form>
  );
}
