import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { listAssignees, listContacts, updateContact, type Assignee, type Channel, type ContactOutline, type ContactQuery, type Status, type Topic } from '../../api/contacts.js';
import { FormError, SelectField, Status as StatusMessage, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useSignedIn } from '../../session.js';
import { fieldErrors, type FieldErrors } from './contactErrors.js';
import { ContactsNav } from './ContactsNav.js';
import { QueueActions, StatusBadge, useCanWork } from './queue.js';
import { CHANNELS, channelLabel, STATUSES, statusLabel, TOPICS, topicLabel, useNames } from './vocabulary.js';

interface Filters {
  from: string;
  to: string;
  topic: Topic | '';
  channel: Channel | '';
  language: string;
  nationality: string;
  /** `open` is the queue still to work through: new and assigned. */
  status: Status | 'open' | '';
  assigneeId: string;
}

const NO_FILTERS: Filters = { from: '', to: '', topic: '', channel: '', language: '', nationality: '', status: '', assigneeId: '' };
const FILTER_FIELDS = ['from', 'to', 'topic', 'channel', 'language', 'nationality', 'status', 'assigneeId', 'phone'];
const PAGE_SIZE = 50;

function queryOf(f: Filters, phone: string): ContactQuery {
  const status: Status[] | undefined = f.status === 'open' ? ['new', 'assigned'] : f.status ? [f.status] : undefined;
  return {
    from: f.from || undefined, to: f.to || undefined, topic: f.topic || undefined, channel: f.channel || undefined,
    language: f.language || undefined, nationality: f.nationality || undefined, status, assigneeId: f.assigneeId || undefined, phone: phone || undefined, limit: PAGE_SIZE,
  };
}

/** The contact log and the queue: filters, a search by phone number, and taking or closing a contact from the list. */
export default function QueuePage({ title }: PageProps) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const { user } = useSignedIn();
  const canWork = useCanWork();
  const [form, setForm] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [phoneInput, setPhoneInput] = useState('');
  const [phone, setPhone] = useState('');
  const [items, setItems] = useState<ContactOutline[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const [assignees, setAssignees] = useState<Assignee[]>([]);

  useEffect(() => {
    // Without the list the filter offers no names; the contacts themselves still load.
    listAssignees().then((page) => setAssignees(page.items), () => setAssignees([]));
  }, []);

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      setErrors({});
      try {
        const page = await listContacts({ ...queryOf(filters, phone), cursor });
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        setErrors(fieldErrors(t, e, FILTER_FIELDS));
      } finally {
        setLoading(false);
      }
    },
    [filters, phone, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(form);
  };
  const reset = () => {
    setForm(NO_FILTERS);
    setFilters(NO_FILTERS);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setPhone(phoneInput.trim());
  };
  const clearSearch = () => {
    setPhoneInput('');
    setPhone('');
  };

  const change = async (c: ContactOutline, body: { status?: Status; assigneeId?: string }, done: string) => {
    setNotice('');
    setErrors({});
    try {
      const updated = await updateContact(c.id, body);
      setItems((all) => all.map((x) => (x.id === c.id ? { ...x, status: updated.status, assigneeId: updated.assigneeId, assigneeName: updated.assigneeName } : x)));
      setNotice(done);
    } catch (err) {
      setErrors({ form: describeError(t, err) });
    }
  };

  const set = <K extends keyof Filters>(k: K) => (v: string) => setForm((f) => ({ ...f, [k]: v as Filters[K] }));
  const any = t('contacts.filter.any');
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <>
      <Heading>{title}</Heading>
      <ContactsNav />
      <form className="filters contact-filters" onSubmit={apply} role="search" aria-label={t('contacts.filter')}>
        <TextField label={t('contacts.filter.from')} type="date" value={form.from} onChange={set('from')} error={errors.from} />
        <TextField label={t('contacts.filter.to')} type="date" value={form.to} onChange={set('to')} error={errors.to} />
        <SelectField label={t('contacts.status')} empty={any} value={form.status} onChange={set('status')} error={errors.status}
          options={[{ value: 'open', label: t('contacts.status.open') }, ...STATUSES.map((s) => ({ value: s, label: t(statusLabel(s)) }))]} />
        <SelectField label={t('contacts.filter.assignee')} empty={any} value={form.assigneeId} onChange={set('assigneeId')} error={errors.assigneeId}
          options={assignees.map((a) => ({ value: a.id, label: a.name }))} />
        <SelectField label={t('contacts.topic')} empty={any} value={form.topic} onChange={set('topic')} options={TOPICS.map((x) => ({ value: x, label: t(topicLabel(x)) }))} />
        <SelectField label={t('contacts.channel')} empty={any} value={form.channel} onChange={set('channel')} options={CHANNELS.map((c) => ({ value: c, label: t(channelLabel(c)) }))} />
        <SelectField label={t('contacts.language')} empty={any} value={form.language} onChange={set('language')} options={names.languages} />
        <SelectField label={t('contacts.nationality')} empty={any} value={form.nationality} onChange={set('nationality')} options={names.countries} />
        <div className="actions">
          <button type="submit" className="button">{t('contacts.filter.apply')}</button>
          {filtered && <button type="button" className="button secondary" onClick={reset}>{t('contacts.filter.reset')}</button>}
        </div>
      </form>
      {canWork && (
        <form className="filters" onSubmit={search} role="search" aria-label={t('contacts.phoneSearch')}>
          <TextField label={t('contacts.phoneSearch.field')} hint={t('contacts.phoneSearch.hint')} type="tel" inputMode="tel" autoComplete="off" value={phoneInput} onChange={setPhoneInput} error={errors.phone} />
          <div className="actions">
            <button type="submit" className="button secondary">{t('contacts.phoneSearch.submit')}</button>
            {phone && <button type="button" className="button secondary" onClick={clearSearch}>{t('contacts.phoneSearch.clear')}</button>}
          </div>
        </form>
      )}
      <FormError message={errors.form} />
      <StatusMessage message={loading ? t('common.loading') : notice || (phone ? t('contacts.phoneSearch.showing', { phone, count: items.length }) : '')} />
      {!loading && items.length === 0 && !errors.form && <p>{t('contacts.empty')}</p>}
      {items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contacts.receivedAt')}</th>
              <th scope="col">{t('contacts.channel')}</th>
              <th scope="col">{t('contacts.topics')}</th>
              <th scope="col">{t('contacts.caller')}</th>
              <th scope="col">{t('contacts.status')}</th>
              {canWork && <th scope="col"><span className="visually-hidden">{t('contacts.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <th scope="row" data-label={t('contacts.receivedAt')}>
                  <Link to={`/contacts/${c.id}`} className="cell-main">
                    <time dateTime={c.receivedAt}>{formatDateTime(c.receivedAt)}</time>
                  </Link>
                  {c.reference && <span className="cell-sub">{t('contacts.reference', { reference: c.reference })}</span>}
                </th>
                <td data-label={t('contacts.channel')}>{t(channelLabel(c.channel))}</td>
                <td data-label={t('contacts.topics')}>{c.topics.map((x) => t(topicLabel(x))).join(', ')}</td>
                <td data-label={t('contacts.caller')}>{[names.language(c.language), names.country(c.nationality)].filter(Boolean).join(' · ') || '—'}</td>
                <td data-label={t('contacts.status')}>
                  <StatusBadge contact={c} me={user.id} />
                </td>
                {canWork && (
                  <td>
                    <QueueActions contact={c} me={user.id} onChange={(body, done) => change(c, body, done)} />
                  </td>
                )}
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
