import { useState } from 'react';
import type { ContactOutline, Status } from '../../api/contacts.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSignedIn } from '../../session.js';
import { statusLabel } from './vocabulary.js';

/** Hotline operators and caseworkers work the queue and read free text; the coordinator only looks on. */
export function useCanWork(): boolean {
  const { user } = useSignedIn();
  return user.roles.includes('hotline') || user.roles.includes('caseworker');
}

const BADGE: Record<Status, string> = { new: 'badge-new', assigned: 'badge-assigned', done: 'badge-on' };

/** The status, and who has the contact: "you", or the colleague's name. */
export function StatusBadge({ contact, me }: { contact: ContactOutline; me: string }) {
  const { t } = useI18n();
  const who =
    contact.assigneeId === null ? null
    : contact.assigneeId === me ? t('contacts.assignee.you')
    : contact.assigneeName ? t('contacts.assignee.named', { name: contact.assigneeName })
    : t('contacts.assignee.colleague');
  return (
    <>
      <span className={`badge ${BADGE[contact.status]}`}>{t(statusLabel(contact.status))}</span>
      {who && <span className="cell-sub">{who}</span>}
    </>
  );
}

interface QueueActionsProps {
  contact: ContactOutline;
  me: string;
  /** Makes the change; `done` is the sentence to announce when it worked. */
  onChange(body: { status?: Status; assigneeId?: string }, done: string): Promise<void>;
}

/** Taking a contact and closing it. Each button names its contact for screen readers, as a list holds many. */
export function QueueActions({ contact, me, onChange }: QueueActionsProps) {
  const { t, formatDateTime } = useI18n();
  const [busy, setBusy] = useState(false);
  if (contact.status === 'done') return null;
  const which = <span className="visually-hidden"> {t('contacts.ofTime', { when: formatDateTime(contact.receivedAt) })}</span>;
  const run = async (body: { status?: Status; assigneeId?: string }, done: string) => {
    setBusy(true);
    try {
      await onChange(body, done);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row-actions">
      {contact.assigneeId !== me && (
        <button type="button" className="button secondary small" disabled={busy} onClick={() => void run({ assigneeId: me }, t('contacts.assigned.done'))}>
          {t('contacts.assignToMe')}
          {which}
        </button>
      )}
      <button type="button" className="button secondary small" disabled={busy} onClick={() => void run({ status: 'done' }, t('contacts.done.done'))}>
        {t('contacts.markDone')}
        {which}
      </button>
    </div>
  );
}
