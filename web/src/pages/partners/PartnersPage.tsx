import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { listPartners, PARTNER_KIND_IDS, type Partner, type PartnerQuery } from '../../api/partners.js';
import { FormError, SelectField, Status, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { DataTable, LoadMore, usePagedList, type Column } from '../../components/lists.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { useFormat } from '../cases/fields.js';
import { errorUnder, formErrorsOf, labels, noErrors, optionsOf } from '../cases/labels.js';
import { PartnerForm } from './PartnerForm.js';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; id: string };

interface Filter {
  kind: string;
  q: string;
  active: 'true' | 'all';
}

const NO_FILTER: Filter = { kind: '', q: '', active: 'true' };

/** The partner directory for caseworkers and coordinators, who both keep it: who victims are referred to, in which sectors and languages, and how to reach them. */
export default function PartnersPage({ title }: PageProps) {
  const { t } = useI18n();
  const f = useFormat();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [notice, setNotice] = useState('');
  const list = usePagedList(
    useCallback((cursor?: string) => {
      const query: PartnerQuery = { kind: filter.kind || undefined, q: filter.q || undefined, active: filter.active, limit: 100, cursor };
      return listPartners(query);
    }, [filter]),
  );
  const errors = useMemo(() => (list.error ? formErrorsOf(t, list.error, ['kind', 'q', 'active']) : noErrors), [list.error, t]);
  const partners = list.items;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft, q: draft.q.trim() });
  };

  const saved = (p: Partner, created: boolean) => {
    setView({ kind: 'list' });
    setNotice(t(created ? 'cases.partners.added' : 'cases.partners.saved', { name: p.name }));
    void list.reload();
  };

  if (view.kind === 'add') return <PartnerForm onSaved={saved} onCancel={() => setView({ kind: 'list' })} />;
  const edited = view.kind === 'edit' ? partners.find((p) => p.id === view.id) : undefined;
  if (edited) return <PartnerForm partner={edited} onSaved={saved} onCancel={() => setView({ kind: 'list' })} />;

  const columns: Column<Partner>[] = [
    {
      label: t('cases.partners.name'),
      rowHeader: true,
      cell: (p) => (
        <>
          <span className="cell-main">{p.name}</span>
          <span className="cell-sub">{[p.city, f.country(p.country)].filter(Boolean).join(', ')}</span>
          {p.website && (
            <a className="cell-sub" href={p.website} rel="noopener noreferrer" target="_blank">{p.website}</a>
          )}
          {!p.active && <span className="badge badge-off">{t('cases.partners.inactive')}</span>}
        </>
      ),
    },
    { label: t('cases.partners.kind'), cell: (p) => labels.partnerKind(t, p.kind) },
    { label: t('cases.partners.sectors'), cell: (p) => p.sectors.map((s) => labels.sector(t, s)).join(', ') || '–' },
    { label: t('cases.partners.languages'), cell: (p) => p.languages.map(f.language).join(', ') || '–' },
    {
      label: t('cases.partners.contacts'),
      cell: (p) =>
        p.contacts.length ? (
          <ul className="plain-list">
            {p.contacts.map((c, i) => (
              <li key={i}>
                {[c.name, c.role].filter(Boolean).join(', ')}
                {c.phone && <a className="cell-sub" href={`tel:${c.phone}`}>{c.phone}</a>}
                {c.email && <a className="cell-sub" href={`mailto:${c.email}`}>{c.email}</a>}
              </li>
            ))}
          </ul>
        ) : (
          '–'
        ),
    },
    {
      label: t('cases.actions'),
      actions: true,
      cell: (p) => (
        <button type="button" className="button secondary small" onClick={() => setView({ kind: 'edit', id: p.id })}>
          {t('cases.partners.edit')}
          <span className="visually-hidden"> {p.name}</span>
        </button>
      ),
    },
  ];

  return (
    <>
      <Heading>{title}</Heading>
      <p className="page-actions">
        <button type="button" className="button" onClick={() => setView({ kind: 'add' })}>{t('cases.partners.add')}</button>
      </p>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('cases.partners.filter')} noValidate>
        <SelectField label={t('cases.partners.kind')} value={draft.kind} onChange={(kind) => setDraft((d) => ({ ...d, kind }))} options={optionsOf(t, labels.partnerKind, PARTNER_KIND_IDS)} empty={t('cases.partners.anyKind')} error={errorUnder(errors, 'kind')} />
        <TextField label={t('cases.partners.search')} value={draft.q} onChange={(q) => setDraft((d) => ({ ...d, q }))} error={errorUnder(errors, 'q')} />
        <SelectField
          label={t('cases.partners.status')}
          value={draft.active}
          onChange={(active) => setDraft((d) => ({ ...d, active: active || 'true' }))}
          options={[{ value: 'true' as const, label: t('cases.partners.activeOnly') }, { value: 'all' as const, label: t('cases.partners.all') }]}
        />
        <div className="actions">
          <button type="submit" className="button">{t('cases.filter.apply')}</button>
        </div>
      </form>
      <Status message={list.loading ? t('common.loading') : notice || (errors.form ? '' : t('cases.partners.count', { n: partners.length }))} />
      <FormError message={errors.form} />
      <DataTable caption={title} columns={columns} rows={partners} rowKey={(p) => p.id} rowClass={(p) => (p.active ? undefined : 'muted-row')} />
      <LoadMore list={list} />
    </>
  );
}
