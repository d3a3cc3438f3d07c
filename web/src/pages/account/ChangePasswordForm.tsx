import { useState, type FormEvent } from 'react';
import { changePassword } from '../../api/auth.js';
import { ApiError } from '../../api/client.js';
import { FormError, SubmitButton, TextField } from '../../components/forms.js';
import { describeError } from '../../errors.js';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n.js';
import { useSession } from '../../session.js';

// The server names the rule a new password breaks in English; these are the same rules in the reader's language.
const PASSWORD_PROBLEMS: [RegExp, MessageKey][] = [
  [/at least/, 'password.problem.short'],
  [/at most/, 'password.problem.long'],
  [/commonly used/, 'password.problem.common'],
  [/different characters/, 'password.problem.repetitive'],
  [/sequence/, 'password.problem.sequence'],
  [/name or e-mail/, 'password.problem.personal'],
];

function newPasswordProblem(t: Translate, serverMessage: string): string {
  const known = PASSWORD_PROBLEMS.find(([pattern]) => pattern.test(serverMessage));
  return known ? t(known[1]) : serverMessage;
}

interface Errors {
  form?: string;
  current?: string;
  next?: string;
  repeat?: string;
}

function errorsOf(t: Translate, e: unknown): Errors {
  if (e instanceof ApiError && e.code === 'invalid_fields') {
    const current = e.field('currentPassword');
    const next = e.field('newPassword');
    return {
      form: t('errors.invalidFields'),
      current: current ? t('password.currentWrong') : undefined,
      next: next ? newPasswordProblem(t, next) : undefined,
    };
  }
  return { form: describeError(t, e) };
}

/** Changing one's password: after a one-time password (forced) or from the account page. */
export function ChangePasswordForm({ onChanged }: { onChanged?(): void }) {
  const { t } = useI18n();
  const { setSession } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) {
      setErrors({ form: t('errors.invalidFields'), repeat: t('password.repeatDiffers') });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const session = await changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      onChanged?.();
      setSession(session);
    } catch (err) {
      setErrors(errorsOf(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormError message={errors.form} />
      <TextField label={t('password.current')} type="password" autoComplete="current-password" required value={current} onChange={setCurrent} error={errors.current} />
      <TextField label={t('password.new')} hint={t('password.rules')} type="password" autoComplete="new-password" required value={next} onChange={setNext} error={errors.next} />
      <TextField label={t('password.repeat')} type="password" autoComplete="new-password" required value={repeat} onChange={setRepeat} error={errors.repeat} />
      <SubmitButton busy={busy}>{t('password.submit')}</SubmitButton>
    </form>
  );
}
