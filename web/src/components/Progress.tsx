import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { Status } from './forms.js';

/**
 * Long work under way (an upload, an import): a moving bar named after the work, and the seconds
 * since it began, so a long import is visibly alive. Render it while the work runs; the count
 * starts when it appears.
 */
export function WorkProgress({ label }: { label: string }) {
  const { t } = useI18n();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="progress">
      <progress aria-label={label} />
      <span>{t('common.elapsed', { seconds })}</span>
    </p>
  );
}

/**
 * The status line of an import or other long work: while it runs, what is under way and its
 * progress (counted afresh for each step); once it is over, the outcome, if any.
 */
export function WorkStatus({ working, outcome }: { working: string | null; outcome: ReactNode }) {
  return (
    <>
      <Status message={working ?? outcome} />
      {working !== null && <WorkProgress key={working} label={working} />}
    </>
  );
}
