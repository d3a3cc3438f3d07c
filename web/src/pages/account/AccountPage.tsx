import { useState } from 'react';
import { Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { useI18n } from '../../i18n/i18n.js';
import { roleLabel } from '../../roles.js';
import { Link } from '../../router.js';
import { useSignedIn } from '../../session.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

export function AccountPage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [changed, setChanged] = useState(false);
  return (
    <>
      <Heading>{t('account.title')}</Heading>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('auth.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{user.roles.map((r) => t(roleLabel(r))).join(', ')}</dd>
      </dl>
      <section className="panel narrow" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.password')}</h2>
        <Status message={changed ? t('account.password.changed') : ''} />
        <ChangePasswordForm onChanged={() => setChanged(true)} />
      </section>
      <section className="panel narrow" aria-labelledby="mfa-heading">
        <h2 id="mfa-heading">{t('account.mfa')}</h2>
        <p>{t('account.mfa.text')}</p>
        <p>
          <Link to="/account/two-factor" className="button secondary">{t('auth.enrolTwoFactor')}</Link>
        </p>
      </section>
    </>
  );
}
