import { Heading } from '../../components/Heading.js';
import { useI18n } from '../../i18n/i18n.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

/** Shown instead of everything else while a one-time password is still in use. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <Heading>{t('password.forced.title')}</Heading>
      <p className="lead">{t('password.forced.text')}</p>
      {/* The new session (perhaps asking for two-factor set-up next) replaces this page by itself. */}
      <ChangePasswordForm />
    </div>
  );
}
