import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

/** Copies text, and says whether it worked (outside HTTPS and localhost browsers offer no clipboard). */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
        () => setCopied(true),
        () => setCopied(false),
      );
  };
  return (
    <span className="copy">
      <button type="button" className="button secondary" onClick={copy}>
        {label ?? t('common.copy')}
      </button>
      <span className="copy-result" role="status">
        {copied === true ? t('common.copied') : copied === false ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}

/** A password shown exactly once, with a way to copy it and a reminder that it will not come back. */
export function OneTimeSecret({ label, value, hint }: { label: string; value: string; hint: string }) {
  const id = useId();
  return (
    <div className="secret">
      <p id={`${id}-label`} className="secret-label">{label}</p>
      <code className="secret-value" aria-labelledby={`${id}-label`}>{value}</code>
      <p className="hint">{hint}</p>
      <CopyButton text={value} />
    </div>
  );
}
