import { useCallback, useEffect, useState } from 'react';
import { listAgencies, type Agency } from '../../api/jobcheck.js';
import { FormError, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { DataTable, LoadMore, usePagedList, type Column } from '../../components/lists.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { findRoute, mayOpen, type PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useSignedIn } from '../../session.js';
import { useNames } from '../contacts/vocabulary.js';

/** Typing pauses this long before the register is asked. */
const TYPING_MS = 250;

/**
 * The register of licensed employment agencies, searched as a caller spells a name: the
 * beginnings of the name's words in either script, or part of a registration or licence number.
 */
export default function AgenciesPage({ title }: PageProps) {
  const { t } = useI18n();
  const names = useNames();
  const { user } = useSignedIn();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const importRoute = findRoute('/agencies/import')!.route;

  useEffect(() => {
    const timer = setTimeout(() => setQuery(q.trim()), TYPING_MS);
    return () => clearTimeout(timer);
  }, [q]);
  const list = usePagedList(useCallback((cursor?: string) => listAgencies({ q: query || undefined, cursor }), [query]));
  const items = list.page ? list.items : null;
  const error = list.error ? describeError(t, list.error) : null;
  const columns: Column<Agency>[] = [
    { label: t('agencies.field.name'), rowHeader: true, cell: (a) => a.name },
    { label: t('agencies.field.registrationNumber'), cell: (a) => a.registrationNumber },
    { label: t('agencies.field.licenceNumber'), cell: (a) => a.licenceNumber },
    { label: t('agencies.field.licenceDate'), cell: (a) => a.licenceDate && names.day(a.licenceDate) },
    { label: t('agencies.field.address'), cell: (a) => a.address },
  ];

  return (
    <>
      <Heading>{title}</Heading>
      <p className="lead">{t('agencies.text')}</p>
      {mayOpen(importRoute, user.roles) && (
        <p>
          <Link to="/agencies/import">{t('agencies.toImport')}</Link>
        </p>
      )}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('agencies.search')} hint={t('agencies.search.hint')} type="search" autoComplete="off" value={q} onChange={setQ} />
      </form>
      <FormError message={error} />
      {items === null ? (
        !error && <p className="loading" role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p role="status">{query ? t('agencies.found', { count: items.length }) : t('agencies.listed', { count: items.length })}</p>
          <DataTable caption={title} columns={columns} rows={items} rowKey={(a) => a.id} />
          <LoadMore list={list} />
        </>
      )}
    </>
  );
}
