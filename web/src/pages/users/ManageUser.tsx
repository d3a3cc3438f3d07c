import { useState, type FormEvent } from 'react';
import { resetUserMfa, resetUserPassword, updateUser, type StaffUser } from '../../api/users.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { FormError, Status, SubmitButton, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { OneTimeSecret } from '../../components/OneTimeSecret.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Role } from '../../roles.js';
import { RoleChoice } from './RoleChoice.js';
import { userFormErrors, type UserFormErrors } from './userErrors.js';

interface Props {
  user: StaffUser;
  /** An administrator cannot lock themselves out: their own admin role, account and sign-in stay as they are. */
  isSelf: boolean;
  onUpdated(user: StaffUser): void;
  onBack(): void;
}

export function ManageUser({ user, isSelf, onUpdated, onBack }: Props) {
  const { t } = useI18n();
  const [confirmDialog, confirm] = useConfirm();
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [errors, setErrors] = useState<UserFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null);

  /** Runs one of the account actions below the form, reporting its outcome in the status region. */
  const act = async (done: string, call: () => Promise<void>) => {
    setBusy(true);
    setNotice('');
    setActionError(null);
    try {
      await call();
      setNotice(done);
    } catch (e) {
      setActionError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setNotice('');
    try {
      onUpdated(await updateUser(user.id, { name: name.trim(), roles }));
      setNotice(t('users.saved'));
    } catch (err) {
      setErrors(userFormErrors(t, err));
    } finally {
      setBusy(false);
    }
  };

  const setDisabled = async (disabled: boolean) => {
    if (disabled && !(await confirm({ title: t('users.disable.title', { name: user.name }), message: t('users.disable.text'), confirmLabel: t('users.disable') }))) return;
    await act(t(disabled ? 'users.disable.done' : 'users.enable.done'), async () => onUpdated(await updateUser(user.id, { disabled })));
  };

  const resetMfa = async () => {
    if (!(await confirm({ title: t('users.resetMfa.title', { name: user.name }), message: t('users.resetMfa.text'), confirmLabel: t('users.resetMfa') }))) return;
    await act(t('users.resetMfa.done'), async () => onUpdated(await resetUserMfa(user.id)));
  };

  const resetPassword = async () => {
    if (!(await confirm({ title: t('users.resetPassword.title', { name: user.name }), message: t('users.resetPassword.text'), confirmLabel: t('users.resetPassword') }))) return;
    await act(t('users.resetPassword.done'), async () => setOneTimePassword((await resetUserPassword(user.id)).oneTimePassword));
  };

  return (
    <>
      <Heading>{user.name}</Heading>
      <p className="lead">{user.email}</p>
      <p>
        <button type="button" className="link-button" onClick={onBack}>{t('users.backToList')}</button>
      </p>
      <Status message={notice} />
      <FormError message={actionError} />

      <section className="panel narrow" aria-labelledby="user-details">
        <h2 id="user-details">{t('users.details')}</h2>
        <form onSubmit={save} noValidate>
          <FormError message={errors.form} />
          <TextField label={t('users.name')} required value={name} onChange={setName} error={errors.name} />
          <RoleChoice selected={roles} onChange={setRoles} error={errors.roles} locked={isSelf ? ['admin'] : []} />
          <SubmitButton busy={busy}>{t('users.save')}</SubmitButton>
        </form>
      </section>

      {isSelf ? (
        <p className="panel narrow">{t('users.self')}</p>
      ) : (
        <>
          <section className="panel narrow" aria-labelledby="user-access">
            <h2 id="user-access">{t('users.access')}</h2>
            <p>{t(user.disabled ? 'users.access.disabled' : 'users.access.active')}</p>
            {user.disabled ? (
              <button type="button" className="button secondary" disabled={busy} onClick={() => void setDisabled(false)}>{t('users.enable')}</button>
            ) : (
              <button type="button" className="button danger" disabled={busy} onClick={() => void setDisabled(true)}>{t('users.disable')}</button>
            )}
          </section>

          <section className="panel narrow" aria-labelledby="user-mfa">
            <h2 id="user-mfa">{t('users.mfa')}</h2>
            <p>{t(user.mfaEnabled ? 'users.mfa.onText' : 'users.mfa.offText')}</p>
            {user.mfaEnabled && (
              <button type="button" className="button danger" disabled={busy} onClick={() => void resetMfa()}>{t('users.resetMfa')}</button>
            )}
          </section>

          <section className="panel narrow" aria-labelledby="user-password">
            <h2 id="user-password">{t('users.password')}</h2>
            <p>{t('users.password.text')}</p>
            {oneTimePassword ? (
              <OneTimeSecret label={t('users.oneTimePassword')} value={oneTimePassword} hint={t('users.oneTimePassword.hint')} />
            ) : (
              <button type="button" className="button danger" disabled={busy} onClick={() => void resetPassword()}>{t('users.resetPassword')}</button>
            )}
          </section>
        </>
      )}
      {confirmDialog}
    </>
  );
}
