import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { listCases, type CaseSummary } from '../../api/cases.js';
import { FormError, SelectField, Status, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { DataTable, LoadMore, usePagedList, type Column } from '../../components/lists.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useSignedIn } from '../../session.js';
import { DateField, useFormat } from './fields.js';
import { errorUnder, formErrorsOf, labels, noErrors, optionsOf } from './labels.js';
import { useVocabularies } from './useVocabularies.js';

const PAGE_SIZE = 50;

interface Filter {
  status: string;
  from: string;
  to: string;
  q: string;
}

const NO_FILTER: Filter = { status: '', from: '', to: '', q: '' };

/** The case list: pseudonymous references and anonymous facts only, never a name. */
export default function CasesPage({ title }: PageProps) {
  const { t } = useI18n();
  const f = useFormat();
  const { user } = useSignedIn();
  const { vocabularies } = useVocabularies();
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const list = usePagedList(useCallback((cursor?: string) => listCases({ ...filter, limit: PAGE_SIZE, cursor }), [filter]));
  const errors = useMemo(() => (list.error ? formErrorsOf(t, list.error, ['status', 'from', 'to', 'q']) : noErrors), [list.error, t]);
  const cases = list.items;
  const columns: Column<CaseSummary>[] = [
    { label: t('cases.field.reference'), rowHeader: true, cell: (c) => <Link to={`/cases/${c.id}`} className="cell-main reference">{c.reference}</Link> },
    { label: t('cases.field.status'), cell: (c) => <span className={`badge status-${c.status}`}>{labels.status(t, c.status)}</span> },
    { label: t('cases.field.sex'), cell: (c) => labels.sex(t, c.sex) },
    {
      label: t('cases.field.age'),
      cell: (c) => (
        <>
          {c.age ?? '–'}
          {c.child && <span className="badge child-badge">{t('cases.child')}</span>}
        </>
      ),
    },
    { label: t('cases.field.citizenship'), cell: (c) => f.country(c.citizenship) },
    { label: t('cases.field.exploitationTypes'), cell: (c) => c.exploitationTypes.map((x) => labels.exploitation(t, x)).join(', ') || '–' },
    {
      label: t('cases.field.dates'),
      cell: (c) => (
        <>
          <span className="cell-sub">{t('cases.openedOn', { day: f.day(c.openedOn) })}</span>
          {c.identifiedOn && <span className="cell-sub">{t('cases.identifiedOn', { day: f.day(c.identifiedOn) })}</span>}
          {c.closedOn && <span className="cell-sub">{t('cases.closedOn', { day: f.day(c.closedOn) })}</span>}
        </>
      ),
    },
  ];

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft, q: draft.q.trim() });
  };
  const clear = () => {
    setDraft(NO_FILTER);
    setFilter(NO_FILTER);
  };
  const set = (key: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const filtered = Object.values(filter).some(Boolean);

  return (
    <>
      <Heading>{title}</Heading>
      {user.roles.includes('caseworker') && (
        <p className="page-actions">
          <Link to="/cases/new" className="button">{t('cases.new')}</Link>
        </p>
      )}
      <form className="filters" onSubmit={apply} role="search" aria-label={t('cases.filter')} noValidate>
        <SelectField
          label={t('cases.field.status')}
          value={draft.status}
          onChange={set('status')}
          options={vocabularies ? optionsOf(t, labels.status, vocabularies.statuses) : []}
          empty={t('cases.filter.anyStatus')}
          error={errorUnder(errors, 'status')}
        />
        <DateField label={t('cases.filter.from')} value={draft.from} onChange={set('from')} error={errorUnder(errors, 'from')} />
        <DateField label={t('cases.filter.to')} value={draft.to} onChange={set('to')} error={errorUnder(errors, 'to')} />
        <TextField label={t('cases.filter.reference')} placeholder={t('cases.filter.reference.example')} spellCheck={false} autoCapitalize="characters" value={draft.q} onChange={set('q')} error={errorUnder(errors, 'q')} />
        <div className="actions">
          <button type="submit" className="button">{t('cases.filter.apply')}</button>
          {filtered && <button type="button" className="button secondary" onClick={clear}>{t('cases.filter.clear')}</button>}
        </div>
      </form>
      <FormError message={errors.form} />
      <Status message={list.loading ? t('common.loading') : errors.form ? '' : cases.length === 0 && filtered ? t('cases.empty.filtered') : t('cases.count', { n: cases.length, more: list.nextCursor ? 'yes' : 'no' })} />
      <DataTable caption={title} columns={columns} rows={cases} rowKey={(c) => c.id} />
      <LoadMore list={list} />
    </>
  );
}
