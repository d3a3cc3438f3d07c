import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useConfirm, type ConfirmOptions } from '../../components/ConfirmDialog.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';

/**
 * Which form a list page shows (none at first) and the notice the last save left: `saved(message)`
 * closes the form, says so and reloads the list.
 */
export function useListForms<F extends { kind: string }>(reload: () => Promise<void>) {
  const [form, setForm] = useState<F | { kind: 'none' }>({ kind: 'none' });
  const [notice, setNotice] = useState('');
  const saved = (message: string) => {
    setForm({ kind: 'none' });
    setNotice(message);
    void reload();
  };
  return { form, setForm, notice, setNotice, saved };
}

/**
 * Removing something once the user confirms: `remove(question, call)` asks in the shared dialog (which
 * the page renders as `dialog`), then runs `call`; `busy` while it runs, the API's refusal in `error`,
 * in the page's words where `own` has some for its code.
 */
export function useRemoval(own: Readonly<Record<string, string>> = {}) {
  const { t } = useI18n();
  const [dialog, confirm] = useConfirm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async (question: ConfirmOptions, call: () => Promise<unknown>) => {
    if (!(await confirm(question))) return;
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (x) {
      setError((x instanceof ApiError && own[x.code]) || describeError(t, x));
    } finally {
      setBusy(false);
    }
  };
  return { dialog, busy, error, remove };
}

/** A number typed in a form, or undefined when the field is left empty (the API then reads it as not given). */
export const whole = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** A date and time from a `datetime-local` field, which is the browser's local time: the API wants it with its offset. */
export function instantOf(local: string): string {
  const at = local ? new Date(local) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : local;
}
