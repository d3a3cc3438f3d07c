import { useCallback, useState } from 'react';
import { listUsers, type StaffUser } from '../../api/users.js';
import { FormError, Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { DataTable, LoadMore, usePagedList, type Column } from '../../components/lists.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { roleLabel } from '../../roles.js';
import { useSignedIn } from '../../session.js';
import { InviteUser } from './InviteUser.js';
import { ManageUser } from './ManageUser.js';

type View = { kind: 'list' } | { kind: 'invite' } | { kind: 'manage'; id: string };

/** User administration: who may sign in, with which roles. */
export default function UsersPage({ title }: PageProps) {
  const { t } = useI18n();
  const { user: me } = useSignedIn();
  const [view, setView] = useState<View>({ kind: 'list' });
  const list = usePagedList(useCallback((cursor?: string) => listUsers({ limit: 100, cursor }), []));
  const { items: users, setItems: setUsers } = list;

  const replace = (u: StaffUser) => setUsers((all) => all.map((x) => (x.id === u.id ? u : x)));
  const toList = () => setView({ kind: 'list' });

  if (view.kind === 'invite') {
    return (
      <InviteUser
        onInvited={(u) => setUsers((all) => [...all, u].sort((a, b) => a.email.localeCompare(b.email)))}
        onBack={toList}
      />
    );
  }
  const managed = view.kind === 'manage' ? users.find((u) => u.id === view.id) : undefined;
  if (managed) return <ManageUser user={managed} isSelf={managed.id === me.id} onUpdated={replace} onBack={toList} />;

  const columns: Column<StaffUser>[] = [
    {
      label: t('users.name'),
      rowHeader: true,
      cell: (u) => (
        <>
          <span className="cell-main">{u.name}</span>
          <span className="cell-sub">{u.email}</span>
        </>
      ),
    },
    { label: t('users.roles'), cell: (u) => u.roles.map((r) => t(roleLabel(r))).join(', ') },
    { label: t('users.status'), cell: (u) => <span className={`badge ${u.disabled ? 'badge-off' : 'badge-on'}`}>{t(u.disabled ? 'users.disabled' : 'users.active')}</span> },
    { label: t('users.mfa'), cell: (u) => t(u.mfaEnabled ? 'users.mfa.on' : 'users.mfa.off') },
    {
      label: t('users.actions'),
      actions: true,
      cell: (u) => (
        <button type="button" className="button secondary small" onClick={() => setView({ kind: 'manage', id: u.id })}>
          {t('users.manage')}
          <span className="visually-hidden"> {u.name}</span>
        </button>
      ),
    },
  ];

  return (
    <>
      <Heading>{title}</Heading>
      <p className="page-actions">
        <button type="button" className="button" onClick={() => setView({ kind: 'invite' })}>
          {t('users.invite')}
        </button>
      </p>
      <FormError message={list.error ? describeError(t, list.error) : null} />
      <Status message={list.loading ? t('common.loading') : ''} />
      <DataTable caption={title} columns={columns} rows={users} rowKey={(u) => u.id} rowClass={(u) => (u.disabled ? 'muted-row' : undefined)} />
      <LoadMore list={list} />
    </>
  );
}
