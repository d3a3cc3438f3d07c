import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { listCases, type CaseSummary } from '../../api/cases.js';
import { FormError, SelectField, Status, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useSignedIn } from '../../session.js';
import { DateField, useFormat } from './fields.js';
import { errorUnder, formErrorsOf, labels, noErrors, optionsOf, type FormErrors } from './labels.js';
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
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      setErrors(noErrors);
      try {
        const page = await listCases({ ...filter, limit: PAGE_SIZE, cursor });
        setCases((before) => (cursor ? [...before, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        setCases([]);
        setNextCursor(null);
        setErrors(formErrorsOf(t, e, ['status', 'from', 'to', 'q']));
      } finally {
        setLoading(false);
      }
    },
    [filter, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

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
      <Status message={loading ? t('common.loading') : errors.form ? '' : cases.length === 0 && filtered ? t('cases.empty.filtered') : t('cases.count', { n: cases.length, more: nextCursor ? 'yes' : 'no' })} />
      {cases.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.field.reference')}</th>
              <th scope="col">{t('cases.field.status')}</th>
              <th scope="col">{t('cases.field.sex')}</th>
              <th scope="col">{t('cases.field.age')}</th>
              <th scope="col">{t('cases.field.citizenship')}</th>
              <th scope="col">{t('cases.field.exploitationTypes')}</th>
              <th scope="col">{t('cases.field.dates')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <th scope="row" data-label={t('cases.field.reference')}>
                  <Link to={`/cases/${c.id}`} className="cell-main reference">{c.reference}</Link>
                </th>
                <td data-label={t('cases.field.status')}>
                  <span className={`badge status-${c.status}`}>{labels.status(t, c.status)}</span>
                </td>
                <td data-label={t('cases.field.sex')}>{labels.sex(t, c.sex)}</td>
                <td data-label={t('cases.field.age')}>
                  {c.age ?? '–'}
                  {c.child && <span className="badge child-badge">{t('cases.child')}</span>}
                </td>
                <td data-label={t('cases.field.citizenship')}>{f.country(c.citizenship)}</td>
                <td data-label={t('cases.field.exploitationTypes')}>{c.exploitationTypes.map((x) => labels.exploitation(t, x)).join(', ') || '–'}</td>
                <td data-label={t('cases.field.dates')}>
                  <span className="cell-sub">{t('cases.openedOn', { day: f.day(c.openedOn) })}</span>
                  {c.identifiedOn && <span className="cell-sub">{t('cases.identifiedOn', { day: f.day(c.identifiedOn) })}</span>}
                  {c.closedOn && <span className="cell-sub">{t('cases.closedOn', { day: f.day(c.closedOn) })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <p>
          <button type="button" className="button secondary" disabled={loading} onClick={() => void load(nextCursor)}>
            {t('common.loadMore')}
          </button>
        </p>
      )}
    </>
  );
}
