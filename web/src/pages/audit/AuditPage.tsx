import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { listAuditEvents, type AuditEvent } from '../../api/audit.js';
import { listUsers } from '../../api/users.js';
import { FormError, Status, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { DataTable, LoadMore, usePagedList, type Column } from '../../components/lists.js';
import { describeError } from '../../errors.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';

/** Actions with a name in the reader's language; any other action shows its code. */
const ACTION_LABELS: Record<string, MessageKey> = {
  'auth.login': 'audit.action.auth.login',
  'auth.login_failed': 'audit.action.auth.login_failed',
  'auth.logout': 'audit.action.auth.logout',
  'auth.password_changed': 'audit.action.auth.password_changed',
  'auth.mfa_enrolled': 'audit.action.auth.mfa_enrolled',
  'auth.recovery_code_used': 'audit.action.auth.recovery_code_used',
  'user.created': 'audit.action.user.created',
  'user.updated': 'audit.action.user.updated',
  'user.mfa_reset': 'audit.action.user.mfa_reset',
  'user.password_reset': 'audit.action.user.password_reset',
};

const PAGE_SIZE = 50;

const detailsText = (details: Record<string, unknown>) =>
  Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');

/** The audit trail, newest first: who did what to which record, never the sensitive values. */
export default function AuditPage({ title }: PageProps) {
  const { t, formatDateTime } = useI18n();
  const [actionInput, setActionInput] = useState('');
  const [action, setAction] = useState('');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const list = usePagedList(useCallback((cursor?: string) => listAuditEvents({ limit: PAGE_SIZE, cursor, action: action || undefined }), [action]));
  const events = list.items;
  const error = list.error ? describeError(t, list.error) : null;

  useEffect(() => {
    // Names make the trail readable; without them it still shows user ids.
    listUsers({ limit: 200 }).then(
      (page) => setNames(new Map(page.items.map((u) => [u.id, u.name]))),
      () => undefined,
    );
  }, []);

  const filter = (e: FormEvent) => {
    e.preventDefault();
    setAction(actionInput.trim());
  };
  const clear = () => {
    setActionInput('');
    setAction('');
  };
  const who = (id: string | null) => (id === null ? t('audit.nobody') : (names.get(id) ?? id));

  const columns: Column<AuditEvent>[] = [
    { label: t('audit.when'), cell: (ev) => <time dateTime={ev.at}>{formatDateTime(ev.at)}</time> },
    { label: t('audit.who'), cell: (ev) => who(ev.actorId) },
    {
      label: t('audit.what'),
      cell: (ev) => {
        const label = ACTION_LABELS[ev.action];
        return (
          <>
            {label && <span className="cell-main">{t(label)}</span>}
            <code className="cell-sub">{ev.action}</code>
          </>
        );
      },
    },
    { label: t('audit.target'), cell: (ev) => ev.targetType && `${ev.targetType}: ${ev.targetType === 'user' && ev.targetId ? who(ev.targetId) : (ev.targetId ?? '')}` },
    { label: t('audit.details'), className: 'details-cell', cell: (ev) => detailsText(ev.details) },
  ];

  return (
    <>
      <Heading>{title}</Heading>
      <form className="filters" onSubmit={filter} role="search" aria-label={t('audit.filter')}>
        <TextField label={t('audit.action')} hint={t('audit.action.hint', { example: 'user.updated' })} list="audit-actions" spellCheck={false} autoCapitalize="none" value={actionInput} onChange={setActionInput} />
        <datalist id="audit-actions">
          {Object.entries(ACTION_LABELS).map(([code, label]) => (
            <option key={code} value={code}>{t(label)}</option>
          ))}
        </datalist>
        <div className="actions">
          <button type="submit" className="button">{t('audit.apply')}</button>
          {action && <button type="button" className="button secondary" onClick={clear}>{t('audit.clear')}</button>}
        </div>
      </form>
      <FormError message={error} />
      <Status message={list.loading ? t('common.loading') : action ? t('audit.filtered', { action }) : ''} />
      {!list.loading && events.length === 0 && !error && <p>{t('audit.empty')}</p>}
      <DataTable caption={title} columns={columns} rows={events} rowKey={(ev) => ev.seq} />
      <LoadMore list={list} />
    </>
  );
}
