import { useCallback, useEffect, useState } from 'react';
import { listUsers, type StaffUser } from '../../api/users.js';
import { FormError, Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
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
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      setError(null);
      try {
        const page = await listUsers({ limit: 100, cursor });
        setUsers((before) => (cursor ? [...before, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        setError(describeError(t, e));
      } finally {
        setLoading(false);
      }
    },
    [t],
  );

  useEffect(() => {
    void load();
  }, [load]);

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

  return (
    <>
      <Heading>{title}</Heading>
      <p className="page-actions">
        <button type="button" className="button" onClick={() => setView({ kind: 'invite' })}>
          {t('users.invite')}
        </button>
      </p>
      <FormError message={error} />
      <Status message={loading ? t('common.loading') : ''} />
      {users.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.mfa')}</th>
              <th scope="col"><span className="visually-hidden">{t('users.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.disabled ? 'muted-row' : undefined}>
                <th scope="row" data-label={t('users.name')}>
                  <span className="cell-main">{u.name}</span>
                  <span className="cell-sub">{u.email}</span>
                </th>
                <td data-label={t('users.roles')}>{u.roles.map((r) => t(roleLabel(r))).join(', ')}</td>
                <td data-label={t('users.status')}>
                  <span className={`badge ${u.disabled ? 'badge-off' : 'badge-on'}`}>{t(u.disabled ? 'users.disabled' : 'users.active')}</span>
                </td>
                <td data-label={t('users.mfa')}>{t(u.mfaEnabled ? 'users.mfa.on' : 'users.mfa.off')}</td>
                <td>
                  <button type="button" className="button secondary small" onClick={() => setView({ kind: 'manage', id: u.id })}>
                    {t('users.manage')}
                    <span className="visually-hidden"> {u.name}</span>
                  </button>
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
