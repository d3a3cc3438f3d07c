import { useRef, useState, type FormEvent } from 'react';
import { login } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { FormError, Status, SubmitButton, TextField } from '../components/forms.js';
import { Heading } from '../components/Heading.js';
import { describeError } from '../errors.js';
import { useI18n, type Translate } from '../i18n/i18n.js';
import { useSession } from '../session.js';

function signInError(t: Translate, e: unknown): string {
  if (!(e instanceof ApiError)) return describeError(t, e);
  switch (e.code) {
    case 'invalid_credentials':
      return t('signIn.error.credentials');
    case 'invalid_totp':
      return t('signIn.error.code');
    case 'account_locked': {
      const seconds = (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? e.retryAfterSeconds ?? 900;
      return t('signIn.error.locked', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case 'invalid_fields':
      return t('signIn.error.missing');
    default:
      return describeError(t, e);
  }
}

export function SignInPage() {
  const { t } = useI18n();
  const { setSession, signedOutReason } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSession(await login({ email, password, ...(needsCode ? { totp: code.trim() } : {}) }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'mfa_required') {
        setNeedsCode(true);
        // The code field is new: take the user straight to it.
        requestAnimationFrame(() => codeRef.current?.focus());
      } else {
        setError(signInError(t, err));
        if (err instanceof ApiError && err.code === 'invalid_totp') setCode('');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <Heading>{t('auth.signIn')}</Heading>
      {signedOutReason !== 'none' && <Status message={t(signedOutReason === 'expired' ? 'signIn.expired' : 'errors.network')} />}
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <TextField label={t('auth.email')} type="email" autoComplete="username" required value={email} onChange={setEmail} />
        <TextField label={t('auth.password')} type="password" autoComplete="current-password" required value={password} onChange={setPassword} />
        {needsCode && (
          <TextField
            ref={codeRef}
            label={t('auth.oneTimeCode')}
            hint={t('signIn.code.hint')}
            autoComplete="one-time-code"
            spellCheck={false}
            autoCapitalize="none"
            required
            value={code}
            onChange={setCode}
          />
        )}
        <SubmitButton busy={busy}>{t('auth.signIn')}</SubmitButton>
      </form>
    </div>
  );
}
