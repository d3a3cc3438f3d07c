import { useEffect, useState, type FormEvent } from 'react';
import { confirmMfaEnrolment, startMfaEnrolment, type MfaEnrolment, type Session } from '../../api/auth.js';
import { ApiError } from '../../api/client.js';
import { FormError, SubmitButton, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { CopyButton } from '../../components/OneTimeSecret.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import { navigate, Link } from '../../router.js';
import { useSession, useSignedIn } from '../../session.js';

type Step =
  | { kind: 'starting' }
  | { kind: 'failed'; message: string }
  | { kind: 'already' }
  | { kind: 'scan'; enrolment: MfaEnrolment }
  | { kind: 'codes'; recoveryCodes: string[]; session: Session };

// The QR code is an SVG made by the server; as an image it cannot run script or touch the page.
const svgImage = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

// Groups of four are easier to type into an app; apps ignore the spaces.
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** Two-factor set-up: when a role requires it at sign-in, or by choice from the account page. */
export function MfaEnrolmentPage() {
  const { t } = useI18n();
  const { setSession } = useSession();
  const { restriction } = useSignedIn();
  const forced = restriction === 'mfa_enrolment';
  const [step, setStep] = useState<Step>({ kind: 'starting' });

  useEffect(() => {
    let current = true;
    startMfaEnrolment().then(
      (enrolment) => current && setStep({ kind: 'scan', enrolment }),
      (e: unknown) => {
        if (!current) return;
        if (e instanceof ApiError && e.code === 'mfa_already_enrolled') setStep({ kind: 'already' });
        else setStep({ kind: 'failed', message: describeError(t, e) });
      },
    );
    return () => {
      current = false;
    };
    // Starting again would replace the secret the user may already be scanning: once per visit.
  }, []);

  if (step.kind === 'codes') {
    const done = () => {
      setSession(step.session);
      if (!forced) navigate('/account');
    };
    return <RecoveryCodes codes={step.recoveryCodes} onDone={done} />;
  }

  return (
    <div className="narrow">
      <Heading>{t('auth.enrolTwoFactor')}</Heading>
      {forced && <p className="lead">{t('mfa.forced')}</p>}
      {step.kind === 'starting' && <p>{t('common.loading')}</p>}
      {step.kind === 'failed' && <FormError message={step.message} />}
      {step.kind === 'already' && (
        <>
          <p className="lead">{t('mfa.already')}</p>
          <p><Link to="/account">{t('account.back')}</Link></p>
        </>
      )}
      {step.kind === 'scan' && <ScanStep enrolment={step.enrolment} onConfirmed={(recoveryCodes, session) => setStep({ kind: 'codes', recoveryCodes, session })} />}
    </div>
  );
}

function ScanStep({ enrolment, onConfirmed }: { enrolment: MfaEnrolment; onConfirmed(codes: string[], session: Session): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      const { recoveryCodes, ...session } = await confirmMfaEnrolment(code.replace(/\s/g, ''));
      onConfirmed(recoveryCodes, session);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_fields') {
        setError(t('errors.invalidFields'));
        setFieldError(t('mfa.code.wrong'));
      } else setError(describeError(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t('mfa.app')}</p>
      <ol className="steps">
        <li>
          <p>{t('mfa.scan')}</p>
          <img className="qr" src={svgImage(enrolment.qrSvg)} alt={t('mfa.qr.alt')} width="200" height="200" />
        </li>
        <li>
          <p>{t('mfa.manual')}</p>
          <code id="mfa-secret" className="secret-value">{grouped(enrolment.secret)}</code>
        </li>
        <li>
          <form onSubmit={submit} noValidate>
            <FormError message={error} />
            <TextField
              label={t('mfa.code')}
              hint={t('mfa.code.hint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              required
              value={code}
              onChange={setCode}
              error={fieldError}
            />
            <SubmitButton busy={busy}>{t('mfa.confirm')}</SubmitButton>
          </form>
        </li>
      </ol>
    </>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (saved) onDone();
    else setError(t('mfa.codes.confirmFirst'));
  };
  return (
    <div className="narrow">
      <Heading>{t('mfa.codes.title')}</Heading>
      <p className="lead">{t('mfa.codes.text')}</p>
      <ol className="recovery-codes" aria-label={t('mfa.codes.title')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p className="actions">
        <CopyButton text={codes.join('\n')} label={t('mfa.codes.copy')} />
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('mfa.codes.print')}
        </button>
      </p>
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <div className="checkbox">
          <input id="codes-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
          <label htmlFor="codes-saved">{t('mfa.codes.saved')}</label>
        </div>
        <button type="submit" className="button">{t('mfa.codes.continue')}</button>
      </form>
    </div>
  );
}
