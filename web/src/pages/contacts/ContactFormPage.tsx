import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { newIdempotencyKey } from '../../api/client.js';
import { createContact, type Channel, type FullContact, type NewContact, type Topic } from '../../api/contacts.js';
import { FormError, SelectField, Status, SubmitButton, TextAreaField, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { useI18n } from '../../i18n/i18n.js';
import { JobCheckPanel } from '../jobcheck/JobCheckPanel.js';
import type { AttachedJobCheck } from '../jobcheck/JobCheckResult.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { fieldErrors, type FieldErrors } from './contactErrors.js';
import { ContactsNav } from './ContactsNav.js';
import { ToggleGroup } from './ToggleGroup.js';
import { AGE_GROUPS, CALLER_ROLES, callerRoleLabel, CHANNELS, channelLabel, SEXES, sexLabel, TOPICS, topicLabel, useNames } from './vocabulary.js';

interface Draft {
  /** `YYYY-MM-DDTHH:MM` in the browser's time zone, as a datetime-local input holds it. */
  when: string;
  channel: Channel | '';
  topics: Topic[];
  language: string;
  callerRole: string;
  sex: string;
  ageGroup: string;
  nationality: string;
  destinationCountry: string;
  heardAbout: string;
  summary: string;
  referralGiven: string;
  callerPhone: string;
}

type TextKey = Exclude<keyof Draft, 'channel' | 'topics'>;
const OPTIONAL: readonly TextKey[] = ['language', 'callerRole', 'sex', 'ageGroup', 'nationality', 'destinationCountry', 'heardAbout', 'summary', 'referralGiven', 'callerPhone'];
const SHOWN = ['receivedAt', 'channel', 'topics', ...OPTIONAL];

const pad = (n: number) => String(n).padStart(2, '0');
function localNow(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const blank = (): Draft => ({
  when: localNow(), channel: '', topics: [], language: '', callerRole: '', sex: '', ageGroup: '', nationality: '', destinationCountry: '', heardAbout: '', summary: '', referralGiven: '', callerPhone: '',
});

/** The request for a draft: only what the operator filled in; the API says what is missing or wrong. */
function requestOf(d: Draft, jobCheck: AttachedJobCheck | null): NewContact {
  const at = d.when ? new Date(d.when) : null;
  const body: Record<string, unknown> = {
    receivedAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : undefined,
    channel: d.channel || undefined,
    topics: d.topics,
  };
  for (const k of OPTIONAL) if (d[k].trim()) body[k] = d[k].trim();
  if (jobCheck) body.jobCheck = jobCheck;
  return body as unknown as NewContact;
}

const isDirty = (d: Draft) => Boolean(d.channel || d.topics.length || OPTIONAL.some((k) => d[k].trim()));

/**
 * Logging a call while it happens: the required channel and topic first, as numbered toggles,
 * then whatever the caller shares. Enter saves; a failed save keeps everything, and a retry
 * sends the same Idempotency-Key, so the call is never logged twice.
 */
export default function ContactFormPage({ title }: PageProps) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const [draft, setDraft] = useState<Draft>(blank);
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<FullContact | null>(null);
  // The job-offer check made during the call: shown for the topic or on request, saved with the contact.
  const [jobCheck, setJobCheck] = useState<AttachedJobCheck | null>(null);
  const [checkWanted, setCheckWanted] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const showCheck = checkWanted || jobCheck !== null || draft.topics.includes('job_offer_check');

  // The operator starts typing at once; this runs after the heading has taken focus.
  useEffect(() => first.current?.focus(), []);

  useEffect(() => {
    if (!isDirty(draft) && !jobCheck) return;
    // Closing the tab by mistake mid-call would lose what was typed.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [draft, jobCheck]);

  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setSaved(null);
    try {
      const contact = await createContact(requestOf(draft, jobCheck), key);
      setSaved(contact);
      startOver();
      first.current?.focus();
    } catch (err) {
      setErrors(fieldErrors(t, err, SHOWN));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    const target = e.target as HTMLElement;
    const inText = target.tagName === 'TEXTAREA';
    const control = target.tagName === 'SELECT' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'submit');
    // Enter saves from any field; in the summary, where Enter starts a new line, Ctrl+Enter does.
    if ((inText && (e.ctrlKey || e.metaKey)) || (!inText && control)) {
      e.preventDefault();
      void submit();
    }
  };

  /** A fresh form for the next call. */
  function startOver() {
    setDraft(blank());
    setJobCheck(null);
    setCheckWanted(false);
    setKey(newIdempotencyKey());
  }

  const text = (k: TextKey) => ({ value: draft[k], onChange: set(k), error: errors[k] });
  const notGiven = t('contacts.notGiven');

  return (
    <>
      <Heading>{title}</Heading>
      <ContactsNav />
      <Status
        message={
          saved && (
            <>
              {t('contacts.saved', { when: formatDateTime(saved.receivedAt) })}{' '}
              {saved.earlierContacts.count > 0 && <strong>{t('contacts.saved.repeat', { count: saved.earlierContacts.count })} </strong>}
              <Link to={`/contacts/${saved.id}`}>{t('contacts.saved.open')}</Link>
            </>
          )
        }
      />
      <form className="contact-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
        <FormError message={errors.form} />
        <ToggleGroup
          legend={t('contacts.channel')}
          hint={t('contacts.channel.hint')}
          options={CHANNELS.map((c) => ({ value: c, label: t(channelLabel(c)) }))}
          value={draft.channel}
          onChange={set('channel')}
          error={errors.channel}
          firstRef={first}
        />
        <ToggleGroup
          multiple
          legend={t('contacts.topics')}
          hint={t('contacts.topics.hint')}
          options={TOPICS.map((x) => ({ value: x, label: t(topicLabel(x)) }))}
          value={draft.topics}
          onChange={set('topics')}
          error={errors.topics}
        />
        {showCheck ? (
          <section className="panel inline-check" aria-labelledby="contact-job-check">
            <h2 id="contact-job-check">{t('contacts.jobCheck.title')}</h2>
            <p className="hint">{jobCheck ? t('contacts.jobCheck.attached') : t('contacts.jobCheck.hint')}</p>
            <JobCheckPanel level={3} onResult={setJobCheck} autoFocus={checkWanted} />
          </section>
        ) : (
          <p>
            <button type="button" className="button secondary" onClick={() => setCheckWanted(true)}>
              {t('contacts.jobCheck.open')}
            </button>
          </p>
        )}
        <div className="form-grid">
          <TextField label={t('contacts.receivedAt')} type="datetime-local" required {...text('when')} error={errors.receivedAt} />
          <SelectField label={t('contacts.language')} empty={notGiven} options={names.languages} {...text('language')} />
          <SelectField label={t('contacts.callerRole')} empty={notGiven} options={CALLER_ROLES.map((r) => ({ value: r, label: t(callerRoleLabel(r)) }))} {...text('callerRole')} />
          <SelectField label={t('contacts.sex')} empty={notGiven} options={SEXES.map((s) => ({ value: s, label: t(sexLabel(s)) }))} {...text('sex')} />
          <SelectField label={t('contacts.ageGroup')} empty={notGiven} options={AGE_GROUPS.map((a) => ({ value: a, label: names.ageGroup(a) }))} {...text('ageGroup')} />
          <SelectField label={t('contacts.nationality')} empty={notGiven} options={names.countries} {...text('nationality')} />
          <SelectField label={t('contacts.destinationCountry')} empty={notGiven} options={names.countries} {...text('destinationCountry')} />
          <TextField label={t('contacts.heardAbout')} hint={t('contacts.heardAbout.hint')} autoComplete="off" {...text('heardAbout')} />
        </div>
        <TextAreaField label={t('contacts.summary')} hint={t('contacts.summary.hint')} rows={5} {...text('summary')} />
        <div className="form-grid">
          <TextField label={t('contacts.referralGiven')} autoComplete="off" {...text('referralGiven')} />
          <TextField label={t('contacts.callerPhone')} type="tel" autoComplete="off" inputMode="tel" {...text('callerPhone')} />
        </div>
        <div className="actions">
          <SubmitButton busy={busy}>{t('contacts.save')}</SubmitButton>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              startOver();
              setErrors({});
              first.current?.focus();
            }}
          >
            {t('contacts.clear')}
          </button>
          <span className="hint">{t('contacts.save.hint')}</span>
        </div>
      </form>
    </>
  );
}
