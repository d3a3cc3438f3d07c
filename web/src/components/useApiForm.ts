import { useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { formErrorsOf, noErrors, type FormErrors } from '../pages/cases/labels.js';

/**
 * A form that saves through the API: `submit(e, save)` runs `save` with the form's idempotency key
 * (one per form, so a retried save takes effect once) and puts a refusal's problems beside the
 * fields in `shown`, in the page's words where `own` has them, the rest at the top. A form that
 * refuses something itself before calling the API shows why with `setErrors`.
 */
export function useApiForm(shown: readonly string[], own: Readonly<Record<string, string>> = {}, reword: (errors: FormErrors) => FormErrors = (x) => x) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const submit = async (e: FormEvent, save: (key: string) => Promise<unknown>) => {
    e.preventDefault();
    setBusy(true);
    setErrors(noErrors);
    try {
      await save(key);
    } catch (x) {
      setErrors(reword(formErrorsOf(t, x, shown, own)));
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, submit };
}
