import { useState, type FormEvent } from 'react';
import { createUser, type StaffUser } from '../../api/users.js';
import { FormError, SubmitButton, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { OneTimeSecret } from '../../components/OneTimeSecret.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Role } from '../../roles.js';
import { RoleChoice } from './RoleChoice.js';
import { userFormErrors, type UserFormErrors } from './userErrors.js';

export function InviteUser({ onInvited, onBack }: { onInvited(user: StaffUser): void; onBack(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<UserFormErrors>({});
  const [invited, setInvited] = useState<{ name: string; email: string; oneTimePassword: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const { oneTimePassword, ...user } = await createUser({ name: name.trim(), email: email.trim(), roles });
      onInvited(user);
      setInvited({ name: user.name, email: user.email, oneTimePassword });
    } catch (err) {
      setErrors(userFormErrors(t, err));
    } finally {
      setBusy(false);
    }
  };

  if (invited) {
    return (
      <div className="narrow">
        <Heading>{t('users.invited.title', { name: invited.name })}</Heading>
        <p className="lead">{t('users.invited.text', { email: invited.email })}</p>
        <OneTimeSecret label={t('users.oneTimePassword')} value={invited.oneTimePassword} hint={t('users.oneTimePassword.hint')} />
        <p className="actions">
          <button type="button" className="button" onClick={onBack}>{t('users.backToList')}</button>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <Heading>{t('users.invite')}</Heading>
      <p className="lead">{t('users.invite.text')}</p>
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <TextField label={t('users.name')} autoComplete="off" required value={name} onChange={setName} error={errors.name} />
        <TextField label={t('auth.email')} type="email" autoComplete="off" required value={email} onChange={setEmail} error={errors.email} />
        <RoleChoice selected={roles} onChange={setRoles} error={errors.roles} />
        <div className="actions">
          <SubmitButton busy={busy}>{t('users.invite.submit')}</SubmitButton>
          <button type="button" className="button secondary" onClick={onBack}>{t('common.cancel')}</button>
        </div>
      </form>
    </div>
  );
}
