import { useEffect, useState, type ReactNode } from 'react';
import { getContact, isFull, updateContact, type Contact, type FullContact, type Status } from '../../api/contacts.js';
import { FormError, Status as StatusMessage } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useSignedIn } from '../../session.js';
import { JobCheckResultView, readAttachedCheck } from '../jobcheck/JobCheckResult.js';
import { ContactsNav } from './ContactsNav.js';
import { EscalateForm } from './EscalateForm.js';
import { QueueActions, StatusBadge, useCanWork } from './queue.js';
import { callerRoleLabel, channelLabel, contactMethodLabel, riskLabel, sexLabel, topicLabel, useNames } from './vocabulary.js';

/** A term and its value, left out when there is no value. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Earlier contacts from the same number: the operator should know before anything else that the caller is not new. */
function RepeatCallerBanner({ contact }: { contact: FullContact }) {
  const { t, formatDateTime } = useI18n();
  const { count, items } = contact.earlierContacts;
  if (count === 0) return null;
  return (
    <section className="repeat-banner" aria-labelledby="repeat-caller">
      <h2 id="repeat-caller">{t('contacts.repeat.title', { count })}</h2>
      <ul>
        {items.map((e) => (
          <li key={e.id}>
            <Link to={`/contacts/${e.id}`}>
              <time dateTime={e.receivedAt}>{formatDateTime(e.receivedAt)}</time>
            </Link>{' '}
            · {t(channelLabel(e.channel))}
          </li>
        ))}
      </ul>
      {count > items.length && <p>{t('contacts.repeat.more', { count: count - items.length })}</p>}
    </section>
  );
}

/** One contact: its facts for everyone who may see contacts, its free text and earlier contacts for those who talk to callers. */
export default function ContactPage({ params }: PageProps) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const { user } = useSignedIn();
  const canWork = useCanWork();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const id = params.id!;

  useEffect(() => {
    setContact(null);
    setError(null);
    getContact(id).then(setContact, (e: unknown) => setError(describeError(t, e)));
  }, [id, t]);

  const change = async (body: { status?: Status; assigneeId?: string }, done: string) => {
    setNotice('');
    setError(null);
    try {
      const updated = await updateContact(id, body);
      setContact((c) => c && { ...c, status: updated.status, assigneeId: updated.assigneeId, assigneeName: updated.assigneeName });
      setNotice(done);
    } catch (e) {
      setError(describeError(t, e));
    }
  };

  if (!contact) {
    return (
      <>
        <Heading>{t('contacts.contact')}</Heading>
        <ContactsNav />
        <FormError message={error} />
        {!error && <p className="loading" role="status">{t('common.loading')}</p>}
      </>
    );
  }

  const full = isFull(contact) ? contact : null;
  const jobCheck = full && readAttachedCheck(full.jobCheck);
  return (
    <>
      <Heading>{t('contacts.contact.title', { when: formatDateTime(contact.receivedAt) })}</Heading>
      <ContactsNav />
      {full && <RepeatCallerBanner contact={full} />}
      <StatusMessage message={notice} />
      <FormError message={error} />
      <div className="contact-layout">
        <section className="panel" aria-labelledby="contact-facts">
          <h2 id="contact-facts">{t('contacts.facts')}</h2>
          <dl className="facts">
            <Fact term={t('contacts.status')}>
              <StatusBadge contact={contact} me={user.id} />
            </Fact>
            <Fact term={t('contacts.referenceLabel')}>{contact.reference}</Fact>
            <Fact term={t('contacts.channel')}>{t(channelLabel(contact.channel))}</Fact>
            <Fact term={t('contacts.topics')}>{contact.topics.map((x) => t(topicLabel(x))).join(', ')}</Fact>
            <Fact term={t('contacts.language')}>{names.language(contact.language)}</Fact>
            <Fact term={t('contacts.callerRole')}>{contact.callerRole && t(callerRoleLabel(contact.callerRole))}</Fact>
            <Fact term={t('contacts.sex')}>{contact.sex && t(sexLabel(contact.sex))}</Fact>
            <Fact term={t('contacts.ageGroup')}>{names.ageGroup(contact.ageGroup)}</Fact>
            <Fact term={t('contacts.nationality')}>{names.country(contact.nationality)}</Fact>
            <Fact term={t('contacts.destinationCountry')}>{names.country(contact.destinationCountry)}</Fact>
            <Fact term={t('contacts.heardAbout')}>{contact.heardAbout}</Fact>
            <Fact term={t('contacts.jobCheckRisk')}>{contact.jobCheckRisk && t(riskLabel(contact.jobCheckRisk))}</Fact>
          </dl>
          {canWork && (
            <div className="actions">
              <QueueActions contact={contact} me={user.id} onChange={change} />
            </div>
          )}
        </section>

        {full ? (
          <section className="panel" aria-labelledby="contact-said">
            <h2 id="contact-said">{t('contacts.said')}</h2>
            <dl className="facts">
              <Fact term={t('contacts.summary')}>{full.summary && <span className="free-text">{full.summary}</span>}</Fact>
              <Fact term={t('contacts.referralGiven')}>{full.referralGiven}</Fact>
              <Fact term={t('contacts.callerName')}>{full.callerName}</Fact>
              <Fact term={t('contacts.callerPhone')}>{full.callerPhone}</Fact>
              <Fact term={t('contacts.callerEmail')}>{full.callerEmail}</Fact>
              <Fact term={t('contacts.contactMethod')}>{full.contactMethod && t(contactMethodLabel(full.contactMethod))}</Fact>
              <Fact term={t('contacts.safeTime')}>{full.safeTime}</Fact>
            </dl>
            {!full.summary && !full.referralGiven && !full.callerPhone && !full.callerEmail && !full.callerName && <p>{t('contacts.said.nothing')}</p>}
          </section>
        ) : (
          <p className="panel">{t('contacts.restricted')}</p>
        )}
      </div>

      {jobCheck && (
        <section className="panel" aria-labelledby="contact-job-check">
          <h2 id="contact-job-check">{t('contacts.jobCheck.title')}</h2>
          {jobCheck.checkedAt && <p className="hint">{t('contacts.jobCheck.checkedAt', { when: formatDateTime(jobCheck.checkedAt) })}</p>}
          <JobCheckResultView check={jobCheck} level={3} />
          {jobCheck.offer && (
            <details>
              <summary>{t('contacts.jobCheck.offer')}</summary>
              <p className="free-text">{jobCheck.offer}</p>
            </details>
          )}
        </section>
      )}

      {full && (
        <section className="panel narrow" aria-labelledby="contact-escalate">
          <h2 id="contact-escalate">{t('contacts.escalate')}</h2>
          <p>{t('contacts.escalate.text')}</p>
          <EscalateForm contact={full} />
        </section>
      )}
    </>
  );
}
