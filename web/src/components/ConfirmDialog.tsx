import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
}

/**
 * A modal question before a destructive action. The native <dialog> traps focus, closes on Escape and
 * gives focus back to the button that opened it.
 */
export function useConfirm(): [ReactNode, (opts: ConfirmOptions) => Promise<boolean>] {
  const { t } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<{ opts: ConfirmOptions; resolve(ok: boolean): void } | null>(null);

  useEffect(() => {
    if (!pending || !ref.current || ref.current.open) return;
    ref.current.showModal();
    // The safe answer has focus, so an absent-minded Enter changes nothing.
    cancelRef.current?.focus();
  }, [pending]);

  const confirm = useCallback((opts: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ opts, resolve })), []);

  const close = (ok: boolean) => {
    ref.current?.close();
    pending?.resolve(ok);
    setPending(null);
  };

  const dialog = pending && (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onCancel={(e) => {
        e.preventDefault();
        close(false);
      }}
    >
      <h2 id={`${id}-title`}>{pending.opts.title}</h2>
      <p id={`${id}-message`}>{pending.opts.message}</p>
      <div className="actions">
        <button ref={cancelRef} type="button" className="button secondary" onClick={() => close(false)}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button danger" onClick={() => close(true)}>
          {pending.opts.confirmLabel}
        </button>
      </div>
    </dialog>
  );
  return [dialog, confirm];
}
